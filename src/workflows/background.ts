import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/client.ts";
import { resumeInterruptedImports } from "../modules/enterprises/index.ts";
import { deleteExpiredCredentials } from "../modules/identity/index.ts";
import { sendYesterdaysDigests } from "../modules/marketplace/index.ts";
import {
  onDeadlineRecomputeQueued,
  runQueuedDeadlineRecomputes,
} from "../modules/services/dossiers/index.ts";
import { deliverQueuedMail } from "../platform/mail.ts";

/**
 * The server's recurring work. Every task keeps its state in the database, so a restart loses nothing: queued
 * mail waits in the outbox, a business-register import left running continues from its last chunk, and the
 * daily trade digest remembers per subscriber which day it last sent (running it again sends nothing twice), and
 * a deadline recomputation after a holiday change continues from its last committed batch (one left by a dead
 * process is taken over once its heartbeat is stale). Returns a function that stops the timers.
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
  // One pass at a time in this process: a nudge during a pass asks for one more pass after it.
  let recomputing = false;
  let recomputeAgain = false;
  const recomputeDeadlines = guard("deadline recomputation", async () => {
    if (recomputing) {
      recomputeAgain = true;
      return;
    }
    recomputing = true;
    try {
      do {
        recomputeAgain = false;
        for (const run of await runQueuedDeadlineRecomputes(db)) {
          log.info(
            {
              runId: run.id,
              provinceId: run.provinceId,
              status: run.status,
              examined: run.examined,
              changed: run.changed,
            },
            "deadline recomputation worked",
          );
        }
      } while (recomputeAgain);
    } finally {
      recomputing = false;
    }
  });
  const stopListening = onDeadlineRecomputeQueued(recomputeDeadlines);
  guard("import resume", async () => {
    const resumed = await resumeInterruptedImports(db);
    if (resumed > 0) log.info({ resumed }, "interrupted business-register imports resumed");
  })();
  digests();
  recomputeDeadlines();
  const timers = [
    setInterval(recomputeDeadlines, 5_000),
    setInterval(deliverMail, 10_000),
    setInterval(housekeeping, 60 * 60_000),
    setInterval(digests, 15 * 60_000),
  ];
  for (const timer of timers) timer.unref();
  return () => {
    for (const timer of timers) clearInterval(timer);
    stopListening();
  };
}
