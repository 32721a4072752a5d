import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  contextAs,
  hostedProvinceOf,
  markPaidFixture,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";
import { generatePublicHolidays } from "../calendar/index.ts";
import { dossierEvents, dossiers, holidays } from "../schema.ts";
import { performDossierAction, recomputeOpenDeadlines } from "./index.ts";

const slug = "ba-ria-vung-tau";
const otherSlug = "dong-thap";
// Monday 9 March 2026, 09:00 in Vietnam; `at(h)` is h hours later.
const monday = new Date("2026-03-09T02:00:00Z");
const at = (hours: number) => new Date(monday.getTime() + hours * 3600_000);
// A 5-day procedure received on Monday 9/3 (not counted): Tue 10, Wed 11, Thu 12, Fri 13, Mon 16 → due 16/3.
const dueBefore = "2026-03-16";
// With a compensatory day off on Wednesday 11/3: Tue 10, Thu 12, Fri 13, Mon 16, Tue 17 → due 17/3.
const dueAfter = "2026-03-17";
const dayOff = "2026-03-11";

let testApp: TestApp;
let fixture: ServiceFixture;
let otherFixture: ServiceFixture;
const ids = { received: 0, paused: 0, completed: 0, early: 0, other: 0 };
const db = () => testApp.database.db;
const as = (email: string, province = slug) => contextAs(db(), province, `${email}@${province}.demo`);

/** The province's 2026 table as the administrator's page would hold it: the generated defaults. */
async function writeHolidayTable(provinceId: number) {
  const existing = await db().select().from(holidays).where(eq(holidays.provinceId, provinceId));
  if (existing.some((row) => row.date.startsWith("2026-"))) return;
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

async function addDayOff(provinceId: number) {
  await db().insert(holidays).values({
    provinceId,
    date: dayOff,
    name: "Nghỉ bù",
    nameEn: "Compensatory day off",
    kind: "compensatory",
    source: "manual",
  });
}

const removeDayOff = (provinceId: number) =>
  db()
    .delete(holidays)
    .where(and(eq(holidays.provinceId, provinceId), eq(holidays.date, dayOff)));

const rowOf = async (id: number) => (await db().select().from(dossiers).where(eq(dossiers.id, id)))[0]!;

async function countRows() {
  const [events] = await db().select({ n: count() }).from(dossierEvents);
  const [mails] = await db().select({ n: count() }).from(mailOutbox);
  return { events: events!.n, mails: mails!.n };
}

const recomputeAudits = async (provinceId: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "services.deadlines.recomputed"), eq(auditLog.provinceId, provinceId)));

beforeAll(async () => {
  testApp = await buildTestApp();
  fixture = await seedServiceFixture(db(), slug, { processingWorkingDays: 5 });
  otherFixture = await seedServiceFixture(db(), otherSlug, { processingWorkingDays: 5 });
  await writeHolidayTable(fixture.provinceId);
  await writeHolidayTable(otherFixture.provinceId);
  ids.received = await submitDossierFixture(db(), fixture, { receive: true, now: monday });
  ids.other = await submitDossierFixture(db(), otherFixture, { slug: otherSlug, receive: true, now: monday });

  // Received, forwarded, then asked for a supplement on Tuesday 10/3: the clock is paused.
  ids.paused = await submitDossierFixture(db(), fixture, { receive: true, now: monday });
  await performDossierAction(await as("motcua"), ids.paused, { action: "forward" }, { now: at(1) });
  await performDossierAction(
    await as("thuongmai"),
    ids.paused,
    { action: "request-supplement", comment: "Thiếu bản sao" },
    { now: at(24) },
  );

  // Through to the end on Tuesday 10/3: completed, early.
  ids.completed = await submitDossierFixture(db(), fixture, { receive: true, now: monday });
  await performDossierAction(await as("motcua"), ids.completed, { action: "forward" }, { now: at(1) });
  await performDossierAction(await as("thuongmai"), ids.completed, { action: "propose" }, { now: at(2) });
  await performDossierAction(await as("lanhdao"), ids.completed, { action: "approve" }, { now: at(3) });
  await performDossierAction(
    await as("motcua"),
    ids.completed,
    { action: "return-result", deliveryMethod: "online" },
    { now: at(24) },
  );

  // Received the Monday before (2/3): due Monday 9/3, before the changed day, so it is not even read.
  ids.early = await submitDossierFixture(db(), fixture, { now: new Date("2026-03-02T02:00:00Z") });
  await markPaidFixture(db(), ids.early);
  await performDossierAction(
    await as("motcua"),
    ids.early,
    { action: "receive" },
    { now: new Date("2026-03-02T02:00:00Z") },
  );
});
afterAll(() => testApp.close());

describe("recomputing open dossiers' deadlines after a holiday change", () => {
  it("starts from the snapshots the actions wrote", async () => {
    expect((await rowOf(ids.received)).dueDate).toBe(dueBefore);
    expect((await rowOf(ids.paused)).state).toBe("awaiting-supplement");
    expect((await rowOf(ids.paused)).dueDate).toBe(dueBefore);
    expect((await rowOf(ids.completed)).state).toBe("completed");
    expect((await rowOf(ids.completed)).dueDate).toBe(dueBefore);
    expect((await rowOf(ids.other)).dueDate).toBe(dueBefore);
    expect((await rowOf(ids.early)).dueDate).toBe("2026-03-09");
  });

  it("moves the due dates a compensatory day off pushes back, and nothing else", async () => {
    const paused = await rowOf(ids.paused);
    const completed = await rowOf(ids.completed);
    const other = await rowOf(ids.other);
    const early = await rowOf(ids.early);
    const before = await countRows();
    await addDayOff(fixture.provinceId);
    await addDayOff(otherFixture.provinceId);

    const result = await recomputeOpenDeadlines(db(), fixture.provinceId, {
      from: dayOff,
      trigger: "test",
    });

    // Examined: the received and the paused dossier (the completed one is closed, the early one due before 11/3).
    expect(result).toEqual({ examined: 2, changed: 2, failed: 0 });
    expect((await rowOf(ids.received)).dueDate).toBe(dueAfter);
    // The supplement's pause stays open: state, stage and pause untouched; its due date follows the calendar.
    const pausedAfter = await rowOf(ids.paused);
    expect(pausedAfter.dueDate).toBe(dueAfter);
    expect(pausedAfter.state).toBe("awaiting-supplement");
    expect(pausedAfter.pausedAt).toEqual(paused.pausedAt);
    expect(pausedAfter.holderUserId).toBe(paused.holderUserId);
    expect(pausedAfter.eventCount).toBe(paused.eventCount);
    expect(pausedAfter.lastActionAt).toEqual(paused.lastActionAt);
    // Closed, due before the change, or in another province: the row is exactly as it was.
    expect(await rowOf(ids.completed)).toEqual(completed);
    expect(await rowOf(ids.early)).toEqual(early);
    // Dong Thap's table changed too, but only Bà Rịa – Vũng Tàu was recomputed: its snapshot is left alone.
    expect(await rowOf(ids.other)).toEqual(other);
    // No history entry, no e-mail; one audit row for the run.
    expect(await countRows()).toEqual(before);
    const audits = await recomputeAudits(fixture.provinceId);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toEqual({ trigger: "test", from: dayOff, examined: 2, changed: 2, failed: 0 });
    expect(await recomputeAudits(otherFixture.provinceId)).toHaveLength(0);
  });

  it("writes nothing when the dates come out the same", async () => {
    const rows = await db()
      .select()
      .from(dossiers)
      .where(inArray(dossiers.id, [ids.received, ids.paused]));
    const result = await recomputeOpenDeadlines(db(), fixture.provinceId, { trigger: "test" });
    expect(result.changed).toBe(0);
    expect(result.examined).toBeGreaterThanOrEqual(3);
    const again = await db()
      .select()
      .from(dossiers)
      .where(inArray(dossiers.id, [ids.received, ids.paused]));
    expect(again).toEqual(rows);
  });

  it("moves them back when the day off is removed, batch by batch", async () => {
    const before = await countRows();
    await removeDayOff(fixture.provinceId);
    const result = await recomputeOpenDeadlines(db(), fixture.provinceId, {
      from: dayOff,
      trigger: "test",
      batchSize: 1,
    });
    expect(result).toEqual({ examined: 2, changed: 2, failed: 0 });
    expect((await rowOf(ids.received)).dueDate).toBe(dueBefore);
    expect((await rowOf(ids.paused)).dueDate).toBe(dueBefore);
    expect((await rowOf(ids.paused)).state).toBe("awaiting-supplement");
    expect(await countRows()).toEqual(before);
    expect(await recomputeAudits(fixture.provinceId)).toHaveLength(3);
  });

  it("refuses a malformed start date and changes nothing", async () => {
    const province = await hostedProvinceOf(db(), slug);
    await expect(
      recomputeOpenDeadlines(db(), province.id, { from: "2026-02-30", trigger: "test" }),
    ).rejects.toMatchObject({ issues: [{ field: "from", messageKey: "calendar.invalidDate" }] });
    expect(await recomputeAudits(province.id)).toHaveLength(3);
  });
});
