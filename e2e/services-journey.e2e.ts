import { readFile } from "node:fs/promises";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Journey } from "./support.ts";

const province = "ba-ria-vung-tau";
const enterpriseEmail = `doanhnghiep@${province}.demo`;
const receptionEmail = `motcua@${province}.demo`;
// The alcohol wholesale licence: level 4, fee paid online, appraised by the trade office (catalogue seed).
const tradeOfficerEmail = `thuongmai@${province}.demo`;
const leaderEmail = `lanhdao@${province}.demo`;
const procedureCode = "2.000636";
const journey = new Journey();

/** A small, well-formed one-page PDF (the upload check reads the content, not the name). */
function samplePdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const pdfFile = (name: string) => ({ name, mimeType: "application/pdf", buffer: samplePdf(name) });
const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString("latin1") === "%PDF-";

/**
 * A copy of a signed PDF with one byte changed inside the range the signature covers: the first content
 * stream (the signature's /Contents sits in the incremental update at the end of the file).
 */
function tamperSignedPdf(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const streamStart = copy.indexOf("stream\n", 0, "latin1");
  expect(streamStart).toBeGreaterThan(0);
  const target = streamStart + "stream\n".length + 16;
  copy[target] = copy[target]! ^ 0x20;
  return copy;
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Follows a link or presses a button that loads a page (possibly the same address, after a post and its
 * redirect), waits for that page and checks where it landed.
 */
async function go(page: Page, target: Locator, url: RegExp): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), target.click()]);
  expect(page.url()).toMatch(url);
}

/** The text of an element, once it is there (the pages are rendered on the server). */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.first().textContent()) ?? "";
}

/** The staff dossier page keeps each action's form in a disclosure: open it, fill it, press its button. */
async function act(page: Page, action: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  const disclosure = page.locator("details", { has: page.locator("summary", { hasText: action }) });
  await disclosure.locator("summary").click();
  if (fill) await fill(disclosure);
  await go(
    page,
    disclosure.getByRole("button", { name: action, exact: true }),
    /\/admin\/services\/dossiers\/\d+$/,
  );
  expect(await page.locator(".error-summary").count(), `${action}: refused`).toBe(0);
  await journey.checkAccessibility(page);
}

/** Bytes of a link's target, fetched with the person's own session (their cookies). */
async function fetchLink(context: BrowserContext, link: Locator): Promise<{ type: string; bytes: Buffer }> {
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  const response = await context.request.get(new URL(href!, journey.baseUrl).toString());
  expect(response.status()).toBe(200);
  return { type: response.headers()["content-type"] ?? "", bytes: await response.body() };
}

describe("online public services journey (real server, real browser)", () => {
  beforeAll(() => journey.start());
  afterAll(() => journey.stop());

  it("an enterprise applies and pays online, supplies a document on request, gets a signed licence that verifies, and a tampered copy fails", async () => {
    const stamp = Date.now().toString(36);
    const audit = (page: Page) => journey.checkAccessibility(page);
    const contexts: BrowserContext[] = [];
    const personIn = async (email: string) => {
      const context = await journey.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await journey.signIn(page, province, email);
      return { context, page };
    };

    // 1. The enterprise finds the procedure typed without diacritics and applies.
    const { context: enterpriseContext, page: enterprise } = await personIn(enterpriseEmail);
    await go(
      enterprise,
      enterprise.getByRole("navigation").getByRole("link", { name: "Dịch vụ công", exact: true }),
      /\/services$/,
    );
    await audit(enterprise);
    await enterprise.getByLabel("Tìm thủ tục").fill("giay phep ban buon ruou");
    await go(
      enterprise,
      enterprise.locator("main").getByRole("button", { name: "Tìm kiếm", exact: true }),
      /\/services\?q=/,
    );
    await audit(enterprise);
    const catalogueSearchUrl = enterprise.url();
    // Found through "giay phep ban buon ruou": the best match names "bán buôn rượu" with its diacritics.
    expect(await textOf(enterprise.locator(".search-results h2"))).toContain("bán buôn rượu");
    const procedureLink = enterprise.getByRole("link", { name: /Cấp Giấy phép bán buôn rượu/ });
    await go(
      enterprise,
      procedureLink.first(),
      new RegExp(`/services/${procedureCode.replace(".", "\\.")}$`),
    );
    await audit(enterprise);
    const procedureUrl = enterprise.url();
    expect(await textOf(enterprise.locator("main"))).toContain("Mức độ 4");
    await go(
      enterprise,
      enterprise.getByRole("button", { name: "Nộp hồ sơ trực tuyến", exact: true }),
      /\/my\/dossiers\/\d+$/,
    );
    const dossierUrl = enterprise.url();
    const dossierPath = new URL(dossierUrl).pathname;
    await audit(enterprise);

    // The short pages: details (prefilled from the registry but for the phone), questions, documents, delivery.
    await go(enterprise, enterprise.getByRole("link", { name: "Thông tin người nộp hồ sơ" }), /\/details$/);
    await audit(enterprise);
    await enterprise.getByLabel("Số điện thoại").fill("0912345678");
    await go(enterprise, enterprise.getByRole("button", { name: "Lưu và tiếp tục" }), /\/questions$/);
    await audit(enterprise);
    await enterprise.getByLabel("Địa chỉ kho hàng").fill(`Lô B2, KCN Mỹ Xuân A, Phú Mỹ (${stamp})`);
    await enterprise.getByLabel("Diện tích kho hàng (m²)").fill("120");
    await go(enterprise, enterprise.getByRole("button", { name: "Lưu và tiếp tục" }), /\/documents$/);
    await audit(enterprise);
    const uploadSections = enterprise.getByRole("main").getByRole("region");
    const sectionCount = await uploadSections.count();
    expect(sectionCount).toBe(4);
    for (let index = 0; index < sectionCount; index++) {
      const section = uploadSections.nth(index);
      await section.getByLabel(/^Chọn tệp cho:/).setInputFiles(pdfFile(`thanh-phan-${index + 1}.pdf`));
      await go(enterprise, section.getByRole("button", { name: /^Tải lên/ }), /\/documents$/);
      expect(await textOf(uploadSections.nth(index))).toContain(`thanh-phan-${index + 1}.pdf`);
    }
    await audit(enterprise);
    await go(
      enterprise,
      enterprise.getByRole("link", { name: "Xong, quay lại danh sách việc" }),
      /\/my\/dossiers\/\d+$/,
    );
    await go(enterprise, enterprise.getByRole("link", { name: "Cách nhận kết quả" }), /\/delivery$/);
    await audit(enterprise);
    await enterprise.getByLabel("Nhận trực tuyến").check();
    await go(enterprise, enterprise.getByRole("button", { name: "Lưu và tiếp tục" }), /\/my\/dossiers\/\d+$/);
    await audit(enterprise);

    // Check your answers, the declaration, send.
    await go(enterprise, enterprise.getByRole("link", { name: "Kiểm tra và nộp hồ sơ" }), /\/check$/);
    await audit(enterprise);
    expect(await textOf(enterprise.locator("main"))).toContain("thanh-phan-4.pdf");
    await enterprise.getByLabel(/Tôi xin cam đoan/).check();
    await go(
      enterprise,
      enterprise.getByRole("button", { name: "Nộp hồ sơ", exact: true }),
      /\/my\/dossiers\/\d+\?submitted=1$/,
    );
    await audit(enterprise);
    const confirmation = enterprise.getByRole("status").filter({ hasText: "Đã nộp hồ sơ" });
    const code = (await confirmation.locator("strong").first().textContent())?.trim() ?? "";
    expect(code).not.toBe("");
    expect(await textOf(enterprise.getByRole("heading", { level: 1 }))).toContain(code);
    const receipt = await fetchLink(
      enterpriseContext,
      enterprise.getByRole("link", { name: "Giấy tiếp nhận và hẹn trả kết quả (PDF)" }).first(),
    );
    expect(receipt.type).toContain("application/pdf");
    expect(isPdf(receipt.bytes)).toBe(true);

    // 2. The fee, through the built-in VNPay simulator.
    await go(enterprise, enterprise.getByRole("link", { name: "Thanh toán lệ phí" }).first(), /\/pay$/);
    await audit(enterprise);
    const payUrl = enterprise.url();
    await go(enterprise, enterprise.getByRole("button", { name: /qua VNPay$/ }), /\/payment-simulator\/pay/);
    await audit(enterprise);
    expect(await textOf(enterprise.locator("main"))).toContain("2.200.000");
    await go(
      enterprise,
      enterprise.getByRole("button", { name: "Thanh toán thành công" }),
      /\/payments\/vnpay\/return/,
    );
    await audit(enterprise);
    expect(await textOf(enterprise.getByRole("heading", { level: 1 }))).toBe(
      "Giao dịch thanh toán thành công",
    );
    expect(await textOf(enterprise.locator("main"))).toContain("Đã thanh toán");
    await enterprise.goto(dossierUrl);
    expect(await textOf(enterprise.locator("main"))).toContain("đã thanh toán lúc");
    await audit(enterprise);

    // 3. The one-stop officer receives and forwards; the trade office asks for a supplement.
    const { page: reception } = await personIn(receptionEmail);
    await go(
      reception,
      reception.getByRole("navigation").getByRole("link", { name: "Một cửa", exact: true }),
      /\/admin\/services\/inbox/,
    );
    await audit(reception);
    await go(
      reception,
      reception.getByRole("link", { name: code, exact: true }),
      /\/admin\/services\/dossiers\/\d+$/,
    );
    await audit(reception);
    const staffDossierPath = new URL(reception.url()).pathname;
    await act(reception, "Tiếp nhận hồ sơ");
    await act(reception, "Chuyển bước xử lý");
    expect(await textOf(reception.locator("main"))).toContain("Đang xử lý");

    const { page: trade } = await personIn(tradeOfficerEmail);
    await go(
      trade,
      trade.getByRole("navigation").getByRole("link", { name: "Một cửa", exact: true }),
      /\/admin\/services\/inbox/,
    );
    await audit(trade);
    await go(trade, trade.getByRole("link", { name: code, exact: true }), new RegExp(`${staffDossierPath}$`));
    await audit(trade);
    const supplementRequest = `Bổ sung bản sao hợp đồng thuê kho có công chứng (${stamp}).`;
    await act(trade, "Yêu cầu bổ sung hồ sơ", (form) =>
      form.getByLabel("Nội dung cần bổ sung, hoàn thiện").fill(supplementRequest),
    );
    expect(await textOf(trade.locator("main"))).toContain("Chờ bổ sung hồ sơ");

    // 4. The enterprise sees the request and supplies a file; the officer proposes; the leader approves.
    await enterprise.goto(dossierUrl);
    await audit(enterprise);
    const supply = enterprise.getByRole("region", { name: "Hồ sơ cần bổ sung" });
    expect(await textOf(supply)).toContain(supplementRequest);
    await supply.getByLabel("Tài liệu bổ sung").setInputFiles(pdfFile("hop-dong-thue-kho.pdf"));
    await supply.getByLabel("Ghi chú gửi kèm (không bắt buộc)").fill("Đã bổ sung hợp đồng thuê kho.");
    await go(enterprise, supply.getByRole("button", { name: "Gửi bổ sung" }), new RegExp(`${dossierPath}$`));
    await audit(enterprise);
    expect(await textOf(enterprise.locator("main"))).toContain("hop-dong-thue-kho.pdf");

    await trade.reload();
    expect(await textOf(trade.locator("main"))).toContain("hop-dong-thue-kho.pdf");
    await act(trade, "Trình lãnh đạo");

    const { page: leader } = await personIn(leaderEmail);
    await go(
      leader,
      leader.getByRole("navigation").getByRole("link", { name: "Một cửa", exact: true }),
      /\/admin\/services\/inbox/,
    );
    await audit(leader);
    await go(
      leader,
      leader.getByRole("link", { name: code, exact: true }),
      new RegExp(`${staffDossierPath}$`),
    );
    await audit(leader);
    await act(leader, "Phê duyệt kết quả");
    expect(await textOf(leader.locator("main"))).toContain("Đã có kết quả");

    // 5. The enterprise downloads the signed licence and verifies it: the page, the file, a tampered copy.
    await enterprise.goto(dossierUrl);
    await audit(enterprise);
    const [download] = await Promise.all([
      enterprise.waitForEvent("download"),
      enterprise.getByRole("link", { name: "Tải kết quả giải quyết" }).click(),
    ]);
    const licence = await readFile(await download.path());
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(isPdf(licence)).toBe(true);

    await go(enterprise, enterprise.getByRole("link", { name: "Xác thực văn bản" }), /\/verify\/[\w-]+$/);
    await audit(enterprise);
    const verifyUrl = enterprise.url();
    // The QR code of the licence and its printed link name the same page.
    expect(licence.includes(Buffer.from(new URL(verifyUrl).pathname, "latin1"))).toBe(true);
    expect(await textOf(enterprise.getByRole("status").first())).toContain(
      "Văn bản gốc lưu trên Cổng có chữ ký số hợp lệ của Sở.",
    );
    expect(await textOf(enterprise.locator("main"))).toContain(code);

    await enterprise.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({
      name: download.suggestedFilename(),
      mimeType: "application/pdf",
      buffer: licence,
    });
    await go(enterprise, enterprise.getByRole("button", { name: "Kiểm tra tệp" }), /\/verify\/[\w-]+$/);
    await audit(enterprise);
    const uploadCheck = enterprise.getByRole("region", { name: "Kiểm tra tệp PDF bạn nhận được" });
    expect(await textOf(uploadCheck.getByRole("status"))).toContain("Tệp trùng khớp với văn bản số");

    await enterprise.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({
      name: "ban-sua-doi.pdf",
      mimeType: "application/pdf",
      buffer: tamperSignedPdf(licence),
    });
    await go(enterprise, enterprise.getByRole("button", { name: "Kiểm tra tệp" }), /\/verify\/[\w-]+$/);
    await audit(enterprise);
    // The clear failure: the file is not the original, and why (the signed bytes changed).
    const failure = uploadCheck.getByRole("alert");
    expect(await textOf(failure)).toContain("Tệp KHÔNG xác thực được");
    expect(await textOf(failure)).toContain("Nội dung văn bản đã bị thay đổi sau khi ký.");

    // 6. The applicant's key pages fit a 360 px phone.
    const phoneContext = await journey.newContext({ width: 360, height: 740 });
    contexts.push(phoneContext);
    const phone = await phoneContext.newPage();
    await journey.signIn(phone, province, enterpriseEmail);
    for (const [label, url] of [
      ["catalogue search", catalogueSearchUrl],
      ["procedure page", procedureUrl],
      ["dossier page", dossierUrl],
      ["fee page", payUrl],
      ["verification page", verifyUrl],
    ] as const) {
      await phone.goto(url);
      expect.soft(await horizontalOverflow(phone), `${label} at 360px`).toBeLessThanOrEqual(0);
    }

    for (const context of contexts) await context.close();
    expect(journey.violationsSoFar()).toEqual([]);
  });
});
