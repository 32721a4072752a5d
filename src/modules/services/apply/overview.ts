import type { ServiceContext } from "../../../platform/request-context.ts";
import {
  allowedActionsFor,
  type DossierClock,
  type HistoryLine,
  loadDossierState,
  readDossierHistory,
  summarizeDossierClockFor,
} from "../dossiers/index.ts";
import { findLatestDossierResult } from "../results/index.ts";
import type { DossierAction } from "../workflow/index.ts";
import { type DraftState, loadApplicationState } from "./draft-state.ts";
import { hasRating } from "./queries.ts";

export type DossierOverview = DraftState & {
  history: HistoryLine[];
  clock: DossierClock | null;
  allowedActions: DossierAction[];
  hasResult: boolean;
  /** The public verification token of the current result (its QR code's page), when there is one. */
  resultVerificationToken: string | null;
  hasRating: boolean;
  /** The agency's last request for a supplement, while the applicant is asked to answer it. */
  openSupplementRequest: HistoryLine | null;
};

/** The applicant's page of a submitted dossier: status, clock, history, and what they may do now. */
export async function loadDossierOverview(
  ctx: ServiceContext,
  dossierId: number,
  now = new Date(),
): Promise<DossierOverview> {
  const state = await loadApplicationState(ctx, dossierId);
  const { dossier } = state;
  const loaded = await loadDossierState(ctx.db, dossier);
  const [history, clock, allowedActions, result, rating] = await Promise.all([
    readDossierHistory(ctx.db, dossier.id),
    summarizeDossierClockFor(ctx.db, dossier, now, loaded),
    allowedActionsFor(ctx, dossier, loaded),
    findLatestDossierResult(ctx.db, dossier.id),
    hasRating(ctx.db, dossier.id),
  ]);
  const isWaiting = dossier.state === "needs-completion" || dossier.state === "awaiting-supplement";
  const request = history.findLast((line) => line.action === "request-supplement") ?? null;
  return {
    ...state,
    history,
    clock,
    allowedActions,
    // The download and the verification page serve the latest result not revoked: link only when there is one.
    hasResult: result !== null,
    resultVerificationToken: result?.verificationToken ?? null,
    hasRating: rating,
    openSupplementRequest: isWaiting ? request : null,
  };
}
