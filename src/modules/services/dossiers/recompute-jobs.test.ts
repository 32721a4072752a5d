import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  contextAs,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { auditLog } from "../../identity/schema.ts";
import { generatePublicHolidays } from "../calendar/index.ts";
import { addHoliday } from "../processing/holidays/holiday-table.ts";
import { deadlineRecomputations, dossiers, holidays } from "../schema.ts";
import {
  onDeadlineRecomputeQueued,
  performDossierAction,
  runQueuedDeadlineRecomputes,
  STALE_AFTER_MS,
} from "./index.ts";

const slug = "ba-ria-vung-tau";
const otherSlug = "dong-thap";
// As in recompute-deadlines.test.ts: a 5-day procedure received on Monday 9 March 2026 is due Monday 16/3; a
// compensatory day off on Wednesday 11/3 pushes it to Tuesday 17/3.
const monday = new Date("2026-03-09T02:00:00Z");
const dueBefore = "2026-03-16";
const dueAfter = "2026-03-17";
const dayOff = "2026-03-11";

let testApp: TestApp;
let fixture: ServiceFixture;
let otherFixture: ServiceFixture;
const ids = { received: 0, paused: 0, completed: 0, other: 0 };
let nudges = 0;
const db = () => testApp.database.db;
const admin = (province = slug) => contextAs(db(), province, `quantri@${province}.demo`);
const dayOffForm = (date: string) => ({
  date,
  name: "Nghỉ bù",
  nameEn: "Compensatory day off",
  kind: "compensatory",
});

async function writeHolidayTable(provinceId: number) {
  await db()
    .insert(holidays)
    .values(
      generatePublicHolidays(2026).map((entry) => ({
        provinceId,
        date: entry.date,
        name: entry.name.vi,
        nameEn: entry.name.en,
        kind: entry.kind,
        source: "generated" as const,
      })),
    );
}

const runsOf = (provinceId: number) =>
  db()
    .select()
    .from(deadlineRecomputations)
    .where(eq(deadlineRecomputations.provinceId, provinceId))
    .orderBy(asc(deadlineRecomputations.id));
const runOf = async (id: number) =>
  (await db().select().from(deadlineRecomputations).where(eq(deadlineRecomputations.id, id)))[0]!;
const dueOf = async (id: number) =>
  (await db().select({ dueDate: dossiers.dueDate }).from(dossiers).where(eq(dossiers.id, id)))[0]!.dueDate;
const auditsOf = (action: string, provinceId: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.provinceId, provinceId)));
/** A crashed worker: its heartbeat stops, and after STALE_AFTER_MS another may take the run. */
const ageHeartbeat = (runId: number) =>
  db()
    .update(deadlineRecomputations)
    .set({ heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 1000) })
    .where(eq(deadlineRecomputations.id, runId));
/** Works every queued run of both provinces through, so a test starts with none pending. */
const drain = () => runQueuedDeadlineRecomputes(db(), { retryDelayMs: 0 });

beforeAll(async () => {
  testApp = await buildTestApp();
  onDeadlineRecomputeQueued(() => {
    nudges += 1;
  });
  fixture = await seedServiceFixture(db(), slug, { processingWorkingDays: 5 });
  otherFixture = await seedServiceFixture(db(), otherSlug, { processingWorkingDays: 5 });
  await writeHolidayTable(fixture.provinceId);
  await writeHolidayTable(otherFixture.provinceId);
  ids.received = await submitDossierFixture(db(), fixture, { receive: true, now: monday });
  ids.other = await submitDossierFixture(db(), otherFixture, { slug: otherSlug, receive: true, now: monday });
  ids.paused = await submitDossierFixture(db(), fixture, { receive: true, now: monday });
  const as = (email: string) => contextAs(db(), slug, `${email}@${slug}.demo`);
  await performDossierAction(await as("motcua"), ids.paused, { action: "forward" }, { now: monday });
  await performDossierAction(
    await as("thuongmai"),
    ids.paused,
    { action: "request-supplement", comment: "Thiếu bản sao" },
    { now: new Date(monday.getTime() + 24 * 3600_000) },
  );
  ids.completed = await submitDossierFixture(db(), fixture, { receive: true, now: monday });
  for (const [email, action] of [
    ["motcua", "forward"],
    ["thuongmai", "propose"],
    ["lanhdao", "approve"],
  ] as const) {
    await performDossierAction(await as(email), ids.completed, { action }, { now: monday });
  }
  await performDossierAction(
    await as("motcua"),
    ids.completed,
    { action: "return-result", deliveryMethod: "online" },
    { now: monday },
  );
}, 60_000);
afterAll(() => testApp.close());

describe("a holiday change queues a durable recomputation", () => {
  it("queues exactly one run in the change's transaction; a change whose commit fails leaves no run", async () => {
    expect(await runsOf(fixture.provinceId)).toHaveLength(0);
    const before = nudges;
    const change = await addHoliday(await admin(), dayOffForm("11/03/2026"));
    const runs = await runsOf(fixture.provinceId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      id: change.recomputeRunId,
      status: "queued",
      fromDate: dayOff,
      trigger: "holidays.add",
      requestedByUserId: (await admin()).actor!.userId,
      startedAt: null,
    });
    expect(nudges).toBe(before + 1);
    // The request did not do the work: the snapshot moves when the worker runs.
    expect(await dueOf(ids.received)).toBe(dueBefore);

    // A change whose commit is refused (a deferred check fails at COMMIT): neither its row nor its run remains,
    // not even the earlier start date it would have merged into the queued run.
    await db().execute(sql`create function refuse_commit() returns trigger language plpgsql as $$
      begin raise exception 'commit refused'; end $$`);
    await db().execute(sql`create constraint trigger holidays_refuse_commit after insert on holidays
      deferrable initially deferred for each row execute function refuse_commit()`);
    try {
      await expect(addHoliday(await admin(), dayOffForm("10/03/2026"))).rejects.toThrow();
    } finally {
      await db().execute(sql`drop trigger holidays_refuse_commit on holidays`);
      await db().execute(sql`drop function refuse_commit()`);
    }
    const tenth = () =>
      db()
        .select()
        .from(holidays)
        .where(and(eq(holidays.provinceId, fixture.provinceId), eq(holidays.date, "2026-03-10")));
    expect(await tenth()).toHaveLength(0);
    expect(await runsOf(fixture.provinceId)).toEqual(runs);

    // And the other way round: when queueing the run fails, the day is not saved either.
    await db().execute(sql`create function refuse_run() returns trigger language plpgsql as $$
      begin raise exception 'run refused'; end $$`);
    await db().execute(sql`create trigger runs_refuse before insert or update on deadline_recomputations
      for each row execute function refuse_run()`);
    try {
      await expect(addHoliday(await admin(), dayOffForm("10/03/2026"))).rejects.toThrow();
    } finally {
      await db().execute(sql`drop trigger runs_refuse on deadline_recomputations`);
      await db().execute(sql`drop function refuse_run()`);
    }
    expect(await tenth()).toHaveLength(0);
    expect(await runsOf(fixture.provinceId)).toEqual(runs);
  });

  it("the worker moves the due dates, marks the run done with its counts and writes one audit row", async () => {
    const [queued] = await runsOf(fixture.provinceId);
    const completedBefore = await db().select().from(dossiers).where(eq(dossiers.id, ids.completed));
    const outcomes = await runQueuedDeadlineRecomputes(db());
    expect(outcomes.map((run) => run.id)).toEqual([queued!.id]);
    expect(await dueOf(ids.received)).toBe(dueAfter);
    expect(await dueOf(ids.paused)).toBe(dueAfter);
    expect(await db().select().from(dossiers).where(eq(dossiers.id, ids.completed))).toEqual(completedBefore);
    const run = await runOf(queued!.id);
    expect(run).toMatchObject({
      status: "done",
      examined: 2,
      changed: 2,
      total: 2,
      attempts: 0,
      error: null,
    });
    expect(run.finishedAt).toBeInstanceOf(Date);
    const audits = await auditsOf("services.deadlines.recomputed", fixture.provinceId);
    expect(audits.map((audit) => audit.after)).toEqual([
      { runId: run.id, trigger: "holidays.add", from: dayOff, examined: 2, changed: 2, failed: 0 },
    ]);
    expect(audits[0]!.actorUserId).toBe((await admin()).actor!.userId);
    // Nothing left to do: a second pass claims nothing.
    expect(await runQueuedDeadlineRecomputes(db())).toEqual([]);
  });
});

describe("a run survives a crash", () => {
  it("resumes from its last committed batch once the heartbeat is stale: nothing lost, nothing done twice", async () => {
    // Five more open dossiers, received with the day off already in the table: due 17/3.
    const more: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      more.push(await submitDossierFixture(db(), fixture, { receive: true, now: monday }));
    }
    const open = [ids.received, ids.paused, ...more].sort((a, b) => a - b);
    for (const id of open) expect(await dueOf(id)).toBe(dueAfter);
    const [row] = await db()
      .select()
      .from(holidays)
      .where(and(eq(holidays.provinceId, fixture.provinceId), eq(holidays.date, dayOff)));
    const { removeHoliday } = await import("../processing/holidays/holiday-table.ts");
    const { recomputeRunId } = await removeHoliday(await admin(), row!.id);

    // One batch of two, then the process "dies": the run stays running with its cursor after the second id.
    const [first] = await runQueuedDeadlineRecomputes(db(), { batchSize: 2, maxBatches: 1 });
    expect(first).toMatchObject({ id: recomputeRunId, status: "running", examined: 2, changed: 2, total: 7 });
    expect((await runOf(recomputeRunId)).afterId).toBe(open[1]);
    // The first batch is committed (not lost); the rest is not done yet.
    expect([await dueOf(open[0]!), await dueOf(open[1]!), await dueOf(open[2]!)]).toEqual([
      dueBefore,
      dueBefore,
      dueAfter,
    ]);
    // Its heartbeat is fresh: another worker leaves it alone.
    expect(await runQueuedDeadlineRecomputes(db(), { batchSize: 2 })).toEqual([]);

    await ageHeartbeat(recomputeRunId);
    const [resumed] = await runQueuedDeadlineRecomputes(db(), { batchSize: 2 });
    // A straight run would examine the 7 open dossiers and move all of them back to 16/3.
    expect(resumed).toMatchObject({ id: recomputeRunId, status: "done", examined: 7, changed: 7, total: 7 });
    for (const id of open) expect(await dueOf(id)).toBe(dueBefore);
    const audits = (await auditsOf("services.deadlines.recomputed", fixture.provinceId)).filter(
      (audit) => (audit.after as { runId: number }).runId === recomputeRunId,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ trigger: "holidays.remove", examined: 7, changed: 7 });
  });

  it("merges changes made before the worker runs into one queued run, and never runs two at once for a province", async () => {
    await addHoliday(await admin(), dayOffForm("10/06/2026"));
    await addHoliday(await admin(), dayOffForm("09/06/2026"));
    const queued = (await runsOf(fixture.provinceId)).filter((run) => run.status === "queued");
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ fromDate: "2026-06-09", trigger: "holidays.add" });

    // Claimed and left running (a crash before its first batch): the next change queues a run of its own…
    await runQueuedDeadlineRecomputes(db(), { maxBatches: 0 });
    expect((await runOf(queued[0]!.id)).status).toBe("running");
    const { recomputeRunId: next } = await addHoliday(await admin(), dayOffForm("12/06/2026"));
    expect(next).not.toBe(queued[0]!.id);
    // …which waits while the province has a run going, even a stale one that nobody has taken over yet.
    expect(await runQueuedDeadlineRecomputes(db())).toEqual([]);
    await ageHeartbeat(queued[0]!.id);
    const outcomes = await runQueuedDeadlineRecomputes(db());
    expect(outcomes.map((run) => [run.id, run.status])).toEqual([
      [queued[0]!.id, "done"],
      [next, "done"],
    ]);
  });
});

describe("a failing run", () => {
  it("is retried after a delay, fails after 3 attempts, and is shown with a retry button only administrators may use", async () => {
    const { recomputeRunId } = await addHoliday(await admin(), dayOffForm("10/07/2026"));
    const outage = () => {
      throw new Error("simulated outage");
    };
    const [attempt1] = await runQueuedDeadlineRecomputes(db(), { beforeBatch: outage });
    expect(attempt1).toMatchObject({ status: "queued", attempts: 1, error: "Error: simulated outage" });
    // Within the retry delay (attempts × 30 s) the run is not taken again.
    expect(await runQueuedDeadlineRecomputes(db(), { beforeBatch: outage })).toEqual([]);
    const [attempt2] = await runQueuedDeadlineRecomputes(db(), {
      beforeBatch: outage,
      retryDelayMs: 0,
      limit: 1,
    });
    expect(attempt2).toMatchObject({ status: "queued", attempts: 2 });
    const [attempt3] = await runQueuedDeadlineRecomputes(db(), {
      beforeBatch: outage,
      retryDelayMs: 0,
      limit: 1,
    });
    expect(attempt3).toMatchObject({ status: "failed", attempts: 3, error: "Error: simulated outage" });
    expect(await runQueuedDeadlineRecomputes(db(), { retryDelayMs: 0 })).toEqual([]);
    const failures = await auditsOf("services.deadlines.recomputeFailed", fixture.provinceId);
    expect(failures.map((audit) => audit.after)).toEqual([
      expect.objectContaining({ runId: recomputeRunId, attempts: 3, error: "Error: simulated outage" }),
    ]);

    const browser = new Browser(testApp.app);
    await browser.signIn(slug, `quantri@${slug}.demo`);
    const page = (await browser.get(`/${slug}/admin/services/holidays?year=2026`)).body;
    expect(page).toContain("Không tính lại được sau 3 lần thử. Lỗi: Error: simulated outage");
    const retryAction = `/${slug}/admin/services/holidays/recomputations/${recomputeRunId}/retry`;
    expect(page).toContain(`action="${retryAction}"`);

    const countRuns = async () => (await runsOf(fixture.provinceId)).length;
    const runsBefore = await countRuns();
    // Without the CSRF token: refused.
    const forged = await testApp.app.inject({
      method: "POST",
      url: retryAction,
      headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: "year=2026",
    });
    expect(forged.statusCode).toBe(403);
    // An officer (no services.manage), with a valid token of a page they may open: refused.
    const officer = new Browser(testApp.app);
    await officer.signIn(slug, `motcua@${slug}.demo`);
    const refused = await officer.submit(`/${slug}/admin/services/inbox`, retryAction, { year: "2026" });
    expect(refused.statusCode).toBe(403);
    expect(await countRuns()).toBe(runsBefore);

    const nudgesBefore = nudges;
    const retried = await browser.submit(`/${slug}/admin/services/holidays?year=2026`, retryAction, {
      year: "2026",
    });
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe(`/${slug}/admin/services/holidays?year=2026#recompute-runs`);
    expect(nudges).toBe(nudgesBefore + 1);
    const runs = await runsOf(fixture.provinceId);
    expect(runs).toHaveLength(runsBefore + 1);
    expect(runs.at(-1)).toMatchObject({ status: "queued", trigger: "retry", fromDate: "2026-07-10" });
    expect((await runOf(recomputeRunId)).status).toBe("failed");
    const retries = await auditsOf("services.deadlines.recomputeRetry", fixture.provinceId);
    expect(retries.map((audit) => [audit.entityId, audit.after])).toEqual([
      [String(recomputeRunId), { runId: runs.at(-1)!.id, from: "2026-07-10" }],
    ]);
    expect((await drain()).map((run) => run.status)).toEqual(["done"]);
    // Only a failed run can be retried.
    const again = await browser.submit(
      `/${slug}/admin/services/holidays?year=2026`,
      `/${slug}/admin/services/holidays/recomputations/${runs.at(-1)!.id}/retry`,
      { year: "2026" },
    );
    expect(again.statusCode).toBe(409);
  });
});

describe("provinces", () => {
  it("another province's run never touches this province's dossiers, and its runs are not this portal's", async () => {
    await drain();
    const ours = await db()
      .select()
      .from(dossiers)
      .where(eq(dossiers.provinceId, fixture.provinceId))
      .orderBy(asc(dossiers.id));
    const [auditsBefore] = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.provinceId, fixture.provinceId),
          inArray(auditLog.action, ["services.deadlines.recomputed", "services.deadlines.recomputeFailed"]),
        ),
      );
    const { recomputeRunId } = await addHoliday(await admin(otherSlug), dayOffForm("11/03/2026"));
    const outcomes = await runQueuedDeadlineRecomputes(db());
    expect(outcomes).toEqual([expect.objectContaining({ id: recomputeRunId, status: "done", changed: 1 })]);
    expect(await dueOf(ids.other)).toBe(dueAfter);
    expect(
      await db()
        .select()
        .from(dossiers)
        .where(eq(dossiers.provinceId, fixture.provinceId))
        .orderBy(asc(dossiers.id)),
    ).toEqual(ours);
    const [auditsAfter] = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.provinceId, fixture.provinceId),
          inArray(auditLog.action, ["services.deadlines.recomputed", "services.deadlines.recomputeFailed"]),
        ),
      );
    expect(auditsAfter!.n).toBe(auditsBefore!.n);

    // Bà Rịa – Vũng Tàu's administrator neither sees nor retries Đồng Tháp's run.
    await db()
      .update(deadlineRecomputations)
      .set({ status: "failed" })
      .where(eq(deadlineRecomputations.id, recomputeRunId));
    const browser = new Browser(testApp.app);
    await browser.signIn(slug, `quantri@${slug}.demo`);
    const page = await browser.get(`/${slug}/admin/services/holidays?year=2026`);
    expect(page.body).not.toContain(`recomputations/${recomputeRunId}/retry`);
    const response = await browser.submit(
      `/${slug}/admin/services/holidays?year=2026`,
      `/${slug}/admin/services/holidays/recomputations/${recomputeRunId}/retry`,
      { year: "2026" },
    );
    expect(response.statusCode).toBe(404);
    expect(await runsOf(otherFixture.provinceId)).toHaveLength(1);
  });
});
