import { createHash } from "node:crypto";
import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { createEnterpriseFixture } from "../../../../test/helpers/floor.ts";
import { mailOutbox } from "../../../platform/schema.ts";
import { createAccount, createPublishedProduct, setStorefrontContact } from "../offers/test-fixtures.ts";
import { inquiries, inquiryMessages, storefronts } from "../schema.ts";

const province = "ba-ria-vung-tau";
const sellerEmail = "ban.hang@example.vn";
const strangerEmail = "nguoi.la@example.vn";
let test: TestApp;
let productId: number;
let storefrontSlug: string;

beforeAll(async () => {
  test = await buildTestApp();
  const db = test.database.db;
  await createAccount(db, { province, email: sellerEmail, fullName: "Phạm Thị Bán" });
  await createAccount(db, { province, email: strangerEmail });
  const seller = await createEnterpriseFixture(db, {
    province,
    memberEmail: sellerEmail,
    name: "Công ty TNHH Hải sản Long Hải",
    storefront: "published",
  });
  await setStorefrontContact(db, seller.storefrontId!, "lienhe@haisanlonghai.vn");
  const [storefront] = await db.select().from(storefronts).where(eq(storefronts.id, seller.storefrontId!));
  storefrontSlug = storefront!.slug;
  await createEnterpriseFixture(db, { province, memberEmail: strangerEmail, name: "Công ty Người Lạ" });
  productId = await createPublishedProduct(db, {
    enterpriseId: seller.enterpriseId,
    province,
    category: "muc-bach-tuoc",
    name: "Mực ống khô Long Hải",
  });
});
afterAll(async () => test.close());

async function latestMail(recipientLike: string, subjectLike = "%") {
  const [mail] = await test.database.db
    .select()
    .from(mailOutbox)
    .where(and(like(mailOutbox.recipient, `%${recipientLike}%`), like(mailOutbox.subject, subjectLike)))
    .orderBy(desc(mailOutbox.id))
    .limit(1);
  return mail;
}

describe("inquiries", () => {
  it("a visitor writes, both sides are mailed, the seller replies, the visitor answers through its link", async () => {
    const db = test.database.db;
    const visitor = new Browser(test.app);
    const formUrl = `/${province}/inquiries/new?product=${productId}`;
    const form = await visitor.get(formUrl);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Hỏi về: Mực ống khô Long Hải");
    const sent = await visitor.submit(formUrl, formUrl, {
      name: "John Smith",
      email: "john.smith@importer.example",
      phone: "+44 20 7946 0958",
      company: "Smith Seafood Imports Ltd",
      subject: "Hỏi về: Mực ống khô Long Hải",
      message: "Please quote 2 tonnes CIF Felixstowe.",
    });
    expect(sent.statusCode).toBe(303);
    const token = /\/inquiries\/t\/([A-Za-z0-9_-]+)$/.exec(sent.headers.location as string)?.[1];
    expect(token).toBeDefined();

    // Only the token's SHA-256 is stored.
    const [inquiry] = await db
      .select()
      .from(inquiries)
      .where(eq(inquiries.senderEmail, "john.smith@importer.example"));
    expect(inquiry!.accessTokenHash).toBe(createHash("sha256").update(token!).digest("hex"));
    expect(Buffer.from(token!, "base64url")).toHaveLength(32);
    expect(inquiry!.productId).toBe(productId);

    // The enterprise (member + storefront contact, in one message) and the sender are mailed.
    const toSeller = await latestMail(sellerEmail, "Yêu cầu liên hệ mới%");
    expect(toSeller!.recipient).toContain("lienhe@haisanlonghai.vn");
    expect(toSeller!.bodyText).toContain("Please quote 2 tonnes CIF Felixstowe.");
    expect(toSeller!.bodyText).toContain(`/${province}/my/inquiries/${inquiry!.id}`);
    const confirmation = await latestMail("john.smith@importer.example");
    expect(confirmation!.bodyText).toContain(`/${province}/inquiries/t/${token}`);
    expect(confirmation!.isSensitive).toBe(true);

    // The seller reads and replies; the visitor is mailed with the same private link.
    const seller = new Browser(test.app);
    await seller.signIn(province, sellerEmail);
    const list = await seller.get(`/${province}/my/inquiries`);
    expect(list.body).toContain("Hỏi về: Mực ống khô Long Hải");
    const threadUrl = `/${province}/my/inquiries/${inquiry!.id}`;
    const thread = await seller.get(threadUrl);
    expect(thread.body).toContain("john.smith@importer.example");
    const replied = await seller.submit(threadUrl, threadUrl, { message: "Giá CIF Felixstowe: 14 USD/kg." });
    expect(replied.statusCode).toBe(303);
    const toVisitor = await latestMail("john.smith@importer.example", "%đã trả lời%");
    expect(toVisitor!.bodyText).toContain("Giá CIF Felixstowe: 14 USD/kg.");
    expect(toVisitor!.bodyText).toContain(`/${province}/inquiries/t/${token}`);

    // The visitor reads the reply on its private page and answers; the enterprise is mailed.
    const privateUrl = `/${province}/inquiries/t/${token}`;
    const page = await visitor.get(privateUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Giá CIF Felixstowe: 14 USD/kg.");
    const followUp = await visitor.submit(privateUrl, privateUrl, {
      message: "OK, please send the proforma.",
    });
    expect(followUp.statusCode).toBe(303);
    const toSellerAgain = await latestMail(sellerEmail, "John Smith đã trả lời%");
    expect(toSellerAgain!.bodyText).toContain("OK, please send the proforma.");
    const messages = await db
      .select()
      .from(inquiryMessages)
      .where(eq(inquiryMessages.inquiryId, inquiry!.id))
      .orderBy(inquiryMessages.id);
    expect(messages.map((message) => message.side)).toEqual(["buyer", "seller", "buyer"]);

    // Nobody else reads the thread: a wrong token, another enterprise's member, another portal.
    expect((await new Browser(test.app).get(`/${province}/inquiries/t/${"A".repeat(43)}`)).statusCode).toBe(
      404,
    );
    expect(
      (await new Browser(test.app).get(`/${province}/inquiries/t/${token!.slice(0, -1)}x`)).statusCode,
    ).toBe(404);
    expect((await new Browser(test.app).get(`/dong-thap/inquiries/t/${token}`)).statusCode).toBe(404);
    const stranger = new Browser(test.app);
    await stranger.signIn(province, strangerEmail);
    expect((await stranger.get(threadUrl)).statusCode).toBe(404);
    const intrusion = await stranger.submit(`/${province}/my/inquiries`, threadUrl, { message: "xin chào" });
    expect(intrusion.statusCode).toBe(404);
    expect(
      await db.select().from(inquiryMessages).where(eq(inquiryMessages.inquiryId, inquiry!.id)),
    ).toHaveLength(3);
  });

  it("a signed-in buyer gets its name prefilled and finds the thread in its account", async () => {
    const buyer = new Browser(test.app);
    await buyer.signIn(province, "congdan@ba-ria-vung-tau.demo");
    const formUrl = `/${province}/inquiries/new?storefront=${storefrontSlug}`;
    const form = await buyer.get(formUrl);
    expect(form.body).toContain('value="congdan@ba-ria-vung-tau.demo"');
    const sent = await buyer.submit(formUrl, formUrl, {
      name: "Công dân",
      email: "congdan@ba-ria-vung-tau.demo",
      subject: "Hỏi về gian hàng",
      message: "Cho tôi xin bảng giá sỉ.",
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toMatch(new RegExp(`^/${province}/my/inquiries/\\d+$`));
    const mine = await buyer.get(`/${province}/my/inquiries`);
    expect(mine.body).toContain("Hỏi về gian hàng");
  });

  it("validates the form, refuses unknown targets and limits how often one address may write", async () => {
    const visitor = new Browser(test.app);
    expect((await visitor.get(`/${province}/inquiries/new?product=999999`)).statusCode).toBe(404);
    expect((await visitor.get(`/${province}/inquiries/new`)).statusCode).toBe(404);
    const formUrl = `/${province}/inquiries/new?product=${productId}`;
    const invalid = await visitor.submit(formUrl, formUrl, {
      name: "",
      email: "khong-phai-email",
      subject: "x",
      message: "",
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain("Thư điện tử không đúng định dạng");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await visitor.submit(formUrl, formUrl, {
        name: "Khách",
        email: "khach@example.vn",
        subject: "Hỏi giá",
        message: `Lần ${attempt}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toContain(429);
  });
});
