/**
 * Results are signed inside the approving action's transaction, outside any request, with keys stored under a
 * passphrase derived from the installation secret. The results routes plugin records the secret at start
 * (`configureResults`); a process that approves dossiers without building the app (the CLI, a demo loader)
 * calls it too. Links (the QR code) come from `dossiers/links.ts`, set by the services plugin.
 */
let installationSecret: string | null = null;

export function configureResults(config: { sessionSecret: string }): void {
  installationSecret = config.sessionSecret;
}

export function resultsSecret(): string {
  if (!installationSecret) {
    throw new Error(
      "The results secret is not configured (resultRoutes or configureResults sets it at start).",
    );
  }
  return installationSecret;
}
