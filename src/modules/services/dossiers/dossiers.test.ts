import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  contextAs,
  createDraftFixture,
  markPaidFixture,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../test/helpers/services.ts";
import { mailOutbox, uploadedFiles } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";
import { dossierEvents, dossiers, holidays } from "../schema.ts";
import { ForbiddenActionError, IllegalTransitionError } from "../workflow/index.ts";
import {
  allowedActionsFor,
  getDossierForApplicant,
  getDossierForStaff,
  performDossierAction,
  readDossierHistory,
  summarizeDossierClockFor,
} from "./index.ts";

const slug = "ba-ria-vung-tau";
const as = (email: string) => contextAs(test.database.db, slug, `${email}@${slug}.demo`);
// Monday 2 November 2026, 09:00 in Vietnam.
const monday = new Date("2026-11-02T02:00:00Z");
const later = (hours: number) => new Date(monday.getTime() + hours * 3600_000);

let test: TestApp;
let fixture: ServiceFixture;

beforeAll(async () => {
  test = await buildTestApp();
  fixture = await seedServiceFixture(test.database.db, slug);
});
afterAll(() => test.close());

describe("a dossier through the one-stop shop", () => {
  it("gets a code, an appointment and an e-mail on submission", async () => {
    const id = await createDraftFixture(test.database.db, fixture);
    const { dossier, seq } = await performDossierAction(
      await as("doanhnghiep"),
      id,
      { action: "submit" },
      { now: monday },
    );
    expect(seq).toBe(1);
    expect(dossier.state).toBe("submitted");
    expect(dossier.code).toMatch(/^000\.00\.00\.H\d{2}-261102-\d{4}$/);
    // 5 working days from Monday 2/11 (not counted) → Monday 9/11.
    expect(dossier.dueDate).toBe("2026-11-09");
    expect(dossier.stageRole).toBe("reception-officer");
    expect(dossier.stageUnitId).toBe(fixture.units.reception);
    const [mail] = await test.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, dossier.applicantEmail))
      .orderBy(desc(mailOutbox.id))
      .limit(1);
    expect(mail!.subject).toContain(dossier.code!);
    expect(mail!.bodyText).toContain(`/my/dossiers/${id}`);
    const [audit] = await test.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "dossier"), eq(auditLog.entityId, String(id))));
    expect(audit!.action).toBe("dossier.submit");
  });

  it("gives every submission of a day its own sequence number", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => createDraftFixture(test.database.db, fixture)));
    const ctx = await as("doanhnghiep");
    const codes = [];
    for (const id of ids)
      codes.push((await performDossierAction(ctx, id, { action: "submit" }, { now: later(1) })).dossier.code);
    expect(new Set(codes).size).toBe(3);
  });

  it("refuses to receive an online dossier whose fee is unpaid, and changes nothing", async () => {
    const id = await submitDossierFixture(test.database.db, fixture, { now: monday });
    await expect(
      performDossierAction(await as("motcua"), id, { action: "receive" }, { now: later(1) }),
    ).rejects.toMatchObject({
      messageKey: "error.validation",
    });
    const events = await test.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, id));
    expect(events).toHaveLength(1);
  });

  it("runs receive → forward → supplement (clock paused) → supply → propose → approve → return", async () => {
    const id = await submitDossierFixture(test.database.db, fixture, { now: monday });
    await markPaidFixture(test.database.db, id, monday);
    const reception = await as("motcua");
    const trade = await as("thuongmai");
    const leader = await as("lanhdao");
    await performDossierAction(reception, id, { action: "receive" }, { now: later(1) });
    await performDossierAction(reception, id, { action: "forward" }, { now: later(2) });
    let row = await getDossierForStaff(trade, id);
    expect(row.state).toBe("in-review");
    expect(row.stageUnitId).toBe(fixture.units.trade);
    // Tuesday: form 02; the applicant supplies on Thursday, so Wednesday and Thursday do not count.
    await performDossierAction(
      trade,
      id,
      { action: "request-supplement", comment: "Thiếu bản sao giấy chứng nhận" },
      { now: later(24) },
    );
    row = await getDossierForStaff(trade, id);
    expect(row.state).toBe("awaiting-supplement");
    expect(row.pausedAt).not.toBeNull();
    expect(row.holderUserId).not.toBeNull();
    // A supplement without files is refused and changes nothing.
    await expect(
      performDossierAction(
        await as("doanhnghiep"),
        id,
        { action: "supply", comment: "Đã bổ sung" },
        { now: later(72) },
      ),
    ).rejects.toMatchObject({ messageKey: "services.workflow.invalidInput" });
    const [file] = await test.database.db
      .insert(uploadedFiles)
      .values({
        provinceId: fixture.provinceId,
        ownerUserId: row.applicantUserId,
        storageKey: `test/${id}-supplement.pdf`,
        originalName: "ban-sao.pdf",
        contentType: "application/pdf",
        byteSize: 10,
        sha256: "0".repeat(64),
      })
      .returning();
    const fileId = file!.id;
    const supplied = await performDossierAction(
      await as("doanhnghiep"),
      id,
      { action: "supply", fileIds: [fileId] },
      { now: later(72) },
    );
    expect(supplied.dossier.state).toBe("in-review");
    expect(supplied.dossier.pausedAt).toBeNull();
    expect(supplied.dossier.dueDate).toBe("2026-11-11");
    await performDossierAction(trade, id, { action: "propose" }, { now: later(96) });
    expect((await allowedActionsFor(trade, await getDossierForStaff(trade, id))).includes("approve")).toBe(
      false,
    );
    expect(await allowedActionsFor(leader, await getDossierForStaff(leader, id))).toContain("approve");
    const approved = await performDossierAction(leader, id, { action: "approve" }, { now: later(97) });
    expect(approved.dossier.state).toBe("approved");
    expect(approved.dossier.timeliness).toBe("early");
    const returned = await performDossierAction(
      reception,
      id,
      { action: "return-result", deliveryMethod: "online" },
      { now: later(98) },
    );
    expect(returned.dossier.state).toBe("completed");
    const history = await readDossierHistory(test.database.db, id);
    expect(history.map((line) => line.action)).toEqual([
      "submit",
      "receive",
      "forward",
      "request-supplement",
      "supply",
      "propose",
      "approve",
      "return-result",
    ]);
    expect(history[3]!.comment).toBe("Thiếu bản sao giấy chứng nhận");
    expect(history[4]!.files).toHaveLength(1);
    const clock = await summarizeDossierClockFor(test.database.db, returned.dossier, later(200));
    expect(clock).toMatchObject({ dueDate: "2026-11-11", timeliness: "early", isOverdue: false });
  });

  it("refuses illegal transitions and officers of another unit or a held dossier", async () => {
    const id = await submitDossierFixture(test.database.db, fixture, { receive: true, now: monday });
    await expect(
      performDossierAction(await as("motcua"), id, { action: "approve" }, { now: later(1) }),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(
      performDossierAction(await as("thuongmai"), id, { action: "forward" }, { now: later(1) }),
    ).rejects.toBeInstanceOf(ForbiddenActionError);
    await performDossierAction(await as("motcua"), id, { action: "forward" }, { now: later(2) });
    await performDossierAction(await as("thuongmai"), id, { action: "claim" }, { now: later(3) });
    // canbo is an officer of the directorate (SCT), not of the trade office.
    await expect(
      performDossierAction(await as("canbo"), id, { action: "propose" }, { now: later(4) }),
    ).rejects.toBeInstanceOf(ForbiddenActionError);
  });

  it("keeps applicants to their own dossiers and staff to their province", async () => {
    const id = await submitDossierFixture(test.database.db, fixture, { now: monday });
    await expect(getDossierForApplicant(await as("congdan"), id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(performDossierAction(await as("congdan"), id, { action: "withdraw" })).rejects.toMatchObject(
      { statusCode: 404 },
    );
    const otherProvince = await contextAs(test.database.db, "dong-thap", "motcua@dong-thap.demo");
    await expect(getDossierForStaff(otherProvince, id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(performDossierAction(otherProvince, id, { action: "receive" })).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("counts the administrator's holiday table in the appointment", async () => {
    const db = test.database.db;
    const other = await seedServiceFixture(db, slug);
    // A day off declared for Wednesday 4/11/2026 (the year's rows replace the generated defaults).
    await db.insert(holidays).values({
      provinceId: other.provinceId,
      date: "2026-11-04",
      name: "Ngày nghỉ bù thử nghiệm",
      nameEn: "Test day off",
      kind: "compensatory",
      source: "manual",
    });
    const id = await createDraftFixture(db, other);
    const { dossier } = await performDossierAction(
      await as("doanhnghiep"),
      id,
      { action: "submit" },
      { now: monday },
    );
    expect(dossier.dueDate).toBe("2026-11-10");
    await db.delete(holidays).where(eq(holidays.provinceId, other.provinceId));
  });

  it("counts a submission after the cut-off hour from the next working day", async () => {
    const id = await createDraftFixture(test.database.db, fixture);
    // Friday 6/11/2026 at 16:30 → received Monday 9/11; 5 working days → Monday 16/11.
    const { dossier } = await performDossierAction(
      await as("doanhnghiep"),
      id,
      { action: "submit" },
      { now: new Date("2026-11-06T09:30:00Z") },
    );
    expect(dossier.dueDate).toBe("2026-11-16");
    const [row] = await test.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(row!.submittedAt?.toISOString()).toBe("2026-11-06T09:30:00.000Z");
  });
});
