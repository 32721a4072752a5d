import { onDossierActed } from "../dossiers/index.ts";
import { issueDossierResult } from "./issue-result.ts";

async function issueOnDecision(...args: Parameters<typeof issueDossierResult>): Promise<void> {
  await issueDossierResult(...args);
}

/**
 * Signs the result when a leader approves or rejects a dossier (in the same transaction). Idempotent: the app
 * and the CLI call it from `src/workflows/wiring.ts`; registering twice keeps one listener.
 */
export function registerResultListeners(): void {
  onDossierActed(issueOnDecision);
}
