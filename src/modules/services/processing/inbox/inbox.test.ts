import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildTestApp, type TestApp } from "../../../../../test/helpers/app.ts";
import {
  contextAs,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../../test/helpers/services.ts";
import { performDossierAction } from "../../dossiers/index.ts";
import { dossiers } from "../../schema.ts";
import { buildInboxCondition, type InboxFilters, listInbox } from "./inbox-query.ts";

const slug = "dong-thap";
let testApp: TestApp;
let fixture: ServiceFixture;
let receivedMonday: number;
let submitted: number;
let atTrade: number;
beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  fixture = await seedServiceFixture(db, slug, { processingWorkingDays: 5 });
  // Received Monday 09/03/2026 09:00: due Monday 16/03/2026 (five working days, the day of receipt not counted).
  receivedMonday = await submitDossierFixture(db, fixture, {
    slug,
    receive: true,
    now: new Date("2026-03-09T02:00:00Z"),
  });
  submitted = await submitDossierFixture(db, fixture, { slug, now: new Date("2026-03-09T03:00:00Z") });
  atTrade = await submitDossierFixture(db, fixture, {
    slug,
    receive: true,
    now: new Date("2026-03-09T04:00:00Z"),
  });
  await performDossierAction(
    await contextAs(db, slug, `motcua@${slug}.demo`),
    atTrade,
    { action: "forward" },
    { now: new Date("2026-03-09T05:00:00Z") },
  );
});
afterAll(() => testApp.close());

const filters = (overrides: Partial<InboxFilters> = {}): InboxFilters => ({
  scope: "unit",
  state: "",
  // Only the fixture's procedure: demo dossiers of the province would otherwise fill the first page.
  procedure: String(fixture.procedureId),
  due: "",
  holder: "",
  ...overrides,
});
const idsFor = async (email: string, overrides: Partial<InboxFilters>, now: string) =>
  (
    await listInbox(await contextAs(testApp.database.db, slug, email), filters(overrides), 1, new Date(now))
  ).items.map((row) => row.id);

test("the reception inbox holds the unit's dossiers sorted by due date, with days left and state counts", async () => {
  const ctx = await contextAs(testApp.database.db, slug, `motcua@${slug}.demo`);
  const inbox = await listInbox(ctx, filters(), 1, new Date("2026-03-10T02:00:00Z"));
  const ids = inbox.items.map((row) => row.id);
  expect(ids).toContain(receivedMonday);
  expect(ids).toContain(submitted);
  expect(ids).not.toContain(atTrade);
  const row = inbox.items.find((item) => item.id === receivedMonday)!;
  expect(row).toMatchObject({ dueDate: "2026-03-16", workingDaysLeft: 4, state: "received" });
  expect(inbox.stateCounts.received).toBeGreaterThanOrEqual(1);
  expect(inbox.stateCounts.submitted).toBeGreaterThanOrEqual(1);
  const dueDates = inbox.items.map((item) => item.dueDate ?? "9999");
  expect([...dueDates].sort()).toEqual(dueDates);
});

test("due soon means at most two working days left; overdue means past the due day", async () => {
  const reception = `motcua@${slug}.demo`;
  expect(await idsFor(reception, { due: "soon" }, "2026-03-10T02:00:00Z")).not.toContain(receivedMonday);
  expect(await idsFor(reception, { due: "soon" }, "2026-03-12T02:00:00Z")).toContain(receivedMonday);
  expect(await idsFor(reception, { due: "overdue" }, "2026-03-16T10:00:00Z")).not.toContain(receivedMonday);
  expect(await idsFor(reception, { due: "overdue" }, "2026-03-17T02:00:00Z")).toContain(receivedMonday);
  // A submitted dossier's date is only provisional: it is never listed as overdue.
  expect(await idsFor(reception, { due: "overdue" }, "2026-04-30T02:00:00Z")).not.toContain(submitted);
});

test("the trade office sees only its stage; holder and state filters narrow the list", async () => {
  const trade = `thuongmai@${slug}.demo`;
  const now = "2026-03-10T02:00:00Z";
  expect(await idsFor(trade, {}, now)).toEqual(expect.arrayContaining([atTrade]));
  expect(await idsFor(trade, {}, now)).not.toContain(receivedMonday);
  expect(await idsFor(trade, { holder: "unheld" }, now)).toContain(atTrade);
  expect(await idsFor(trade, { holder: "me" }, now)).not.toContain(atTrade);
  expect(await idsFor(trade, { state: "submitted" }, now)).not.toContain(atTrade);
  expect(await idsFor(trade, { procedure: String(fixture.procedureId) }, now)).toContain(atTrade);
  expect(await idsFor(trade, { procedure: "999999" }, now)).toEqual([]);
});

test("only leaders and administrators widen the inbox to the province", async () => {
  const now = "2026-03-10T02:00:00Z";
  expect(await idsFor(`motcua@${slug}.demo`, { scope: "province" }, now)).not.toContain(atTrade);
  const leader = await idsFor(`lanhdao@${slug}.demo`, { scope: "province" }, now);
  expect(leader).toEqual(expect.arrayContaining([receivedMonday, submitted, atTrade]));
  const otherProvince = await listInbox(
    await contextAs(testApp.database.db, "ba-ria-vung-tau", "lanhdao@ba-ria-vung-tau.demo"),
    filters({ scope: "province" }),
    1,
    new Date(now),
  );
  expect(otherProvince.items.map((row) => row.id)).not.toContain(atTrade);
});

test("an officer's inbox page is read in due-date order from the open-dossiers index, without a sort", async () => {
  const db = testApp.database.db;
  // The portal's whole scope (Đồng Tháp's lists the former provinces merged into it), as the page passes it.
  const scopeIds = (await contextAs(db, slug, `thuongmai@${slug}.demo`)).province.scopeIds;
  expect(scopeIds.length).toBeGreaterThan(1);
  const { condition } = buildInboxCondition({
    provinceIds: scopeIds,
    unitIds: [fixture.units.trade],
    isOfficersDesk: true,
    filters: filters({ procedure: "", due: "overdue" }),
    actorUserId: 1,
    today: "2026-03-17",
    dueSoonUntil: "2026-03-19",
  });
  const query = db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(condition)
    .orderBy(sql`${dossiers.dueDate} asc nulls last`, dossiers.id)
    .limit(25);
  // A handful of test rows would be read sequentially or sorted; forbidding both shows whether the index fits
  // the query's shape (the planner's choice on a few rows says nothing about a million).
  const plan = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_sort = off`);
    const result: unknown = await tx.execute(sql`explain ${query}`);
    return JSON.stringify((result as { rows?: unknown }).rows ?? result);
  });
  expect(plan).toContain("dossiers_open_inbox_idx");
  expect(plan).not.toMatch(/Seq Scan|Sort/);
});

test("the per-state counts kept by the trigger equal a count of the dossiers, through submissions, moves and deletions", async () => {
  const db = testApp.database.db;
  // The fixtures received and forwarded dossiers (moves between units and states); one more is submitted and
  // deleted outright, so inserts and deletes are exercised too.
  const extra = await submitDossierFixture(db, fixture, { slug, now: new Date("2026-03-10T03:00:00Z") });
  await db.execute(sql`delete from dossier_events where dossier_id = ${extra}`);
  await db.execute(sql`delete from dossier_files where dossier_id = ${extra}`);
  await db.execute(sql`delete from dossiers where id = ${extra}`);
  const kept = await db.execute(sql`select province_id, stage_unit_id, state, count from dossier_stage_counts
    where count <> 0 order by 1, 2, 3`);
  const counted = await db.execute(sql`select province_id, stage_unit_id, state, count(*)::int as count
    from dossiers where stage_unit_id is not null
      and state in ('submitted', 'received', 'in-review', 'awaiting-supplement', 'proposed', 'approved', 'rejected')
    group by 1, 2, 3 order by 1, 2, 3`);
  const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;
  expect(rowsOf(counted).length).toBeGreaterThan(0);
  expect(rowsOf(kept)).toEqual(rowsOf(counted));
  // The unit inbox's total is the kept count, exact (no cap) when no filter narrows it.
  const ctx = await contextAs(db, slug, `motcua@${slug}.demo`);
  const inbox = await listInbox(ctx, filters({ procedure: "" }), 1, new Date("2026-03-10T04:00:00Z"));
  expect(inbox.isTotalCapped).toBe(false);
  expect(inbox.total).toBe(Object.values(inbox.stateCounts).reduce((sum, count) => sum + (count ?? 0), 0));
});
