import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../../test/helpers/app.ts";
import { contextAs, seedServiceFixture, submitDossierFixture } from "../../../../../test/helpers/services.ts";
import { auditLog } from "../../../identity/schema.ts";
import {
  getDossierForStaff,
  onDeadlineRecomputeQueued,
  runQueuedDeadlineRecomputes,
  summarizeDossierClockFor,
} from "../../dossiers/index.ts";
import { deadlineRecomputations, dossiers, holidays } from "../../schema.ts";

const slug = "ba-ria-vung-tau";
let testApp: TestApp;
let admin: Browser;
/** How many times a change nudged the background worker (none runs in tests: they call it themselves). */
let nudges = 0;
beforeAll(async () => {
  testApp = await buildTestApp();
  onDeadlineRecomputeQueued(() => {
    nudges += 1;
  });
  admin = new Browser(testApp.app);
  await admin.signIn(slug, `quantri@${slug}.demo`);
});
afterAll(() => testApp.close());
const db = () => testApp.database.db;
const provinceId = async () => (await contextAs(db(), slug, null)).province.id;
const rowsOf = async (year: number) =>
  (
    await db()
      .select()
      .from(holidays)
      .where(eq(holidays.provinceId, await provinceId()))
  ).filter((row) => row.date.startsWith(`${year}-`));

test("a year without rows shows the Labour Code defaults, and generating writes them into the table, audited", async () => {
  const page = await admin.get(`/${slug}/admin/services/holidays?year=2027`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain("Tết Âm lịch");
  expect(await rowsOf(2027)).toHaveLength(0);
  const response = await admin.submit(
    `/${slug}/admin/services/holidays?year=2027`,
    `/${slug}/admin/services/holidays/generate`,
    { year: "2027" },
  );
  expect(response.statusCode).toBe(303);
  expect((await admin.get(response.headers.location as string)).body).toContain(
    "Đã tạo bảng ngày nghỉ năm 2027. Đang tính lại hạn giải quyết của các hồ sơ đang mở…",
  );
  // The defaults are what the calendar already used for an empty year: no open dossier moves.
  const [run] = await runQueuedDeadlineRecomputes(db());
  expect(run).toMatchObject({
    trigger: "holidays.generate",
    fromDate: "2027-01-01",
    status: "done",
    changed: 0,
  });
  const rows = await rowsOf(2027);
  expect(rows.length).toBeGreaterThanOrEqual(11);
  expect(rows.every((row) => row.source === "generated")).toBe(true);
  expect(rows.map((row) => row.date)).toContain("2027-09-02");
  const audits = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "services.holidays.generate"), eq(auditLog.entityId, "2027")));
  expect(audits).toHaveLength(1);
  const again = await admin.submit(
    `/${slug}/admin/services/holidays?year=2027`,
    `/${slug}/admin/services/holidays/generate`,
    { year: "2027" },
  );
  expect(again.statusCode).toBe(422);
  expect((await rowsOf(2027)).length).toBe(rows.length);
});

test("adding a day to an empty year keeps the defaults; a weekday cannot be a make-up working day", async () => {
  const bad = await admin.submit(
    `/${slug}/admin/services/holidays?year=2028`,
    `/${slug}/admin/services/holidays`,
    {
      date: "05/01/2028",
      name: "Làm bù",
      nameEn: "Make-up",
      kind: "working-day",
    },
  );
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain("thứ Bảy hoặc Chủ nhật");
  expect(await rowsOf(2028)).toHaveLength(0);
  const added = await admin.submit(
    `/${slug}/admin/services/holidays?year=2028`,
    `/${slug}/admin/services/holidays`,
    {
      date: "08/01/2028",
      name: "Đi làm bù",
      nameEn: "Make-up day",
      kind: "working-day",
    },
  );
  expect(added.statusCode).toBe(303);
  const rows = await rowsOf(2028);
  expect(rows.find((row) => row.date === "2028-01-08")?.source).toBe("manual");
  expect(rows.some((row) => row.date === "2028-01-01")).toBe(true);
  await runQueuedDeadlineRecomputes(db());
});

test("an extra day off moves a received dossier's due date, live and in its snapshot; removing it moves it back", async () => {
  const fixture = await seedServiceFixture(db(), slug, { processingWorkingDays: 5 });
  // Received Monday 2026-03-09 at 09:00: five working days later is Monday 2026-03-16.
  const dossierId = await submitDossierFixture(db(), fixture, {
    receive: true,
    now: new Date("2026-03-09T02:00:00Z"),
  });
  const ctx = await contextAs(db(), slug, `motcua@${slug}.demo`);
  const ctxAdmin = await contextAs(db(), slug, `quantri@${slug}.demo`);
  const dueOn = async () =>
    (await summarizeDossierClockFor(
      db(),
      await getDossierForStaff(ctx, dossierId),
      new Date("2026-03-10T02:00:00Z"),
    ))!.dueDate;
  const snapshotDue = async () =>
    (await db().select({ dueDate: dossiers.dueDate }).from(dossiers).where(eq(dossiers.id, dossierId)))[0]!
      .dueDate;
  /** The confirmation on the page the form redirects to. */
  const confirmation = async (response: { headers: Record<string, unknown> }) =>
    /<div class="flash flash-success" role="status">([^<]*)<\/div>/.exec(
      (await admin.get(response.headers.location as string)).body,
    )?.[1];
  expect(await dueOn()).toBe("2026-03-16");
  expect(await snapshotDue()).toBe("2026-03-16");
  const nudgesBefore = nudges;
  const added = await admin.submit(
    `/${slug}/admin/services/holidays?year=2026`,
    `/${slug}/admin/services/holidays`,
    {
      date: "11/03/2026",
      name: "Nghỉ theo quyết định của tỉnh",
      nameEn: "Provincial day off",
      kind: "swapped",
    },
  );
  expect(added.statusCode).toBe(303);
  expect(await dueOn()).toBe("2026-03-17");
  expect(await confirmation(added)).toBe(
    "Đã thêm ngày vào bảng. Đang tính lại hạn giải quyết của các hồ sơ đang mở…",
  );
  // The inbox and lookups read the snapshot: the change nudged the worker, which moves it.
  expect(nudges).toBe(nudgesBefore + 1);
  expect(await snapshotDue()).toBe("2026-03-16");
  await runQueuedDeadlineRecomputes(db());
  expect(await snapshotDue()).toBe("2026-03-17");
  const [row] = (await rowsOf(2026)).filter((candidate) => candidate.date === "2026-03-11");
  const edited = await admin.submit(
    `/${slug}/admin/services/holidays/${row!.id}/edit`,
    `/${slug}/admin/services/holidays/${row!.id}`,
    {
      date: "12/03/2026",
      name: "Nghỉ theo quyết định của tỉnh",
      nameEn: "Provincial day off",
      kind: "swapped",
    },
  );
  expect(edited.statusCode).toBe(303);
  expect(await confirmation(edited)).toBe(
    "Đã cập nhật ngày. Đang tính lại hạn giải quyết của các hồ sơ đang mở…",
  );
  await runQueuedDeadlineRecomputes(db());
  expect(await dueOn()).toBe("2026-03-17");
  // Thu 12/3 off instead of Wed 11/3: still Tue 10, Wed 11, Fri 13, Mon 16, Tue 17.
  expect(await snapshotDue()).toBe("2026-03-17");
  const removed = await admin.submit(
    `/${slug}/admin/services/holidays?year=2026`,
    `/${slug}/admin/services/holidays/${row!.id}/delete`,
    {},
  );
  expect(removed.statusCode).toBe(303);
  expect(await confirmation(removed)).toBe(
    "Đã xóa ngày khỏi bảng. Đang tính lại hạn giải quyết của các hồ sơ đang mở…",
  );
  await runQueuedDeadlineRecomputes(db());
  expect(await dueOn()).toBe("2026-03-16");
  expect(await snapshotDue()).toBe("2026-03-16");
  const audits = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "holiday"), eq(auditLog.entityId, String(row!.id))));
  expect(audits.map((audit) => audit.action).sort()).toEqual([
    "services.holidays.add",
    "services.holidays.remove",
    "services.holidays.update",
  ]);
  // One recomputation per change, by the administrator, from the earliest date it touched.
  const runs = (
    await db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "services.deadlines.recomputed"),
          eq(auditLog.provinceId, fixture.provinceId),
        ),
      )
  ).filter((audit) => String((audit.after as { from: string }).from).startsWith("2026-03"));
  expect(runs.map((audit) => audit.after)).toEqual([
    expect.objectContaining({
      trigger: "holidays.add",
      from: "2026-03-11",
      examined: 1,
      changed: 1,
      failed: 0,
    }),
    expect.objectContaining({
      trigger: "holidays.edit",
      from: "2026-03-11",
      examined: 1,
      changed: 0,
      failed: 0,
    }),
    expect.objectContaining({
      trigger: "holidays.remove",
      from: "2026-03-12",
      examined: 1,
      changed: 1,
      failed: 0,
    }),
  ]);
  expect(new Set(runs.map((audit) => audit.actorUserId)).size).toBe(1);
  expect(runs[0]!.actorUserId).toBe(ctxAdmin.actor!.userId);
});

test("officers cannot open or change the holiday table; another province's row is not found", async () => {
  const officer = new Browser(testApp.app);
  await officer.signIn(slug, `motcua@${slug}.demo`);
  expect((await officer.get(`/${slug}/admin/services/holidays`)).statusCode).toBe(403);
  const otherAdmin = new Browser(testApp.app);
  await otherAdmin.signIn("dong-thap", "quantri@dong-thap.demo");
  await admin.submit(
    `/${slug}/admin/services/holidays?year=2029`,
    `/${slug}/admin/services/holidays/generate`,
    {
      year: "2029",
    },
  );
  const [row] = await rowsOf(2029);
  expect((await otherAdmin.get(`/dong-thap/admin/services/holidays/${row!.id}/edit`)).statusCode).toBe(404);
  const response = await otherAdmin.submit(
    "/dong-thap/admin/services/holidays",
    `/dong-thap/admin/services/holidays/${row!.id}/delete`,
    {},
  );
  expect(response.statusCode).toBe(404);
  expect((await rowsOf(2029)).some((candidate) => candidate.id === row!.id)).toBe(true);
});

test("the page lists the latest recomputations: a running one's progress in a bar and in words, a done one's counts", async () => {
  const id = await provinceId();
  const ctxAdmin = await contextAs(db(), slug, `quantri@${slug}.demo`);
  await db()
    .insert(deadlineRecomputations)
    .values([
      {
        provinceId: id,
        fromDate: "2026-04-30",
        trigger: "holidays.edit",
        requestedByUserId: ctxAdmin.actor!.userId,
        status: "done",
        total: 40,
        examined: 40,
        changed: 3,
        startedAt: new Date(),
        heartbeatAt: new Date(),
        finishedAt: new Date(),
      },
      {
        provinceId: id,
        fromDate: null,
        trigger: "cli",
        status: "running",
        total: 1234,
        examined: 500,
        changed: 12,
        startedAt: new Date(),
        heartbeatAt: new Date(),
      },
    ]);
  const page = (await admin.get(`/${slug}/admin/services/holidays?year=2026`)).body;
  expect(page).toContain("Tính lại hạn giải quyết");
  expect(page).toMatch(/<progress id="recompute-progress-\d+" max="1234" value="500">/);
  expect(page).toMatch(/<label for="recompute-progress-\d+"[^>]*>Tiến độ<\/label>/);
  expect(page).toContain("500 / 1.234 hồ sơ");
  expect(page).toContain("Đang chạy");
  expect(page).toContain("Tất cả hồ sơ đang mở");
  expect(page).toContain("Lệnh quản trị hệ thống");
  expect(page).toContain("3 hồ sơ đổi hạn / 40 hồ sơ đã xét");
  expect(page).toContain("Hồ sơ hẹn từ 30/04/2026");
  expect(page).toContain(ctxAdmin.actor!.fullName);
  // Without JavaScript, a link reloads the list; the page does not refresh itself.
  expect(page).toContain(`href="/${slug}/admin/services/holidays?year=2026#recompute-runs"`);
  expect(page).not.toContain('http-equiv="refresh"');
  // Other provinces' runs are not listed.
  const other = await contextAs(db(), "dong-thap", null);
  await db().insert(deadlineRecomputations).values({
    provinceId: other.province.id,
    trigger: "holidays.add",
    fromDate: "2026-05-01",
    status: "queued",
  });
  expect((await admin.get(`/${slug}/admin/services/holidays?year=2026`)).body).not.toContain(
    "Hồ sơ hẹn từ 01/05/2026",
  );
});
