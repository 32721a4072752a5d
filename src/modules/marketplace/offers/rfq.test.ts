import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import {
  categoryIdOf,
  createEnterpriseFixture,
  provinceIdOf,
  userIdOf,
} from "../../../../test/helpers/floor.ts";
import { ForbiddenError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";
import { offerAttachments, offerMatches, offers, quotes, searchDocuments } from "../schema.ts";
import { refreshOfferDocument } from "../search/documents.ts";
import { addDays, todayInVietnam } from "./inputs.ts";
import { onOfferPublished } from "./matching.ts";
import { createQuote } from "./services.ts";
import {
  createAccount,
  createOfferRow,
  createPublishedProduct,
  setStorefrontContact,
} from "./test-fixtures.ts";

const province = "ba-ria-vung-tau";
const buyerEmail = "doanhnghiep@ba-ria-vung-tau.demo";
const sellerEmail = "seller.one@example.vn";
const rivalEmail = "seller.two@example.vn";
const outsiderEmail = "outsider@example.vn";

let test: TestApp;
let buyer: { enterpriseId: number };
let seller: { enterpriseId: number; storefrontId: number | null };
let rival: { enterpriseId: number };
let outsider: { enterpriseId: number };

beforeAll(async () => {
  test = await buildTestApp();
  const db = test.database.db;
  await createAccount(db, { province, email: sellerEmail, fullName: "Nguyễn Văn Bán" });
  await createAccount(db, { province, email: rivalEmail, fullName: "Trần Thị Cạnh" });
  await createAccount(db, { province, email: outsiderEmail, fullName: "Lê Văn Ngoài" });
  buyer = await createEnterpriseFixture(db, {
    province,
    memberEmail: buyerEmail,
    name: "Công ty CP Thu mua Cà phê Bà Rịa",
  });
  seller = await createEnterpriseFixture(db, {
    province,
    memberEmail: sellerEmail,
    name: "Công ty TNHH Cà phê Xuyên Mộc",
    storefront: "published",
  });
  await setStorefrontContact(db, seller.storefrontId!, "kinhdoanh@caphe-xuyenmoc.vn");
  rival = await createEnterpriseFixture(db, {
    province,
    memberEmail: rivalEmail,
    name: "Công ty TNHH Nông sản Châu Đức",
  });
  outsider = await createEnterpriseFixture(db, {
    province,
    memberEmail: outsiderEmail,
    name: "Công ty TNHH Ngoài Cuộc",
  });
  await createPublishedProduct(db, {
    enterpriseId: seller.enterpriseId,
    province,
    category: "ca-phe",
    name: "Cà phê nhân Robusta sàng 18",
  });
});
afterAll(async () => test.close());

async function mailsTo(email: string, subjectLike: string) {
  return test.database.db
    .select()
    .from(mailOutbox)
    .where(and(like(mailOutbox.recipient, `%${email}%`), like(mailOutbox.subject, subjectLike)));
}

/** What a moderation officer's "publish" does: status, search document, matching — in one transaction. */
async function publishAsOfficer(offerId: number) {
  const db = test.database.db;
  const provinceId = await provinceIdOf(db, province);
  return db.transaction(async (tx) => {
    await tx
      .update(offers)
      .set({ status: "published", publishedAt: new Date() })
      .where(eq(offers.id, offerId));
    await refreshOfferDocument(tx, offerId);
    return onOfferPublished(tx, { provinceId }, offerId);
  });
}

const expiresIn30 = () => {
  const [year, month, day] = addDays(todayInVietnam(), 30).split("-");
  return `${day}/${month}/${year}`;
};

describe("RFQ lifecycle", () => {
  it("buy offer → review → published and matched → quotes → buyer compares and accepts → closed", async () => {
    const db = test.database.db;
    const buyerBrowser = new Browser(test.app);
    await buyerBrowser.signIn(province, buyerEmail);

    // 1. The buyer drafts a buy offer.
    const created = await buyerBrowser.submit(
      `/${province}/my/offers/new?kind=buy`,
      `/${province}/my/offers`,
      {
        kind: "buy",
        title: "Cần mua 50 tấn cà phê Robusta",
        categoryId: String(await categoryIdOf(db, "ca-phe")),
        specification: "Cà phê nhân Robusta sàng 18, độ ẩm tối đa 12,5%, đóng bao 60 kg",
        quantity: "50",
        unit: "tấn",
        priceDong: "",
        deliveryTerm: "buyer-warehouse",
        deliveryPlace: "KCN Phú Mỹ, Bà Rịa – Vũng Tàu",
        expiresOn: expiresIn30(),
      },
    );
    expect(created.statusCode).toBe(303);
    const offerId = Number(/\/my\/offers\/(\d+)$/.exec(created.headers.location as string)?.[1]);
    const [draft] = await db.select().from(offers).where(eq(offers.id, offerId));
    expect(draft).toMatchObject({
      kind: "buy",
      status: "draft",
      enterpriseId: buyer.enterpriseId,
      quantity: 50,
    });
    expect(draft!.deliveryTerms).toBe("buyer-warehouse");

    // A draft is not public: page and API answer 404.
    expect((await new Browser(test.app).get(`/${province}/offers/${draft!.slug}`)).statusCode).toBe(404);
    expect((await test.app.inject(`/api/v1/offers/${offerId}`)).statusCode).toBe(404);

    // 2. Submit for review → pending.
    const page = `/${province}/my/offers/${offerId}`;
    const submitted = await buyerBrowser.submit(page, `${page}/submit`, {});
    expect(submitted.statusCode).toBe(303);
    const [pending] = await db.select().from(offers).where(eq(offers.id, offerId));
    expect(pending!.status).toBe("pending");

    // 3. The officer publishes: matches stored, the matched seller mailed once (members + storefront contact).
    const result = await publishAsOfficer(offerId);
    expect(result.matches).toBeGreaterThan(0);
    // Every matched enterprise is told once (the demo floor may hold other coffee sellers too).
    expect(result.notified).toBeGreaterThanOrEqual(1);
    const matches = await db.select().from(offerMatches).where(eq(offerMatches.offerId, offerId));
    expect(matches.map((row) => row.enterpriseId)).toContain(seller.enterpriseId);
    const matchMails = await mailsTo(sellerEmail, "%Cần mua 50 tấn cà phê Robusta%");
    expect(matchMails).toHaveLength(1);
    expect(matchMails[0]!.recipient).toContain("kinhdoanh@caphe-xuyenmoc.vn");
    expect(matchMails[0]!.bodyText).toContain(`/${province}/offers/${draft!.slug}`);

    // The buyer sees the matches on its page.
    const buyerPage = await buyerBrowser.get(page);
    expect(buyerPage.body).toContain("Cà phê nhân Robusta sàng 18");

    // The public page: JSON-LD Demand, OpenGraph, contact and report links.
    const publicPage = await new Browser(test.app).get(`/${province}/offers/${draft!.slug}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('"@type":"Demand"');
    expect(publicPage.body).toContain('property="og:title"');
    expect(publicPage.body).toContain(`/${province}/inquiries/new?offer=${offerId}`);
    expect(publicPage.body).toContain(`/${province}/report-listing?type=offer&amp;id=${offerId}`);
    const list = await new Browser(test.app).get(`/${province}/offers?kind=buy`);
    expect(list.body).toContain("Cần mua 50 tấn cà phê Robusta");

    // 4. Two sellers quote; the buyer is mailed each time.
    const sellerBrowser = new Browser(test.app);
    await sellerBrowser.signIn(province, sellerEmail);
    const offerUrl = `/${province}/offers/${draft!.slug}`;
    const quote1 = await sellerBrowser.submit(offerUrl, `${offerUrl}/quotes`, {
      priceDong: "110.000.000",
      quantity: "50",
      unit: "tấn",
      validUntil: expiresIn30(),
      message: "Giao trong 10 ngày",
    });
    expect(quote1.statusCode).toBe(303);
    // A second open quote from the same enterprise is refused.
    const again = await sellerBrowser.submit(offerUrl, `${offerUrl}/quotes`, {
      priceDong: "109.000.000",
      quantity: "50",
      unit: "tấn",
      validUntil: expiresIn30(),
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("đã có một báo giá đang mở");
    const rivalBrowser = new Browser(test.app);
    await rivalBrowser.signIn(province, rivalEmail);
    const quote2 = await rivalBrowser.submit(offerUrl, `${offerUrl}/quotes`, {
      priceDong: "105.500.000",
      quantity: "40",
      unit: "tấn",
      validUntil: expiresIn30(),
    });
    expect(quote2.statusCode).toBe(303);
    expect(await mailsTo(buyerEmail, "%Báo giá mới%")).toHaveLength(2);
    const sent = await db.select().from(quotes).where(eq(quotes.offerId, offerId));
    expect(sent).toHaveLength(2);
    const sellerQuote = sent.find((row) => row.enterpriseId === seller.enterpriseId)!;
    const rivalQuote = sent.find((row) => row.enterpriseId === rival.enterpriseId)!;
    expect(sellerQuote.priceDong).toBe(110_000_000n);

    // 5. Only the buyer sees and accepts quotes: another enterprise gets 404 on both.
    const outsiderBrowser = new Browser(test.app);
    await outsiderBrowser.signIn(province, outsiderEmail);
    expect((await outsiderBrowser.get(page)).statusCode).toBe(404);
    const stolen = await outsiderBrowser.submit(
      `/${province}/my/offers`,
      `${page}/quotes/${rivalQuote.id}/accept`,
      {},
    );
    expect(stolen.statusCode).toBe(404);
    expect((await sellerBrowser.get(page)).statusCode).toBe(404);

    // The buyer compares: the rival is cheaper per tonne and in total (105.500.000 ₫ × 40 t).
    const byPrice = (await buyerBrowser.get(`${page}?sort=price`)).body;
    expect(byPrice.indexOf("Nông sản Châu Đức")).toBeLessThan(byPrice.indexOf("Cà phê Xuyên Mộc"));
    expect(byPrice).toContain("5.500.000.000"); // 110.000.000 ₫ × 50 tấn
    expect(byPrice).toContain("4.220.000.000"); // 105.500.000 ₫ × 40 tấn

    // 6. The buyer accepts the seller's quote.
    const accepted = await buyerBrowser.submit(page, `${page}/quotes/${sellerQuote.id}/accept`, {});
    expect(accepted.statusCode).toBe(303);
    const [closed] = await db.select().from(offers).where(eq(offers.id, offerId));
    expect(closed).toMatchObject({ status: "closed", acceptedQuoteId: sellerQuote.id });
    expect(closed!.closedAt).not.toBeNull();
    const after = await db.select().from(quotes).where(eq(quotes.offerId, offerId));
    expect(after.find((row) => row.id === sellerQuote.id)!.status).toBe("accepted");
    expect(after.find((row) => row.id === rivalQuote.id)!.status).toBe("declined");
    expect(await mailsTo(sellerEmail, "%đã được chấp nhận%")).toHaveLength(1);
    expect(await mailsTo(rivalEmail, "%đã chọn được nhà cung cấp%")).toHaveLength(1);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "offer.acceptQuote"), eq(auditLog.entityId, String(offerId))));
    expect(audit).toBeDefined();
    // A closed offer leaves search and the public list, but its page stays readable, marked closed.
    const docs = await db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.docType, "offer"), eq(searchDocuments.docId, offerId)));
    expect(docs).toHaveLength(0);
    expect((await new Browser(test.app).get(`/${province}/offers?kind=buy`)).body).not.toContain(
      "Cần mua 50 tấn cà phê Robusta",
    );
    const api = await test.app.inject(`/api/v1/offers/${offerId}`);
    expect(api.json()).toMatchObject({ id: offerId, status: "closed", kind: "buy" });

    // 7. A quote on the closed offer is refused with the reason; a closed offer cannot be edited.
    await rivalBrowser.submit(
      `/${province}/my/quotes`,
      `/${province}/my/quotes/${rivalQuote.id}/withdraw`,
      {},
    );
    const late = await rivalBrowser.submit(offerUrl, `${offerUrl}/quotes`, {
      priceDong: "45.000",
      quantity: "50",
      unit: "tấn",
      validUntil: expiresIn30(),
    });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain("Chào mua đã đóng");
    expect((await buyerBrowser.get(`${page}/edit`)).statusCode).toBe(409);

    // The seller's list of quotes shows the outcome.
    const myQuotes = await sellerBrowser.get(`/${province}/my/quotes`);
    expect(myQuotes.body).toContain("Được chấp nhận");
  });
});

describe("quotes refused", () => {
  it("after the expiry date, on a closed offer, on one's own offer", async () => {
    const db = test.database.db;
    const yesterday = addDays(todayInVietnam(), -1);
    const expired = await createOfferRow(db, {
      enterpriseId: buyer.enterpriseId,
      province,
      kind: "buy",
      category: "ho-tieu",
      title: "Cần mua hồ tiêu đen 500 g/l",
      expiresOn: yesterday,
    });
    const sellerBrowser = new Browser(test.app);
    await sellerBrowser.signIn(province, sellerEmail);
    const fields = { priceDong: "120.000", quantity: "5", unit: "tấn", validUntil: expiresIn30() };
    const url = `/${province}/offers/${expired.slug}`;
    const page = await sellerBrowser.get(url);
    expect(page.body).toContain("Chào mua đã hết hạn");
    const refused = await sellerBrowser.submit(url, `${url}/quotes`, fields);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("không nhận báo giá sau ngày hết hạn");

    const open = await createOfferRow(db, {
      enterpriseId: buyer.enterpriseId,
      province,
      kind: "buy",
      category: "ho-tieu",
      title: "Cần mua hồ tiêu trắng",
    });
    const buyerBrowser = new Browser(test.app);
    await buyerBrowser.signIn(province, buyerEmail);
    const own = await buyerBrowser.submit(
      `/${province}/offers/${open.slug}`,
      `/${province}/offers/${open.slug}/quotes`,
      fields,
    );
    expect(own.statusCode).toBe(422);
    expect(own.body).toContain("chào mua của chính doanh nghiệp mình");

    await db.update(offers).set({ status: "closed" }).where(eq(offers.id, open.id));
    const closed = await sellerBrowser.submit(
      `/${province}/offers/${open.slug}`,
      `/${province}/offers/${open.slug}/quotes`,
      fields,
    );
    expect(closed.statusCode).toBe(422);
    const stored = await db.select().from(quotes).where(eq(quotes.enterpriseId, seller.enterpriseId));
    expect(stored.filter((row) => row.offerId === expired.id || row.offerId === open.id)).toHaveLength(0);
  });

  it("a member of another province's enterprise cannot quote on this portal's offer", async () => {
    const db = test.database.db;
    const open = await createOfferRow(db, {
      enterpriseId: buyer.enterpriseId,
      province,
      kind: "buy",
      category: "hat-dieu",
      title: "Cần mua hạt điều W320",
    });
    await createAccount(db, { province: "dong-thap", email: "dieu.dt@example.vn" });
    await createEnterpriseFixture(db, { province: "dong-thap", memberEmail: "dieu.dt@example.vn" });
    const userId = await userIdOf(db, "dieu.dt@example.vn");
    const portal = test.app.hostedProvinces().find((hosted) => hosted.slug === province)!;
    const ctx: ServiceContext = {
      db,
      province: portal,
      actor: {
        userId,
        provinceId: await provinceIdOf(db, "dong-thap"),
        unitId: null,
        fullName: "Đồng Tháp",
        email: "dieu.dt@example.vn",
        roles: new Set(["enterprise"]),
      },
    };
    await expect(
      createQuote({
        ctx,
        offerId: open.id,
        form: { priceDong: "200.000", quantity: "1", unit: "tấn", validUntil: expiresIn30() },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.select().from(quotes).where(eq(quotes.offerId, open.id))).toHaveLength(0);
  });
});

describe("offer form validation", () => {
  it("refuses an expiry in the past, a quantity ≤ 0, and a date beyond 180 days, keeping the values", async () => {
    const db = test.database.db;
    const browser = new Browser(test.app);
    await browser.signIn(province, buyerEmail);
    const before = await db.select({ id: offers.id }).from(offers);
    const base = {
      kind: "sell",
      title: "Chào bán tiêu đen",
      categoryId: String(await categoryIdOf(db, "ho-tieu")),
      specification: "Tiêu đen 550 g/l",
      unit: "tấn",
      deliveryTerm: "FOB",
      priceDong: "",
    };
    const bad = await browser.submit(`/${province}/my/offers/new`, `/${province}/my/offers`, {
      ...base,
      quantity: "0",
      expiresOn: "01/01/2020",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("Số lượng phải lớn hơn 0.");
    expect(bad.body).toContain("Hạn chào hàng phải sau ngày hôm nay.");
    expect(bad.body).toContain('value="Chào bán tiêu đen"');
    const far = addDays(todayInVietnam(), 181).split("-");
    const tooFar = await browser.submit(`/${province}/my/offers/new`, `/${province}/my/offers`, {
      ...base,
      quantity: "-5",
      expiresOn: `${far[2]}/${far[1]}/${far[0]}`,
    });
    expect(tooFar.statusCode).toBe(422);
    expect(tooFar.body).toContain("không quá 180 ngày");
    expect(tooFar.body).toContain("Số lượng phải lớn hơn 0.");
    expect(await db.select({ id: offers.id }).from(offers)).toHaveLength(before.length);
  });

  it("an unverified enterprise can draft but not submit for review", async () => {
    const db = test.database.db;
    await createAccount(db, { province, email: "chua.xac.thuc@example.vn" });
    const pending = await createEnterpriseFixture(db, {
      province,
      memberEmail: "chua.xac.thuc@example.vn",
      status: "pending",
    });
    const draft = await createOfferRow(db, {
      enterpriseId: pending.enterpriseId,
      province,
      kind: "sell",
      category: "gao",
      title: "Chào bán gạo ST25",
      status: "draft",
    });
    const browser = new Browser(test.app);
    await browser.signIn(province, "chua.xac.thuc@example.vn");
    const page = `/${province}/my/offers/${draft.id}`;
    const refused = await browser.submit(page, `${page}/submit`, {});
    expect(refused.statusCode).toBe(403);
    const [row] = await db.select().from(offers).where(eq(offers.id, draft.id));
    expect(row!.status).toBe("draft");
  });

  it("editing a published offer sends it back to review and out of search", async () => {
    const db = test.database.db;
    const offer = await createOfferRow(db, {
      enterpriseId: buyer.enterpriseId,
      province,
      kind: "sell",
      category: "gao",
      title: "Chào bán gạo thơm",
      specification: "Gạo thơm 5% tấm",
    });
    const browser = new Browser(test.app);
    await browser.signIn(province, buyerEmail);
    const edit = `/${province}/my/offers/${offer.id}/edit`;
    const form = await browser.get(edit);
    expect(form.statusCode).toBe(200);
    const saved = await browser.submit(edit, edit, {
      kind: "sell",
      title: "Chào bán gạo thơm ST25",
      categoryId: String(await categoryIdOf(db, "gao")),
      specification: "Gạo thơm ST25, 5% tấm",
      quantity: "100",
      unit: "tấn",
      priceDong: "18.500",
      deliveryTerm: "other",
      deliveryTermOther: "Giao tại cảng Cái Mép",
      expiresOn: expiresIn30(),
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await db.select().from(offers).where(eq(offers.id, offer.id));
    expect(row).toMatchObject({ status: "pending", title: "Chào bán gạo thơm ST25", priceDong: 18_500n });
    expect(row!.deliveryTerms).toBe("Giao tại cảng Cái Mép");
    const docs = await db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.docType, "offer"), eq(searchDocuments.docId, offer.id)));
    expect(docs).toHaveLength(0);
  });
});

describe("offers API", () => {
  it("lists open offers of a province by kind and category, with the total", async () => {
    const db = test.database.db;
    await createOfferRow(db, {
      enterpriseId: seller.enterpriseId,
      province,
      kind: "sell",
      category: "ca-phe",
      title: "Chào bán cà phê Robusta Xuyên Mộc",
    });
    await createOfferRow(db, {
      enterpriseId: seller.enterpriseId,
      province,
      kind: "sell",
      category: "ca-phe",
      title: "Chào bán cà phê đã hết hạn",
      expiresOn: addDays(todayInVietnam(), -2),
    });
    const response = await test.app.inject(
      `/api/v1/provinces/${province}/offers?kind=sell&category=nong-san`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json() as { total: number; items: { title: string; kind: string }[] };
    const titles = body.items.map((item) => item.title);
    expect(titles).toContain("Chào bán cà phê Robusta Xuyên Mộc");
    expect(titles).not.toContain("Chào bán cà phê đã hết hạn");
    expect(body.items.every((item) => item.kind === "sell")).toBe(true);
    expect(body.total).toBe(body.items.length);
    const seafood = await test.app.inject(`/api/v1/provinces/${province}/offers?category=thuy-san-xuat-khau`);
    expect((seafood.json() as { items: { title: string }[] }).items.map((item) => item.title)).not.toContain(
      "Chào bán cà phê Robusta Xuyên Mộc",
    );
    expect((await test.app.inject("/api/v1/provinces/khong-co/offers")).statusCode).toBe(404);
    void outsider;
  });
});

function multipartBody(
  fields: Record<string, string>,
  files: { name: string; filename: string; contentType: string; bytes: Buffer }[],
): { payload: Buffer; contentType: string } {
  const boundary = "----offer-test-boundary-41c2";
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("offer attachments", () => {
  it("stores PDF attachments with the offer, refuses a file that is not a document, and lists them publicly", async () => {
    const db = test.database.db;
    const browser = new Browser(test.app);
    await browser.signIn(province, sellerEmail);
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    const fields = {
      kind: "sell",
      title: "Chào bán cà phê Robusta có chứng nhận",
      categoryId: String(await categoryIdOf(db, "ca-phe")),
      specification: "Cà phê Robusta, chứng nhận 4C, phiếu kiểm nghiệm kèm theo",
      quantity: "20",
      unit: "tấn",
      priceDong: "98.000.000",
      deliveryTerm: "FOB",
      deliveryPlace: "Cảng Cái Mép",
      expiresOn: expiresIn30(),
    };
    const post = async (files: Parameters<typeof multipartBody>[1]) => {
      const token = await browser.csrfToken(`/${province}/my/offers/new`);
      const { payload, contentType } = multipartBody({ _csrf: token, ...fields }, files);
      return test.app.inject({
        method: "POST",
        url: `/${province}/my/offers`,
        headers: { cookie: browser.jar.header(), "content-type": contentType },
        payload,
        remoteAddress: browser.remoteAddress,
      });
    };
    const refused = await post([
      {
        name: "attachments",
        filename: "virus.exe",
        contentType: "application/pdf",
        bytes: Buffer.from("MZ\x90\x00 not a pdf"),
      },
    ]);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('value="Chào bán cà phê Robusta có chứng nhận"');
    expect(await db.select().from(offers).where(eq(offers.title, fields.title))).toHaveLength(0);

    const created = await post([
      { name: "attachments", filename: "phieu-kiem-nghiem.pdf", contentType: "application/pdf", bytes: pdf },
      { name: "attachments", filename: "chung-nhan-4c.pdf", contentType: "application/pdf", bytes: pdf },
    ]);
    expect(created.statusCode).toBe(303);
    const [offer] = await db.select().from(offers).where(eq(offers.title, fields.title));
    expect(offer).toMatchObject({ deliveryTerms: "FOB", priceDong: 98_000_000n, status: "draft" });
    const attached = await db.select().from(offerAttachments).where(eq(offerAttachments.offerId, offer!.id));
    expect(attached).toHaveLength(2);

    await publishAsOfficer(offer!.id);
    const page = await new Browser(test.app).get(`/${province}/offers/${offer!.slug}`);
    expect(page.body).toContain("phieu-kiem-nghiem.pdf");
    expect(page.body).toContain('"@type":"Offer"');
    expect(page.body).toContain("FOB (Incoterms® 2020)");
  });
});
