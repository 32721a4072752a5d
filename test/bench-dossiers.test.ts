import { asc, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ensureBenchProcedures,
  type GeneratedDossiers,
  generateDossiers,
} from "../bench/generate-dossiers.ts";
import type { DatabaseHandle } from "../src/db/client.ts";
import {
  getServiceSettings,
  loadVersionWorkflow,
  loadWorkingCalendar,
  performDossierAction,
} from "../src/modules/services/dossiers/index.ts";
import type { DossierRow } from "../src/modules/services/dossiers/listeners.ts";
import { computeDeadline, snapshotOf } from "../src/modules/services/dossiers/snapshot.ts";
import { dossierEvents, dossierSequences, dossiers } from "../src/modules/services/schema.ts";
import {
  compileDossierCodePattern,
  type HistoryEntry,
  isValidDossierCode,
  replay,
} from "../src/modules/services/workflow/index.ts";
import { createTestDatabase } from "./helpers/database.ts";
import { contextAs, hostedProvinceOf } from "./helpers/services.ts";

// The services benchmark's generator (bench/generate-dossiers.ts) at N = 1,000 on the test database: counts,
// states, codes, and — the point — every generated history replays with the real rules to exactly the snapshot
// columns the generator wrote, so the inbox reads rows the core itself could have written.

const slug = "ba-ria-vung-tau";
const today = "2026-11-23";
const benchRows = like(dossiers.applicantEmail, "%@bench.invalid");

let database: DatabaseHandle;
let generated: GeneratedDossiers;

beforeAll(async () => {
  database = await createTestDatabase({ withDemoData: true });
  await ensureBenchProcedures(database.db, slug);
  generated = await generateDossiers(database.db, { dossiers: 1000, provinceSlug: slug, today });
}, 120_000);
afterAll(() => database.close());

const loadBench = () =>
  database.db.select().from(dossiers).where(benchRows).orderBy(asc(dossiers.id)) as Promise<DossierRow[]>;

describe("the dossier generator", () => {
  it("writes N dossiers with a realistic mix of states, most of them closed", async () => {
    const rows = await loadBench();
    expect(rows).toHaveLength(1000);
    expect(generated.dossiers).toBe(1000);
    const byState = new Map<string, number>();
    for (const row of rows) byState.set(row.state, (byState.get(row.state) ?? 0) + 1);
    expect(Object.fromEntries(byState)).toEqual(generated.byState);
    const closed =
      (byState.get("completed") ?? 0) + (byState.get("refused") ?? 0) + (byState.get("withdrawn") ?? 0);
    expect(closed).toBeGreaterThan(880);
    for (const state of [
      "completed",
      "refused",
      "withdrawn",
      "submitted",
      "received",
      "in-review",
      "proposed",
    ])
      expect(byState.get(state) ?? 0, state).toBeGreaterThan(0);
    const inFlight = rows.filter((row) => row.stageUnitId !== null);
    expect(inFlight.length).toBeGreaterThan(10);
    expect(inFlight.length).toBeLessThan(100);
    const result = await database.db.execute(
      sql`select count(*)::int as count from dossier_events e join dossiers d on d.id = e.dossier_id
        where d.applicant_email like '%@bench.invalid'`,
    );
    const count = (result as unknown as { rows: { count: number }[] }).rows[0]!.count;
    expect(Number(count)).toBe(generated.events);
  });

  it("leaves the inbox's per-state counts equal to the rows (the bulk load runs with triggers off)", async () => {
    const query = (statement: ReturnType<typeof sql>) =>
      database.db.execute(statement).then((result) => (result as unknown as { rows: unknown[] }).rows);
    const kept = await query(sql`select province_id, stage_unit_id, state, count from dossier_stage_counts
      where count <> 0 order by 1, 2, 3`);
    const counted =
      await query(sql`select province_id, stage_unit_id, state, count(*)::int as count from dossiers
      where stage_unit_id is not null
        and state in ('submitted', 'received', 'in-review', 'awaiting-supplement', 'proposed', 'approved', 'rejected')
      group by 1, 2, 3 order by 1, 2, 3`);
    expect(counted.length).toBeGreaterThan(0);
    expect(kept).toEqual(counted);
  });

  it("gives every submitted dossier a unique code of the province's pattern and advances the sequences", async () => {
    const rows = await loadBench();
    const settings = await getServiceSettings(database.db, rows[0]!.provinceId);
    const pattern = compileDossierCodePattern(settings.codePattern);
    const codes = rows.filter((row) => row.state !== "draft").map((row) => row.code);
    expect(codes.every((code) => code !== null && isValidDossierCode(pattern, code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(rows.filter((row) => row.state === "draft").every((row) => row.code === null)).toBe(true);
    const sequences = await database.db
      .select()
      .from(dossierSequences)
      .where(eq(dossierSequences.provinceId, rows[0]!.provinceId));
    const byDay = new Map(sequences.map((row) => [row.day, row.lastValue]));
    for (const code of codes) {
      const [, day, seq] = /-(\d{6})-(\d+)$/.exec(code!)!;
      const iso = `20${day!.slice(0, 2)}-${day!.slice(2, 4)}-${day!.slice(4, 6)}`;
      expect(byDay.get(iso) ?? 0).toBeGreaterThanOrEqual(Number(seq));
    }
  });

  it("writes histories that replay to exactly the snapshot the core would write", async () => {
    const rows = await loadBench();
    const events = await database.db
      .select()
      .from(dossierEvents)
      .where(
        inArray(
          dossierEvents.dossierId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.seq));
    const byDossier = new Map<number, (typeof events)[number][]>();
    for (const event of events)
      byDossier.set(event.dossierId, [...(byDossier.get(event.dossierId) ?? []), event]);
    const calendar = await loadWorkingCalendar(database.db, rows[0]!.provinceId);
    const settings = await getServiceSettings(database.db, rows[0]!.provinceId);
    const workflows = new Map<number, Awaited<ReturnType<typeof loadVersionWorkflow>>>();
    const mismatches: string[] = [];
    for (const row of rows) {
      if (!workflows.has(row.procedureVersionId))
        workflows.set(row.procedureVersionId, await loadVersionWorkflow(database.db, row.procedureVersionId));
      const { version, workflow } = workflows.get(row.procedureVersionId)!;
      const history = byDossier.get(row.id) ?? [];
      expect(history.map((event) => event.seq)).toEqual(history.map((_, index) => index + 1));
      const context = { workflow, applicantUserId: String(row.applicantUserId ?? ""), dueDate: null };
      const status = replay(
        history.map((event) => event.entry as HistoryEntry),
        context,
      );
      history.forEach((event, index) => {
        const prefix = replay(
          history.slice(0, index + 1).map((item) => item.entry as HistoryEntry),
          context,
        );
        if (prefix.state !== event.stateAfter) mismatches.push(`${row.id}#${event.seq} state_after`);
        if (event.at.toISOString() !== (event.entry as HistoryEntry).at)
          mismatches.push(`${row.id}#${event.seq} at`);
      });
      const lastAt = status.lastActionAt ? new Date(status.lastActionAt) : new Date(`${today}T00:00:00Z`);
      const deadline = computeDeadline({
        calendar,
        status,
        processingWorkingDays: version.processingWorkingDays,
        cutOff: settings.cutOffTime,
        now: lastAt,
      });
      const expected = snapshotOf({ status, context, deadline });
      for (const [key, value] of Object.entries(expected)) {
        const actual = row[key as keyof DossierRow];
        const same =
          value instanceof Date || actual instanceof Date
            ? (value as Date | null)?.getTime() === (actual as Date | null)?.getTime()
            : value === actual;
        if (!same)
          mismatches.push(
            `${row.id} (${row.state}) ${key}: expected ${String(value)}, got ${String(actual)}`,
          );
      }
      // Every instant is before the day the data ends; fees are paid before an online dossier is received.
      if (status.lastActionAt && status.lastActionAt >= `${today}T00:00`)
        mismatches.push(`${row.id} in the future`);
      if (row.channel === "online" && row.receivedAt && row.feeDong > 0 && !(row.paidAt! < row.receivedAt))
        mismatches.push(`${row.id} received unpaid`);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it("leaves dossiers the core can act on, and later submissions get fresh codes", async () => {
    const rows = await loadBench();
    const received = rows.find((row) => row.state === "received")!;
    const holder = await database.db.execute(
      sql`select email from users where id = ${received.holderUserId}`,
    );
    const holderEmail = (holder as unknown as { rows: { email: string }[] }).rows[0]!.email;
    const forwarded = await performDossierAction(
      await contextAs(database.db, slug, holderEmail),
      received.id,
      {
        action: "forward",
      },
    );
    expect(forwarded.dossier.state).toBe("in-review");
    expect(forwarded.seq).toBe(received.eventCount + 1);

    const draft = rows.find((row) => row.state === "draft")!;
    const lastDay = generated.lastSubmitted!;
    const ctx = await contextAs(database.db, slug, draft.applicantEmail);
    const submitted = await performDossierAction(
      ctx,
      draft.id,
      { action: "submit" },
      { now: new Date(`${lastDay}T05:00:00Z`) },
    );
    expect(submitted.dossier.code).toContain(`-${lastDay.slice(2).replaceAll("-", "")}-`);
    const sameCode = rows.filter((row) => row.code === submitted.dossier.code);
    expect(sameCode).toEqual([]);
  });

  it("is deterministic: the same N and day give the same dossiers", async () => {
    const fingerprint = async () =>
      (await loadBench())
        .map((row) =>
          [row.state, row.dueDate, row.submittedAt?.toISOString(), row.timeliness, row.eventCount].join(" "),
        )
        .sort();
    const province = await hostedProvinceOf(database.db, slug);
    expect(province.slug).toBe(slug);
    await generateDossiers(database.db, { dossiers: 1000, provinceSlug: slug, today });
    const first = await fingerprint();
    await generateDossiers(database.db, { dossiers: 1000, provinceSlug: slug, today });
    expect(await fingerprint()).toEqual(first);
  }, 120_000);
});
