import { and, count, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { type MultipartPart, multipartBody } from "../../../../test/helpers/multipart.ts";
import { contextAs, type ServiceFixture, seedServiceFixture } from "../../../../test/helpers/services.ts";
import { mailOutbox, uploadedFiles } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";
import { getServiceSettings, performDossierAction } from "../dossiers/index.ts";
import { dossierFiles, dossiers, procedureVersions } from "../schema.ts";
import { compileDossierCodePattern, isValidDossierCode } from "../workflow/index.ts";
import { executableBytes, extractPdfText, samplePdf } from "./testing.ts";

const slug = "ba-ria-vung-tau";
const representative = `doanhnghiep@${slug}.demo`;
const citizen = `congdan@${slug}.demo`;
const code = "APPLY.001";
let test: TestApp;
let fixture: ServiceFixture;

beforeAll(async () => {
  test = await buildTestApp();
  const db = test.database.db;
  fixture = await seedServiceFixture(db, slug, { code });
  await db
    .update(procedureVersions)
    .set({
      questions: [
        {
          id: "store-address",
          kind: "text",
          label: "Địa chỉ cửa hàng",
          labelEn: "Store address",
          required: true,
        },
        {
          id: "opening-date",
          kind: "date",
          label: "Ngày khai trương",
          labelEn: "Opening date",
          required: false,
        },
      ],
    })
    .where(eq(procedureVersions.id, fixture.versionId));
});
afterAll(async () => test.close());

const db = () => test.database.db;
const base = (id: number) => `/${slug}/my/dossiers/${id}`;

async function dossierRow(id: number) {
  const [row] = await db().select().from(dossiers).where(eq(dossiers.id, id));
  return row!;
}

/** Signs in and starts a draft through the start page, as a browser does; returns its id. */
async function startDraft(browser: Browser, email = representative): Promise<number> {
  await browser.signIn(slug, email);
  const started = await browser.submit(
    `/${slug}/services/${code}/apply`,
    `/${slug}/services/${code}/apply`,
    {},
  );
  expect(started.statusCode).toBe(303);
  const id = Number(/\/my\/dossiers\/(\d+)$/.exec(started.headers.location as string)?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

async function upload(browser: Browser, id: number, componentId: number, files: MultipartPart[]) {
  const token = await browser.csrfToken(`${base(id)}/documents`);
  const { payload, contentType } = multipartBody([{ name: "_csrf", value: token }, ...files]);
  const response = await test.app.inject({
    method: "POST",
    url: `${base(id)}/documents/${componentId}`,
    headers: { cookie: browser.jar.header(), "content-type": contentType },
    payload,
    remoteAddress: browser.remoteAddress,
  });
  browser.jar.store(response);
  return response;
}

const pdfPart = (componentId: number, filename = "don-de-nghi.pdf"): MultipartPart => ({
  name: `component-${componentId}`,
  filename,
  bytes: samplePdf,
  type: "application/pdf",
});

/** Fills every section of a draft so that only the documents and the declaration stand between it and sending. */
async function completeSections(browser: Browser, id: number): Promise<void> {
  const details = await browser.submit(`${base(id)}/details`, `${base(id)}/details`, {
    intent: "continue",
    phone: "+84 912 345 678",
    email: "Nam.Le@Example.vn",
    address: "12 Lê Lợi, phường Vũng Tàu",
  });
  expect(details.statusCode).toBe(303);
  const answers = await browser.submit(`${base(id)}/questions`, `${base(id)}/questions`, {
    intent: "continue",
    "answer-store-address": "45 Trần Hưng Đạo, phường Vũng Tàu",
    "answer-opening-date": "15/12/2026",
  });
  expect(answers.statusCode).toBe(303);
  const delivery = await browser.submit(`${base(id)}/delivery`, `${base(id)}/delivery`, {
    intent: "continue",
    deliveryMethod: "post",
    deliveryAddress: "45 Trần Hưng Đạo, phường Vũng Tàu",
  });
  expect(delivery.statusCode).toBe(303);
}

const expectProblem = (response: LightMyRequestResponse, text: string) => {
  expect(response.statusCode).toBe(422);
  expect(response.body).toContain('class="error-summary"');
  expect(response.body).toContain(text);
};

describe("starting a dossier", () => {
  it("sends a signed-out visitor to sign in and back to the start page", async () => {
    const response = await new Browser(test.app).get(`/${slug}/services/${code}/apply`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(
      `/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/services/${code}/apply`)}`,
    );
  });

  it("creates a draft of the current version, prefilled from the enterprise, fee fixed, audited", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    const row = await dossierRow(id);
    expect(row).toMatchObject({
      state: "draft",
      code: null,
      procedureVersionId: fixture.versionId,
      feeDong: 100_000,
      channel: "online",
      applicantEmail: representative,
    });
    expect(row.enterpriseId).not.toBeNull();
    expect(row.applicantTaxCode).toMatch(/^\d{10}/);
    const [audit] = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.draft.create"), eq(auditLog.entityId, String(id))));
    expect(audit!.n).toBe(1);
    const page = await browser.get(base(id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Thông tin người nộp hồ sơ");
    expect(page.body).toContain("Chưa thể thực hiện");
  });

  it("refuses a procedure that does not exist in this portal", async () => {
    const browser = new Browser(test.app);
    await browser.signIn(slug, representative);
    expect((await browser.get(`/${slug}/services/NO.SUCH/apply`)).statusCode).toBe(404);
    expect((await browser.get(`/dong-thap/services/${code}/apply`)).statusCode).not.toBe(200);
  });
});

describe("a draft", () => {
  it("saves a half-typed phone for later, refuses it on continue with the value kept, then normalises it", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    const later = await browser.submit(`${base(id)}/details`, `${base(id)}/details`, {
      intent: "later",
      phone: "09",
      email: representative,
      address: "",
    });
    expect(later.statusCode).toBe(303);
    expect(later.headers.location).toBe(`/${slug}/my/dossiers`);
    expect((await dossierRow(id)).applicantPhone).toBe("09");
    const list = await browser.get(`/${slug}/my/dossiers`);
    expect(list.body).toContain(`${base(id)}"`);

    const refused = await browser.submit(`${base(id)}/details`, `${base(id)}/details`, {
      intent: "continue",
      phone: "09",
      email: representative,
      address: "12 Lê Lợi",
    });
    expectProblem(refused, "Số điện thoại không đúng định dạng");
    expect(refused.body).toContain('value="09"');

    const saved = await browser.submit(`${base(id)}/details`, `${base(id)}/details`, {
      intent: "continue",
      phone: "0912.345.678",
      email: representative,
      address: "12 Lê Lợi",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base(id)}/questions`);
    expect((await dossierRow(id)).applicantPhone).toBe("0912345678");
  });

  it("checks the version's questions and stores dates as ISO", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    const refused = await browser.submit(`${base(id)}/questions`, `${base(id)}/questions`, {
      intent: "continue",
      "answer-store-address": "",
      "answer-opening-date": "31/02/2026",
    });
    expectProblem(refused, "Ngày không hợp lệ");
    expect(refused.body).toContain("Vui lòng nhập thông tin này.");
    await browser.submit(`${base(id)}/questions`, `${base(id)}/questions`, {
      intent: "continue",
      "answer-store-address": "45 Trần Hưng Đạo",
      "answer-opening-date": "15/12/2026",
    });
    expect((await dossierRow(id)).answers).toEqual({
      "store-address": "45 Trần Hưng Đạo",
      "opening-date": "2026-12-15",
    });
  });

  it("refuses an executable renamed .pdf (content checked, nothing stored) and removes a file on request", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    const storedBefore = (await db().select({ n: count() }).from(uploadedFiles))[0]!.n;
    const refused = await upload(browser, id, fixture.requiredComponentId, [
      {
        name: `component-${fixture.requiredComponentId}`,
        filename: "don.pdf",
        bytes: executableBytes,
        type: "application/pdf",
      },
    ]);
    expectProblem(refused, "Chỉ nhận tệp PDF");
    expect((await db().select({ n: count() }).from(uploadedFiles))[0]!.n).toBe(storedBefore);

    const accepted = await upload(browser, id, fixture.requiredComponentId, [
      pdfPart(fixture.requiredComponentId, "trang-1.pdf"),
      pdfPart(fixture.requiredComponentId, "trang-2.pdf"),
    ]);
    expect(accepted.statusCode).toBe(303);
    const files = await db().select().from(dossierFiles).where(eq(dossierFiles.dossierId, id));
    expect(files).toHaveLength(2);
    expect(
      files.every((file) => file.componentId === fixture.requiredComponentId && file.eventSeq === null),
    ).toBe(true);

    const page = await browser.get(`${base(id)}/documents`);
    expect(page.body).toContain("trang-1.pdf");
    // Dossier documents are private: never at their storage address, only through the owner's checked route.
    const [stored] = await db().select().from(uploadedFiles).where(eq(uploadedFiles.id, files[1]!.fileId));
    expect(stored!.storageKey.startsWith("private/")).toBe(true);
    expect(page.body).not.toContain(stored!.storageKey);
    expect((await test.app.inject({ method: "GET", url: `/files/${stored!.storageKey}` })).statusCode).toBe(
      404,
    );
    const download = await browser.get(`${base(id)}/files/${files[1]!.fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["cache-control"]).toBe("private, no-store");
    expect(download.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const stranger = new Browser(test.app);
    await stranger.signIn("ba-ria-vung-tau", "congdan@ba-ria-vung-tau.demo");
    expect((await stranger.get(`${base(id)}/files/${files[1]!.fileId}`)).statusCode).toBe(404);
    const removed = await browser.submit(
      `${base(id)}/documents`,
      `${base(id)}/documents/files/${files[0]!.id}/remove`,
      {},
    );
    expect(removed.statusCode).toBe(303);
    const [row] = await db().select().from(dossierFiles).where(eq(dossierFiles.id, files[0]!.id));
    expect(row!.removedAt).not.toBeNull();
    expect((await browser.get(`${base(id)}/documents`)).body).not.toContain("trang-1.pdf");
  });

  it("lists a missing required document on the check page and refuses to send without it", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    await completeSections(browser, id);
    await upload(browser, id, fixture.optionalComponentId, [
      pdfPart(fixture.optionalComponentId, "khac.pdf"),
    ]);
    const check = await browser.get(`${base(id)}/check`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain("Còn thiếu giấy tờ bắt buộc");
    const refused = await browser.submit(`${base(id)}/check`, `${base(id)}/submit`, { declaration: "yes" });
    expectProblem(refused, "Chưa có tệp cho giấy tờ bắt buộc: Đơn đề nghị cấp giấy phép.");
    const row = await dossierRow(id);
    expect(row.state).toBe("draft");
    expect(row.code).toBeNull();
  });
});

describe("sending a dossier", () => {
  it("needs the declaration, then gives a code of the pattern, an e-mail and form 01 with the code", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    await completeSections(browser, id);
    expect(
      (await upload(browser, id, fixture.requiredComponentId, [pdfPart(fixture.requiredComponentId)]))
        .statusCode,
    ).toBe(303);

    const undeclared = await browser.submit(`${base(id)}/check`, `${base(id)}/submit`, {});
    expectProblem(undeclared, "Vui lòng đánh dấu vào lời cam đoan");
    expect((await dossierRow(id)).state).toBe("draft");

    const sent = await browser.submit(`${base(id)}/check`, `${base(id)}/submit`, { declaration: "yes" });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${base(id)}?submitted=1`);
    const row = await dossierRow(id);
    expect(row.state).toBe("submitted");
    expect(row.declarationAcceptedAt).not.toBeNull();
    expect(row.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const settings = await getServiceSettings(db(), row.provinceId);
    expect(isValidDossierCode(compileDossierCodePattern(settings.codePattern), row.code!)).toBe(true);

    const mail = await db().select().from(mailOutbox).where(eq(mailOutbox.recipient, "nam.le@example.vn"));
    expect(mail.some((message) => `${message.subject} ${message.bodyText}`.includes(row.code!))).toBe(true);

    const confirmation = await browser.get(sent.headers.location as string);
    expect(confirmation.body).toContain("Đã nộp hồ sơ");
    expect(confirmation.body).toContain(row.code!);
    expect(confirmation.body).toContain(`${base(id)}/receipt.pdf`);
    expect(confirmation.body).toContain(`${base(id)}/pay`);

    const receipt = await browser.get(`${base(id)}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers["content-type"]).toBe("application/pdf");
    const text = extractPdfText(receipt.rawPayload);
    expect(text).toContain(`Mã hồ sơ: ${row.code}`);
    expect(text).toContain("Đơn đề nghị cấp giấy phép");

    // Once sent, the draft pages are closed.
    expect((await browser.get(`${base(id)}/details`)).statusCode).toBe(409);
  });
});

describe("who sees a dossier", () => {
  it("hides one applicant's dossier from another (404), and serves form 01 to the province's staff only", async () => {
    const owner = new Browser(test.app);
    const id = await startDraft(owner);
    await completeSections(owner, id);
    await upload(owner, id, fixture.requiredComponentId, [pdfPart(fixture.requiredComponentId)]);
    await owner.submit(`${base(id)}/check`, `${base(id)}/submit`, { declaration: "yes" });

    const stranger = new Browser(test.app);
    await stranger.signIn(slug, citizen);
    expect((await stranger.get(base(id))).statusCode).toBe(404);
    expect((await stranger.get(`${base(id)}/receipt.pdf`)).statusCode).toBe(404);
    expect((await stranger.get(`${base(id)}/check`)).statusCode).toBe(404);
    const ownerPage = await owner.get(`/${slug}/my/dossiers`);
    const strangerPage = await stranger.get(`/${slug}/my/dossiers`);
    const { code: dossierCode } = await dossierRow(id);
    expect(ownerPage.body).toContain(dossierCode!);
    expect(strangerPage.body).not.toContain(dossierCode!);

    const officer = new Browser(test.app);
    await officer.signIn(slug, `motcua@${slug}.demo`);
    const staffReceipt = await officer.get(`/${slug}/admin/services/dossiers/${id}/receipt.pdf`);
    expect(staffReceipt.statusCode).toBe(200);
    const otherProvince = new Browser(test.app);
    await otherProvince.signIn("dong-thap", "motcua@dong-thap.demo");
    expect((await otherProvince.get(`/dong-thap/admin/services/dossiers/${id}/receipt.pdf`)).statusCode).toBe(
      404,
    );
    expect((await owner.get(`/${slug}/admin/services/dossiers/${id}/receipt.pdf`)).statusCode).toBe(403);
  });
});

describe("after sending", () => {
  it("shows the agency's supplement request and sends the supplement with files back to reception", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    await completeSections(browser, id);
    await upload(browser, id, fixture.requiredComponentId, [pdfPart(fixture.requiredComponentId)]);
    await browser.submit(`${base(id)}/check`, `${base(id)}/submit`, { declaration: "yes" });
    await performDossierAction(await contextAs(db(), slug, `motcua@${slug}.demo`), id, {
      action: "request-supplement",
      comment: "Bổ sung bản sao giấy chứng nhận đăng ký doanh nghiệp.",
    });
    expect((await dossierRow(id)).state).toBe("needs-completion");

    const page = await browser.get(base(id));
    expect(page.body).toContain("Hồ sơ cần bổ sung");
    expect(page.body).toContain("Bổ sung bản sao giấy chứng nhận đăng ký doanh nghiệp.");
    // Form 02 (served by the processing area) is linked from the history entry that issued it.
    expect(page.body).toContain(`${base(id)}/forms/2.pdf`);

    const post = async (parts: MultipartPart[]) => {
      const token = await browser.csrfToken(base(id));
      const { payload, contentType } = multipartBody([{ name: "_csrf", value: token }, ...parts]);
      return test.app.inject({
        method: "POST",
        url: `${base(id)}/supply`,
        headers: { cookie: browser.jar.header(), "content-type": contentType },
        payload,
        remoteAddress: browser.remoteAddress,
      });
    };
    expectProblem(await post([{ name: "comment", value: "Gửi bổ sung" }]), "Vui lòng chọn ít nhất một tệp.");
    expect((await dossierRow(id)).state).toBe("needs-completion");

    const supplied = await post([
      { name: "comment", value: "Gửi bản sao giấy chứng nhận" },
      { name: "files", filename: "gcn-dkdn.pdf", bytes: samplePdf, type: "application/pdf" },
    ]);
    expect(supplied.statusCode).toBe(303);
    expect((await dossierRow(id)).state).toBe("submitted");
    const files = await db().select().from(dossierFiles).where(eq(dossierFiles.dossierId, id));
    expect(files.filter((file) => file.eventSeq !== null)).toHaveLength(1);
    const after = await browser.get(base(id));
    expect(after.body).toContain("gcn-dkdn.pdf");
    expect(after.body).not.toContain("Hồ sơ cần bổ sung");
  });

  it("lets the applicant withdraw before receipt", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    await completeSections(browser, id);
    await upload(browser, id, fixture.requiredComponentId, [pdfPart(fixture.requiredComponentId)]);
    await browser.submit(`${base(id)}/check`, `${base(id)}/submit`, { declaration: "yes" });
    const withdrawn = await browser.submit(base(id), `${base(id)}/withdraw`, { reason: "Nộp nhầm thủ tục" });
    expect(withdrawn.statusCode).toBe(303);
    expect((await dossierRow(id)).state).toBe("withdrawn");
    expect((await browser.get(base(id))).body).not.toContain(`${base(id)}/withdraw`);
  });
});

describe("a received dossier", () => {
  it("shows the official due date and days left, and form 01 names the receiving officer", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser);
    await completeSections(browser, id);
    await upload(browser, id, fixture.requiredComponentId, [pdfPart(fixture.requiredComponentId)]);
    await browser.submit(`${base(id)}/check`, `${base(id)}/submit`, { declaration: "yes" });
    const unpaid = await browser.get(base(id));
    expect(unpaid.body).toContain("Hồ sơ chỉ được tiếp nhận sau khi lệ phí được thanh toán.");
    await db().update(dossiers).set({ paidAt: new Date() }).where(eq(dossiers.id, id));
    await performDossierAction(await contextAs(db(), slug, `motcua@${slug}.demo`), id, { action: "receive" });
    const page = await browser.get(base(id));
    expect(page.body).toContain("Ngày hẹn trả kết quả");
    expect(page.body).toMatch(/Còn \d+ ngày làm việc/);
    expect(page.body).not.toContain(`${base(id)}/pay"`);
    const text = extractPdfText((await browser.get(`${base(id)}/receipt.pdf`)).rawPayload);
    expect(text).toContain("NGƯỜI TIẾP NHẬN HỒ SƠ");
    expect(text).toContain("Võ Thị Hồng");
  });
});

describe("a citizen", () => {
  it("applies in their own name with an identity number, and may discard a draft", async () => {
    const browser = new Browser(test.app);
    const id = await startDraft(browser, citizen);
    const row = await dossierRow(id);
    expect(row.enterpriseId).toBeNull();
    expect(row.applicantName).toBe("Phạm Thị Lan (công dân)");
    const refused = await browser.submit(`${base(id)}/details`, `${base(id)}/details`, {
      intent: "continue",
      name: "Phạm Thị Lan",
      idNumber: "12345",
      phone: "0987654321",
      email: citizen,
      address: "3 Hoàng Hoa Thám",
    });
    expectProblem(refused, "Số định danh gồm 12 chữ số");
    const saved = await browser.submit(`${base(id)}/details`, `${base(id)}/details`, {
      intent: "continue",
      name: "Phạm Thị Lan",
      idNumber: "079 123 456 789",
      phone: "0987654321",
      email: citizen,
      address: "3 Hoàng Hoa Thám",
    });
    expect(saved.statusCode).toBe(303);
    expect((await dossierRow(id)).applicantIdNumber).toBe("079123456789");
    const discarded = await browser.submit(base(id), `${base(id)}/withdraw`, {});
    expect(discarded.statusCode).toBe(303);
    expect(discarded.headers.location).toBe(`/${slug}/my/dossiers`);
    expect((await dossierRow(id)).state).toBe("withdrawn");
  });
});

describe("pages", () => {
  for (const locale of ["vi", "en"] as const) {
    it(`render in ${locale} without raw message keys`, async () => {
      const browser = new Browser(test.app);
      const id = await startDraft(browser);
      await browser.get(`/lang/${locale}?back=/${slug}`);
      for (const path of [
        `/${slug}/services/${code}/apply`,
        `/${slug}/my/dossiers`,
        base(id),
        `${base(id)}/details`,
        `${base(id)}/questions`,
        `${base(id)}/documents`,
        `${base(id)}/delivery`,
        `${base(id)}/check`,
      ]) {
        const page = await browser.get(path);
        expect(page.statusCode, path).toBe(200);
        expect(page.body, path).not.toMatch(/\bservices\.(apply|state|action)\.[a-zA-Z-]+/);
        expect(page.body.match(/<h1[ >]/g)?.length, path).toBe(1);
      }
    });
  }
});
