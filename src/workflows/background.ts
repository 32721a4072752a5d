import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/client.ts";
import { resumeInterruptedImports } from "../modules/enterprises/index.ts";
import { deleteExpiredCredentials } from "../modules/identity/index.ts";
import { sendYesterdaysDigests } from "../modules/marketplace/index.ts";
import { deliverQueuedMail } from "../platform/mail.ts";

/**
 * The server's recurring work. Every task keeps its state in the database, so a restart loses nothing: queued
 * mail waits in the outbox, a business-register import left running continues from its last chunk, and the
 * daily trade digest remembers per subscriber which day it last sent (running it again sends nothing twice).
 * Returns a function that stops the timers.
 */
export function startBackgroundWork(db: Database, log: FastifyBaseLogger): () => void {
  const guard = (name: string, task: () => Promise<unknown>) => () => {
    task().catch((error) => log.error({ err: error }, `${name} failed`));
  };
  const deliverMail = guard("mail delivery", () => deliverQueuedMail(db));
  const housekeeping = guard("housekeeping", () => deleteExpiredCredentials(db));
  const digests = guard("trade digest", async () => {
    const { sent } = await sendYesterdaysDigests(db);
    if (sent > 0) log.info({ sent }, "trade digests queued");
  });
  guard("import resume", async () => {
    const resumed = await resumeInterruptedImports(db);
    if (resumed > 0) log.info({ resumed }, "interrupted business-register imports resumed");
  })();
  digests();
  const timers = [
    setInterval(deliverMail, 10_000),
    setInterval(housekeeping, 60 * 60_000),
    setInterval(digests, 15 * 60_000),
  ];
  for (const timer of timers) timer.unref();
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
