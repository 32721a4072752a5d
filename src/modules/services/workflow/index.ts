export type { DossierCodeParts, DossierCodePattern } from "./dossier-code.ts";
export {
  AGENCY_CODE_PATTERN,
  compileDossierCodePattern,
  DossierCodePatternError,
  DossierSequenceOverflowError,
  formatDossierCode,
  getSequenceDay,
  isValidDossierCode,
  NATIONAL_PORTAL_PATTERN,
  parseDossierCode,
} from "./dossier-code.ts";
export type {
  ActionInputProblem,
  ForbiddenActionReason,
  IllegalTransitionReason,
} from "./errors.ts";
export {
  ActionInputError,
  ForbiddenActionError,
  IllegalTransitionError,
  InvalidHistoryError,
  WorkflowDefinitionError,
} from "./errors.ts";
export type { ActionEffects, ActionOutcome } from "./history.ts";
export { applyAction, INITIAL_STATUS, replay } from "./history.ts";
export type {
  Actor,
  DeliveryMethod,
  DossierContext,
  DossierStatus,
  Extension,
  FileRef,
  HistoryEntry,
  HistoryEntryOf,
  IssuedForm,
  Pause,
  StaffRef,
  StepVisit,
} from "./history-types.ts";
export { DELIVERY_METHODS } from "./history-types.ts";
export { getStageOf } from "./holder.ts";
export type { ProcedureWorkflow, ProcessingStep, Stage } from "./procedure-steps.ts";
export { defineProcedureWorkflow, getStage } from "./procedure-steps.ts";
export type {
  ActionRule,
  ClockEffect,
  DossierAction,
  DossierState,
  Edge,
  FormNumber,
  RequiredInputs,
  Role,
  StaffRole,
  StatusEmail,
} from "./transitions.ts";
export {
  DOSSIER_ACTIONS,
  DOSSIER_STATES,
  FORMS,
  findEdge,
  getEdgeOrThrow,
  isTerminal,
  listAllowedActions,
  ROLES,
  TERMINAL_STATES,
  WORKFLOW_TABLE,
} from "./transitions.ts";
