import { and, asc, count, eq, gt, isNotNull, max, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildTestApp, type TestApp } from "../../test/helpers/app.ts";
import { contextAs } from "../../test/helpers/services.ts";
import type { Executor } from "../db/client.ts";
import { createWorkingCalendar } from "../modules/services/calendar/index.ts";
import { seedDemoCatalogue } from "../modules/services/catalogue/test-support.ts";
import { getServiceDashboard } from "../modules/services/oversight/dashboard/queries.ts";
import { planDemoDossier } from "../modules/services/oversight/demo-plan.ts";
import { dossierEvents, dossierRatings, dossiers } from "../modules/services/schema.ts";
import { createRandom } from "./floor-demo-data.ts";
import { DEMO_DOSSIER_HORIZON, type DemoDossierSummary, loadDemoDossiers } from "./services-demo-dossiers.ts";

let testApp: TestApp;
const province = "ba-ria-vung-tau";
let summary: DemoDossierSummary;
let seconds: number;
let provinceId: number;

class Rollback extends Error {}

/** Plays `count` dossiers one way inside a transaction that is then rolled back; returns what was written. */
async function playAndRollBack(throughCore: boolean, count: number) {
  const db = testApp.database.db;
  const [{ last } = { last: 0 }] = await db.select({ last: max(dossiers.id) }).from(dossiers);
  let written: { dossier: Record<string, unknown>; events: unknown[] }[] = [];
  const read = async (tx: Executor) => {
    const rows = await tx
      .select()
      .from(dossiers)
      .where(and(eq(dossiers.provinceId, provinceId), gt(dossiers.id, last ?? 0)))
      .orderBy(asc(dossiers.createdAt), asc(dossiers.id));
    return Promise.all(
      rows.map(async ({ id: _id, updatedAt: _updated, ...dossier }) => ({
        dossier,
        events: (
          await tx
            .select({
              seq: dossierEvents.seq,
              action: dossierEvents.action,
              stateAfter: dossierEvents.stateAfter,
              entry: dossierEvents.entry,
              at: dossierEvents.at,
              actor: dossierEvents.actorUserId,
            })
            .from(dossierEvents)
            .where(eq(dossierEvents.dossierId, _id))
            .orderBy(asc(dossierEvents.seq))
        ).map((event) => ({ ...event, entry: { ...(event.entry as object), files: undefined } })),
      })),
    );
  };
  await db
    .transaction(async (tx) => {
      await loadDemoDossiers(tx, { provinceSlug: province, provinceId, throughCore, count });
      written = await read(tx);
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return written;
}

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  const { province: hosted } = await seedDemoCatalogue(db, province);
  provinceId = hosted.id;
  const existing = await db.select({ n: count() }).from(dossiers).where(eq(dossiers.provinceId, provinceId));
  // The lead's demo loader may already call it: then the rows are there and only the figures are checked.
  if (existing[0]!.n === 0) {
    const started = performance.now();
    summary = await db.transaction((tx) => loadDemoDossiers(tx, { provinceSlug: province, provinceId }));
    seconds = (performance.now() - started) / 1000;
    console.info(`demo dossiers of ${province}: ${JSON.stringify(summary)} in ${seconds.toFixed(1)} s`);
  }
}, 600_000);
afterAll(() => testApp.close());

test("the planner is deterministic: the same seed plans the same lives", () => {
  const plan = () => {
    const random = createRandom(42);
    const calendar = createWorkingCalendar();
    return Array.from({ length: 50 }, (_, index) =>
      planDemoDossier({
        random,
        calendar,
        cutOffTime: "16:00",
        submittedAt: new Date(Date.UTC(2026, 2, 2 + (index % 20), 2, 30)),
        workflow: {
          receptionUnitId: "1",
          steps: [
            { id: "a", name: "A", unitId: "2", workingDays: 3 },
            { id: "b", name: "B", unitId: "3", workingDays: 2 },
          ],
          approvalUnitId: "4",
        } as never,
        processingWorkingDays: 5,
        isOwned: index % 3 === 0,
        paysOnline: index % 2 === 0,
        deliveryMethod: "online",
      }),
    );
  };
  const first = plan();
  expect(JSON.stringify(first)).toBe(JSON.stringify(plan()));
  for (const { steps } of first) {
    const times = steps.map((step) => step.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }
});

test("playing in memory writes what the core writes, action by action", async () => {
  const viaCore = await playAndRollBack(true, 30);
  const inMemory = await playAndRollBack(false, 30);
  expect(viaCore).toHaveLength(30);
  expect(viaCore.filter((item) => item.dossier.state === "completed").length).toBeGreaterThan(15);
  expect(inMemory).toEqual(viaCore);
}, 600_000);

describe("the demo dossiers of a province", () => {
  test("about 300 dossiers between 05/01 and 20/11/2026 in a realistic mix", async () => {
    const db = testApp.database.db;
    const rows = await db
      .select({ state: dossiers.state, timeliness: dossiers.timeliness, n: count() })
      .from(dossiers)
      .where(and(eq(dossiers.provinceId, provinceId), isNotNull(dossiers.code)))
      .groupBy(dossiers.state, dossiers.timeliness);
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    const inState = (state: string) =>
      rows.filter((row) => row.state === state).reduce((sum, row) => sum + row.n, 0);
    const timely = (value: string) =>
      rows.filter((row) => row.timeliness === value).reduce((sum, row) => sum + row.n, 0);
    expect(total).toBeGreaterThanOrEqual(290);
    expect(inState("completed")).toBeGreaterThan(total * 0.6);
    expect(inState("refused")).toBeGreaterThan(0);
    expect(timely("early")).toBeGreaterThan(timely("late"));
    expect(timely("late")).toBeGreaterThan(0);
    const [range] = await db
      .select({ first: sql<string>`min(submitted_at)::text`, last: sql<string>`max(submitted_at)::text` })
      .from(dossiers)
      .where(eq(dossiers.provinceId, provinceId));
    expect(new Date(range!.first).getTime()).toBeGreaterThanOrEqual(
      new Date("2026-01-05T00:00:00+07:00").getTime(),
    );
    expect(new Date(range!.last).getTime()).toBeLessThanOrEqual(DEMO_DOSSIER_HORIZON.getTime());
    const [rated] = await db
      .select({ n: count() })
      .from(dossierRatings)
      .innerJoin(dossiers, eq(dossiers.id, dossierRatings.dossierId))
      .where(eq(dossiers.provinceId, provinceId));
    expect(rated!.n).toBeGreaterThan(50);
    if (summary) expect(summary.dossiers).toBe(300);
  });

  test("the dashboard shows them: online share, online payments, satisfaction", async () => {
    const ctx = await contextAs(testApp.database.db, province, `lanhdao@${province}.demo`);
    const dashboard = await getServiceDashboard({ ctx, year: 2026 });
    expect(dashboard.totals.received).toBeGreaterThan(250);
    expect(dashboard.totals.receivedOnline).toBeGreaterThan(dashboard.totals.received / 3);
    expect(dashboard.totals.paidOnline).toBeGreaterThan(0);
    expect(dashboard.totals.averageProcessingDays).toBeGreaterThan(0);
    expect(dashboard.satisfaction.average).toBeGreaterThan(3.5);
    expect(dashboard.byProcedure.length).toBeGreaterThanOrEqual(5);
  });
});
