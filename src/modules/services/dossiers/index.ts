export {
  getServiceSettings,
  type HolidayRow,
  loadWorkingCalendar,
  type ServiceSettings,
  workingCalendarFromRows,
} from "./calendar-store.ts";
export {
  applicantDossierUrl,
  lookupUrl,
  servicesPublicUrl,
  setServicesPublicUrl,
  verificationUrl,
} from "./links.ts";
export {
  type DossierActedEvent,
  type DossierActedListener,
  type DossierRow,
  onDossierActed,
} from "./listeners.ts";
export {
  type ActionRequest,
  type ActionResult,
  performDossierAction,
  replayDossier,
} from "./perform-action.ts";
export {
  allowedActionsFor,
  getDossierForApplicant,
  getDossierForStaff,
  type HistoryLine,
  type LoadedDossier,
  loadDossierState,
  readDossierFile,
  readDossierHistory,
  summarizeDossierClockFor,
} from "./queries.ts";
export {
  RECOMPUTED_STATES,
  type RecomputeOptions,
  type RecomputeResult,
  recomputeOpenDeadlines,
} from "./recompute-deadlines.ts";
export {
  type DeadlineRecomputeListItem,
  type DeadlineRecomputeRun,
  type DeadlineRecomputeTrigger,
  findDeadlineRecomputeForUpdate,
  listDeadlineRecomputes,
  MAX_ATTEMPTS,
  nudgeDeadlineRecomputes,
  onDeadlineRecomputeQueued,
  queueDeadlineRecompute,
  type RunOutcome,
  runDeadlineRecompute,
  runQueuedDeadlineRecomputes,
  STALE_AFTER_MS,
  type WorkerOptions,
} from "./recompute-jobs.ts";
export type { DossierClock } from "./snapshot.ts";
export { loadVersionWorkflow, type ProcedureVersionRow } from "./workflow-context.ts";
