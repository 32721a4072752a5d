import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { auditLog } from "../identity/schema.ts";
import { planBudgetLines, plans } from "./schema.ts";

const brvt = "ba-ria-vung-tau";
let testApp: TestApp;
let admin: Browser;
let planId: string;
let base: string;
beforeAll(async () => {
  testApp = await buildTestApp();
  admin = new Browser(testApp.app);
  await admin.signIn(brvt, `quantri@${brvt}.demo`);
  const list = await admin.get(`/${brvt}/plans`);
  planId = /href="\/ba-ria-vung-tau\/plans\/(\d+)">[^<]*2021/.exec(list.body)![1]!;
  base = `/${brvt}/plans/${planId}`;
});
afterAll(() => testApp.close());

const db = () => testApp.database.db;
const planRow = async () =>
  (
    await db()
      .select()
      .from(plans)
      .where(eq(plans.id, Number(planId)))
  )[0]!;
const auditCount = async (action: string) =>
  (
    await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, action)))
  )[0]!.n;
const grandTotal = async () => /data-testid="grand-total">([^<]*)</.exec((await admin.get(base)).body)?.[1];
const header = (overrides: Record<string, string>) => ({
  title: "Kế hoạch phát triển TMĐT tỉnh Bà Rịa – Vũng Tàu 2021-2025 (sửa)",
  titleEn: "",
  periodStart: "2021",
  periodEnd: "2025",
  decisionNumber: "93/QĐ-UBND",
  decisionDate: "14/01/2021",
  issuer: "Chủ tịch Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu",
  signerName: "Lê Ngọc Khanh",
  signerTitle: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
  budgetDisplayUnit: "million",
  summary: "Tóm tắt",
  ...overrides,
});

test("a valid header edit redirects (303) with a flash and records plan.update with before and after", async () => {
  const before = await planRow();
  const response = await admin.submit(`${base}/edit`, base, header({}));
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe(`${base}#main`);
  const page = await admin.get(base);
  expect(page.body).toContain("Kế hoạch phát triển TMĐT tỉnh Bà Rịa – Vũng Tàu 2021-2025 (sửa)");
  expect(page.body).toMatch(/class="[^"]*flash/);
  const [audit] = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "plan.update"), eq(auditLog.entityId, planId)));
  expect(audit).toBeDefined();
  expect(JSON.stringify(audit!.before)).toContain(before.title);
  expect(JSON.stringify(audit!.after)).toContain("(sửa)");
});

test.each([
  ["an empty title", { title: "" }, "title", "Vui lòng nhập thông tin này."],
  [
    "an end year before the start year",
    { periodStart: "2025", periodEnd: "2021" },
    "periodEnd",
    "Năm kết thúc",
  ],
  ["the date 31/02/2021", { decisionDate: "31/02/2021" }, "decisionDate", "Ngày không hợp lệ"],
])(
  "%s is refused (422) with a linked error summary, values kept, nothing changed and no audit row",
  async (_name, overrides, field, message) => {
    const before = await planRow();
    const audits = await auditCount("plan.update");
    const fields = header({ signerName: "Người ký giữ lại", ...overrides });
    const response = await admin.submit(`${base}/edit`, base, fields);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('class="error-summary"');
    expect(response.body).toContain(`href="#field-${field}"`);
    expect(response.body).toContain(message);
    expect(response.body).toContain('value="Người ký giữ lại"');
    if ("decisionDate" in overrides) expect(response.body).toContain('value="31/02/2021"');
    expect(await planRow()).toEqual(before);
    expect(await auditCount("plan.update")).toBe(audits);
  },
);

test("adding an activity with lead and coordinating units shows it with those units", async () => {
  const form = await admin.get(`${base}/activities/new`);
  const unitIds = [
    ...form.body.matchAll(/name="leadUnitIds"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="leadUnitIds"/g),
  ].map((match) => match[1] ?? match[2]) as string[];
  expect(unitIds.length).toBeGreaterThanOrEqual(2);
  const response = await admin.submit(`${base}/activities/new`, `${base}/activities`, {
    number: "99",
    title: "Hoạt động thử nghiệm mới",
    description: "",
    leadUnitIds: unitIds[0]!,
    coordinatingUnitIds: [unitIds[1]!],
  });
  expect(response.statusCode).toBe(303);
  const page = await admin.get(base);
  expect(page.body).toContain("Hoạt động thử nghiệm mới");
});

test("a budget line of 12,5 triệu đồng is stored as 12.500.000 đồng and the grand total grows by 12,5", async () => {
  expect(await grandTotal()).toBe("2.224,5");
  const response = await admin.submit(`${base}/budget-lines/new`, `${base}/budget-lines`, {
    activityId: "",
    year: "2022",
    source: "provincial",
    amount: "12,5",
    label: "Dòng thử nghiệm",
  });
  expect(response.statusCode).toBe(303);
  const [line] = await db()
    .select()
    .from(planBudgetLines)
    .where(and(eq(planBudgetLines.planId, Number(planId)), eq(planBudgetLines.label, "Dòng thử nghiệm")));
  expect(line!.amountDong).toBe(12_500_000n);
  expect(await grandTotal()).toBe("2.237");
});

test("a malformed amount 150.0000.000 is refused with a message on the amount field", async () => {
  const before = await grandTotal();
  const response = await admin.submit(`${base}/budget-lines/new`, `${base}/budget-lines`, {
    activityId: "",
    year: "2022",
    source: "provincial",
    amount: "150.0000.000",
    label: "Dòng sai",
  });
  expect(response.statusCode).toBe(422);
  expect(response.body).toContain('href="#field-amount"');
  expect(response.body).toContain('value="150.0000.000"');
  expect(await grandTotal()).toBe(before);
});

function multipart(fields: Record<string, string>): { payload: string; contentType: string } {
  const boundary = "----test-boundary-7d91";
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    payload: `${parts.join("")}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
async function importPasted(pasted: string) {
  const token = await admin.csrfToken(`${base}/budget/import`);
  const { payload, contentType } = multipart({
    _csrf: token,
    pasted,
    unit: "million",
    defaultSource: "provincial",
  });
  return testApp.app.inject({
    method: "POST",
    url: `${base}/budget/import`,
    headers: { cookie: admin.jar.header(), "content-type": contentType },
    payload,
  });
}

test("a bad pasted table is refused (422) naming the cell C2, and the old budget lines stay", async () => {
  const before = await db()
    .select()
    .from(planBudgetLines)
    .where(eq(planBudgetLines.planId, Number(planId)));
  const response = await importPasted("Stt\tNội dung\t2021\t2022\n1\tHoạt động A\t12.34\t20\n");
  expect(response.statusCode).toBe(422);
  expect(response.body).toContain("C2");
  const after = await db()
    .select()
    .from(planBudgetLines)
    .where(eq(planBudgetLines.planId, Number(planId)));
  expect(after).toEqual(before);
});

test("importing a pasted TSV table replaces the budget lines and the page shows the new total", async () => {
  const response = await importPasted(
    "Stt\tNội dung\t2021\t2022\n1\tHoạt động A\t10\t20\n2\tHoạt động B\t5\t15\n",
  );
  expect(response.statusCode).toBe(303);
  const lines = await db()
    .select()
    .from(planBudgetLines)
    .where(eq(planBudgetLines.planId, Number(planId)));
  expect(lines.reduce((sum, line) => sum + line.amountDong, 0n)).toBe(50_000_000n);
  expect(await grandTotal()).toBe("50");
});

test("XLSX and PDF exports answer with their content types and non-trivial bodies", async () => {
  const xlsx = await admin.get(`${base}/export.xlsx`);
  expect(xlsx.statusCode).toBe(200);
  expect(xlsx.headers["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  expect(xlsx.rawPayload.length).toBeGreaterThan(2000);
  const pdf = await admin.get(`${base}/export.pdf`);
  expect(pdf.statusCode).toBe(200);
  expect(pdf.headers["content-type"]).toBe("application/pdf");
  expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.rawPayload.length).toBeGreaterThan(2000);
});
