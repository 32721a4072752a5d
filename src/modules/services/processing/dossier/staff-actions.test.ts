import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../../test/helpers/app.ts";
import {
  contextAs,
  markPaidFixture,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../../test/helpers/services.ts";
import { storeUpload } from "../../../../platform/files.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import { insertUser } from "../../../identity/index.ts";
import { extractPdfText } from "../../apply/testing.ts";
import { addDays } from "../../calendar/index.ts";
import { performDossierAction, readDossierHistory } from "../../dossiers/index.ts";
import { dossiers } from "../../schema.ts";

const slug = "ba-ria-vung-tau";
let testApp: TestApp;
let fixture: ServiceFixture;
const browsers = new Map<string, Browser>();
beforeAll(async () => {
  testApp = await buildTestApp();
  fixture = await seedServiceFixture(testApp.database.db, slug);
  await insertUser(testApp.database.db, {
    provinceId: fixture.provinceId,
    email: `thuongmai2@${slug}.demo`,
    fullName: "Cán bộ thương mại thứ hai",
    phone: null,
    password: "demo-tmdt-2025",
    unitId: fixture.units.trade,
    roles: ["officer"],
  });
});
afterAll(() => testApp.close());
const db = () => testApp.database.db;

/** A signed-in browser per account (sessions kept between tests). */
async function as(local: string, province = slug): Promise<Browser> {
  const key = `${local}@${province}`;
  let browser = browsers.get(key);
  if (!browser) {
    browser = new Browser(testApp.app);
    const response = await browser.signIn(province, `${local}@${province}.demo`);
    if (response.statusCode !== 303) throw new Error(`sign-in of ${key} failed`);
    browsers.set(key, browser);
  }
  return browser;
}
const pagePath = (id: number) => `/${slug}/admin/services/dossiers/${id}`;
async function act(local: string, id: number, action: string, fields: Record<string, string> = {}) {
  const browser = await as(local);
  const prefixed = Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [`${action}-${name}`, value]),
  );
  return browser.submit(pagePath(id), `${pagePath(id)}/actions/${action}`, prefixed);
}
const stateOf = async (id: number) => (await db().select().from(dossiers).where(eq(dossiers.id, id)))[0]!;
const seqOf = async (id: number, action: string) =>
  (await readDossierHistory(db(), id)).filter((line) => line.action === action).at(-1)!.seq;

test("the inbox lists a submitted dossier for the one-stop section only, and other provinces cannot open it", async () => {
  const id = await submitDossierFixture(db(), fixture);
  const reception = await (await as("motcua")).get(`/${slug}/admin/services/inbox`);
  expect(reception.statusCode).toBe(200);
  expect(reception.body).toContain(`${pagePath(id)}"`);
  const page = await (await as("motcua")).get(pagePath(id));
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain("Đơn đề nghị cấp giấy phép");
  expect(page.body).toContain(`/actions/refuse"`);
  expect(page.body).not.toContain(`/actions/approve"`);
  const trade = await (await as("thuongmai")).get(`/${slug}/admin/services/inbox`);
  expect(trade.body).not.toContain(`${pagePath(id)}"`);
  const other = await as("motcua", "dong-thap");
  expect((await other.get(`/dong-thap/admin/services/dossiers/${id}`)).statusCode).toBe(404);
  expect((await other.get("/dong-thap/admin/services/inbox")).body).not.toContain(`/dossiers/${id}"`);
  expect((await (await as("doanhnghiep")).get(`/${slug}/admin/services/inbox`)).statusCode).toBe(403);
  expect((await (await as("doanhnghiep")).get(pagePath(id))).statusCode).toBe(403);
});

test("a dossier goes from receipt to the returned result through the staff pages", async () => {
  const id = await submitDossierFixture(db(), fixture);
  const unpaid = await act("motcua", id, "receive");
  expect(unpaid.statusCode).toBe(422);
  expect(unpaid.body).toContain("chưa được thanh toán");
  expect((await stateOf(id)).state).toBe("submitted");
  await markPaidFixture(db(), id);

  expect((await act("motcua", id, "receive")).statusCode).toBe(303);
  expect((await stateOf(id)).state).toBe("received");
  const twice = await act("motcua", id, "receive");
  expect(twice.statusCode).toBe(409);
  expect(twice.body).toContain("không thể thực hiện thao tác này");

  expect((await act("motcua", id, "forward", { assignTo: "" })).statusCode).toBe(303);
  const forwarded = await stateOf(id);
  expect(forwarded).toMatchObject({
    state: "in-review",
    stageUnitId: fixture.units.trade,
    holderUserId: null,
  });
  const tradeInbox = await (await as("thuongmai")).get(`/${slug}/admin/services/inbox?holder=unheld`);
  expect(tradeInbox.body).toContain(`${pagePath(id)}"`);

  expect((await act("thuongmai", id, "claim")).statusCode).toBe(303);
  const held = await act("thuongmai2", id, "propose");
  expect(held.statusCode).toBe(403);
  expect(held.body).toContain("cán bộ khác");
  expect(
    (await (await as("thuongmai2")).get(`/${slug}/admin/services/inbox?holder=unheld`)).body,
  ).not.toContain(`${pagePath(id)}"`);

  const noReason = await act("thuongmai", id, "request-supplement", { comment: "" });
  expect(noReason.statusCode).toBe(422);
  expect(noReason.body).toContain("Nhập nội dung cần bổ sung");
  const deadline = addDays(todayInVietnam(), 10).split("-").reverse().join("/");
  expect(
    (
      await act("thuongmai", id, "request-supplement", {
        comment: "Thiếu bản sao giấy chứng nhận PCCC",
        deadline,
      })
    ).statusCode,
  ).toBe(303);
  expect((await stateOf(id)).state).toBe("awaiting-supplement");

  const applicant = await contextAs(db(), slug, `doanhnghiep@${slug}.demo`);
  const upload = await storeUpload(db(), {
    file: {
      filename: "pccc.pdf",
      bytes: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    },
    kind: "document",
    field: "files",
    provinceId: fixture.provinceId,
    ownerUserId: applicant.actor!.userId,
  });
  await performDossierAction(applicant, id, {
    action: "supply",
    fileIds: [upload.id],
    comment: "Đã bổ sung",
  });
  const page = await (await as("thuongmai")).get(pagePath(id));
  expect(page.body).toContain("pccc.pdf");
  const download = await (await as("thuongmai")).get(`${pagePath(id)}/files/${upload.id}`);
  expect(download.statusCode).toBe(200);
  expect(download.headers["content-disposition"]).toContain("attachment");

  expect((await act("thuongmai", id, "propose")).statusCode).toBe(303);
  expect((await stateOf(id)).state).toBe("proposed");
  const newDate = addDays(todayInVietnam(), 30);
  expect(
    (
      await act("lanhdao", id, "extend", {
        comment: "Cần xác minh thêm tại cơ sở",
        newDueDate: newDate.split("-").reverse().join("/"),
      })
    ).statusCode,
  ).toBe(303);
  expect((await stateOf(id)).dueDate).toBe(newDate);
  expect((await act("lanhdao", id, "approve")).statusCode).toBe(303);
  expect((await stateOf(id)).state).toBe("approved");
  expect((await act("motcua", id, "return-result", { deliveryMethod: "online" })).statusCode).toBe(303);
  expect((await stateOf(id)).state).toBe("completed");

  const slip = await (await as("lanhdao")).get(pagePath(id));
  expect(slip.body).toContain("Thẩm định hồ sơ");
  const slipPdf = await (await as("lanhdao")).get(`${pagePath(id)}/control-slip.pdf`);
  expect(slipPdf.headers["content-type"]).toBe("application/pdf");
  const slipText = extractPdfText(slipPdf.rawPayload);
  expect(slipText).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
  expect(slipText).toContain("Thẩm định hồ sơ");

  const form02 = await (await as("motcua")).get(
    `${pagePath(id)}/forms/${await seqOf(id, "request-supplement")}.pdf`,
  );
  expect(form02.statusCode).toBe(200);
  const text02 = extractPdfText(form02.rawPayload);
  expect(text02).toContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
  expect(text02).toContain("Thiếu bản sao giấy chứng nhận PCCC");
  expect(text02).toContain((await stateOf(id)).code!);
  const form04 = await (await as("doanhnghiep")).get(
    `/${slug}/my/dossiers/${id}/forms/${await seqOf(id, "extend")}.pdf`,
  );
  expect(form04.statusCode).toBe(200);
  const text04 = extractPdfText(form04.rawPayload);
  expect(text04).toContain("xin lỗi");
  expect(text04).toContain(newDate.split("-").reverse().join("/"));
  expect(
    (await (await as("congdan")).get(`/${slug}/my/dossiers/${id}/forms/${await seqOf(id, "extend")}.pdf`))
      .statusCode,
  ).toBe(404);
  expect((await (await as("motcua")).get(`${pagePath(id)}/forms/1.pdf`)).statusCode).toBe(404);
});

test("reception refuses on form 03 and the leader stops on form 05, each with its reason printed", async () => {
  const refused = await submitDossierFixture(db(), fixture);
  const noReason = await act("motcua", refused, "refuse", { comment: " " });
  expect(noReason.statusCode).toBe(422);
  expect((await stateOf(refused)).state).toBe("submitted");
  expect(
    (await act("motcua", refused, "refuse", { comment: "Không thuộc thẩm quyền của Sở" })).statusCode,
  ).toBe(303);
  expect((await stateOf(refused)).state).toBe("refused");
  const form03 = await (await as("doanhnghiep")).get(
    `/${slug}/my/dossiers/${refused}/forms/${await seqOf(refused, "refuse")}.pdf`,
  );
  const text03 = extractPdfText(form03.rawPayload);
  expect(text03).toContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
  expect(text03).toContain("Không thuộc thẩm quyền của Sở");

  const stopped = await submitDossierFixture(db(), fixture, { receive: true });
  const notLeader = await act("motcua", stopped, "stop", { comment: "Theo đề nghị của doanh nghiệp" });
  expect(notLeader.statusCode).toBe(403);
  expect(
    (await act("lanhdao", stopped, "stop", { comment: "Theo đề nghị của doanh nghiệp" })).statusCode,
  ).toBe(303);
  expect((await stateOf(stopped)).state).toBe("stopped");
  const form05 = await (await as("lanhdao")).get(
    `${pagePath(stopped)}/forms/${await seqOf(stopped, "stop")}.pdf`,
  );
  const text05 = extractPdfText(form05.rawPayload);
  expect(text05).toContain("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
  expect(text05).toContain("Theo đề nghị của doanh nghiệp");
});

test("an unknown action is not found, and an officer of another unit cannot act", async () => {
  const id = await submitDossierFixture(db(), fixture, { receive: true });
  const browser = await as("motcua");
  expect((await browser.submit(pagePath(id), `${pagePath(id)}/actions/approve-all`, {})).statusCode).toBe(
    404,
  );
  const otherUnit = await act("kythuat", id, "forward", { assignTo: "" });
  expect(otherUnit.statusCode).toBe(403);
  expect((await stateOf(id)).state).toBe("received");
});
