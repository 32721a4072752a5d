import type { Executor } from "../../../db/client.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import type { dossiers } from "../schema.ts";
import type { ActionEffects, HistoryEntry } from "../workflow/index.ts";

export type DossierRow = typeof dossiers.$inferSelect;

/** One appended history entry, after the snapshot was rewritten, inside the action's transaction. */
export type DossierActedEvent = {
  ctx: ServiceContext;
  before: DossierRow;
  dossier: DossierRow;
  entry: HistoryEntry;
  effects: ActionEffects;
  seq: number;
};

export type DossierActedListener = (tx: Executor, event: DossierActedEvent) => Promise<void>;

const listeners = new Set<DossierActedListener>();

/**
 * Lets other parts of the module (signed results on approval) act in the same transaction as the action, so a
 * dossier is never approved without its result. Idempotent: registering the same function twice keeps one.
 */
export function onDossierActed(listener: DossierActedListener): void {
  listeners.add(listener);
}

export async function notifyDossierActed(tx: Executor, event: DossierActedEvent): Promise<void> {
  for (const listener of listeners) await listener(tx, event);
}
