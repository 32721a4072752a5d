import type { Executor } from "../../db/client.ts";

/** Called in the transaction that changed an enterprise (name, status, address…), after the change. */
export type EnterpriseChangeListener = (db: Executor, enterpriseId: number) => Promise<void>;

const listeners = new Set<EnterpriseChangeListener>();

/**
 * Lets another module keep its copies in step (the floor's search documents show the enterprise's name and
 * whether it is verified) without the registry depending on it. Registering the same function twice is a no-op.
 */
export function onEnterpriseChanged(listener: EnterpriseChangeListener): void {
  listeners.add(listener);
}

/**
 * Every registry service that changes an existing enterprise's record calls this inside its transaction. Creating
 * an enterprise (it has no storefront or listings yet) and deciding a claim (membership only) do not.
 */
export async function enterpriseChanged(db: Executor, enterpriseId: number): Promise<void> {
  for (const listener of listeners) await listener(db, enterpriseId);
}
