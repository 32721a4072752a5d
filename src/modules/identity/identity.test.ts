import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { mailOutbox } from "../../platform/schema.ts";
import { deleteExpiredCredentials, getOutboxPage } from "./index.ts";
import { auditLog, sessions, users } from "./schema.ts";

const p = "ba-ria-vung-tau";
let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

const db = () => testApp.database.db;

async function auditCount(action: string, entityId?: number): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        entityId === undefined ? undefined : eq(auditLog.entityId, String(entityId)),
      ),
    );
  return row!.n;
}
async function sessionCount(userId: number): Promise<number> {
  const [row] = await db().select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  return row!.n;
}
async function userIdOf(email: string): Promise<number> {
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

describe("sign-up and sign-in", () => {
  test("an enterprise signs up, then signs in and gets an httpOnly SameSite=Lax sid cookie; both are audited", async () => {
    const browser = new Browser(testApp.app);
    const signUp = await browser.submit(`/${p}/sign-up`, `/${p}/sign-up`, {
      accountType: "enterprise",
      fullName: "Công ty TNHH Thử Nghiệm",
      email: "dn.moi@example.vn",
      phone: "0912345678",
      password: "mat-khau-rat-dai-1",
      passwordConfirmation: "mat-khau-rat-dai-1",
    });
    expect(signUp.statusCode).toBe(303);
    expect(signUp.headers.location).toBe(`/${p}/sign-in`);
    const userId = await userIdOf("dn.moi@example.vn");
    expect(await auditCount("user.signUp", userId)).toBe(1);

    const signIn = await browser.signIn(p, "dn.moi@example.vn", "mat-khau-rat-dai-1");
    expect(signIn.statusCode).toBe(303);
    const sid = signIn.cookies.find((cookie) => cookie.name === "sid");
    expect(sid?.value).toBeTruthy();
    expect(sid?.httpOnly).toBe(true);
    expect(String(sid?.sameSite).toLowerCase()).toBe("lax");
    expect(await sessionCount(userId)).toBe(1);
    expect(await auditCount("session.signIn", userId)).toBe(1);
    const account = await browser.get(`/${p}/account`);
    expect(account.statusCode).toBe(200);
  });

  test("a wrong password answers 422 with the Vietnamese message, opens no session and is audited", async () => {
    const browser = new Browser(testApp.app);
    const userId = await userIdOf(`canbo@${p}.demo`);
    const failedBefore = await auditCount("session.signInFailed", userId);
    const response = await browser.signIn(p, `canbo@${p}.demo`, "sai-mat-khau-123");
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain("Thư điện tử hoặc mật khẩu không đúng.");
    expect(response.cookies.find((cookie) => cookie.name === "sid" && cookie.value)).toBeUndefined();
    expect(await sessionCount(userId)).toBe(0);
    expect(await auditCount("session.signInFailed", userId)).toBe(failedBefore + 1);
    expect((await browser.get(`/${p}/account`)).statusCode).not.toBe(200);
  });

  test("sign-out deletes the session, the old cookie no longer works, and it is audited", async () => {
    const browser = new Browser(testApp.app);
    const userId = await userIdOf(`lanhdao@${p}.demo`);
    expect((await browser.signIn(p, `lanhdao@${p}.demo`)).statusCode).toBe(303);
    const oldCookie = browser.jar.header();
    expect(await sessionCount(userId)).toBe(1);
    const out = await browser.submit(`/${p}/account`, `/${p}/sign-out`, {});
    expect(out.statusCode).toBe(303);
    expect(await sessionCount(userId)).toBe(0);
    expect(await auditCount("session.signOut", userId)).toBe(1);
    const replay = await testApp.app.inject({
      method: "GET",
      url: `/${p}/account`,
      headers: { cookie: oldCookie },
    });
    expect(replay.statusCode).not.toBe(200);
  });
});

describe("passwords", () => {
  test("changing the password: the new one signs in, the old one does not, and it is audited", async () => {
    const browser = new Browser(testApp.app);
    const email = `congdan@${p}.demo`;
    const userId = await userIdOf(email);
    await browser.signIn(p, email);
    const changed = await browser.submit(`/${p}/account`, `/${p}/account/password`, {
      currentPassword: "demo-tmdt-2025",
      newPassword: "mat-khau-moi-2026",
      passwordConfirmation: "mat-khau-moi-2026",
    });
    expect(changed.statusCode).toBe(303);
    expect(await auditCount("user.changePassword", userId)).toBe(1);
    expect((await browser.get(`/${p}/account`)).statusCode).toBe(200);
    expect((await new Browser(testApp.app).signIn(p, email)).statusCode).toBe(422);
    expect((await new Browser(testApp.app).signIn(p, email, "mat-khau-moi-2026")).statusCode).toBe(303);
  });

  test("changing the password ends the account's other sessions but keeps the current one", async () => {
    const email = `lanhdao@${p}.demo`;
    const onPhone = new Browser(testApp.app);
    const onLaptop = new Browser(testApp.app);
    await onPhone.signIn(p, email);
    await onLaptop.signIn(p, email);
    expect((await onPhone.get(`/${p}/account`)).statusCode).toBe(200);
    const changed = await onLaptop.submit(`/${p}/account`, `/${p}/account/password`, {
      currentPassword: "demo-tmdt-2025",
      newPassword: "mat-khau-lanh-dao-2026",
      passwordConfirmation: "mat-khau-lanh-dao-2026",
    });
    expect(changed.statusCode).toBe(303);
    expect((await onLaptop.get(`/${p}/account`)).statusCode).toBe(200);
    expect((await onPhone.get(`/${p}/account`)).statusCode).toBe(303);
  });

  test("housekeeping deletes expired sessions and spent reset links, and nothing live", async () => {
    const email = `canbo@${p}.demo`;
    const userId = await userIdOf(email);
    const browser = new Browser(testApp.app);
    await browser.signIn(p, email);
    await db()
      .insert(sessions)
      .values({ tokenHash: "expired-session-hash", userId, expiresAt: new Date(Date.now() - 1000) });
    const removed = await deleteExpiredCredentials(db());
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    expect(
      await db().select().from(sessions).where(eq(sessions.tokenHash, "expired-session-hash")),
    ).toHaveLength(0);
    expect((await browser.get(`/${p}/account`)).statusCode).toBe(200);
  });

  test("password reset: the link lands in the outbox, sets a new password, the old one stops working", async () => {
    const email = `doanhnghiep@${p}.demo`;
    const userId = await userIdOf(email);
    const visitor = new Browser(testApp.app);
    const requested = await visitor.submit(`/${p}/password-reset`, `/${p}/password-reset`, { email });
    expect(requested.statusCode).toBe(303);
    expect(requested.headers.location).toBe(`/${p}/password-reset?sent=1`);
    expect(await auditCount("user.requestPasswordReset", userId)).toBe(1);

    const admin = new Browser(testApp.app);
    await admin.signIn(p, `quantri@${p}.demo`);
    const outbox = await admin.get(`/${p}/admin/outbox`);
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).toContain(email);
    const [message] = await db()
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, email))
      .orderBy(desc(mailOutbox.id));
    const link = /https?:\/\/[^\s]+\/password-reset\/([A-Za-z0-9_-]+)/.exec(message!.bodyText);
    expect(link).not.toBeNull();
    const resetPath = `/${p}/password-reset/${link![1]}`;

    const reset = await visitor.submit(resetPath, resetPath, {
      newPassword: "mat-khau-dat-lai-9",
      passwordConfirmation: "mat-khau-dat-lai-9",
    });
    expect(reset.statusCode).toBe(303);
    expect(await auditCount("user.resetPassword", userId)).toBe(1);
    expect((await new Browser(testApp.app).signIn(p, email, "mat-khau-dat-lai-9")).statusCode).toBe(303);
    expect((await new Browser(testApp.app).signIn(p, email)).statusCode).toBe(422);

    const reused = await visitor.submit(resetPath, resetPath, {
      newPassword: "lan-thu-hai-12345",
      passwordConfirmation: "lan-thu-hai-12345",
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.body).toContain("Đường dẫn đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.");
  });

  test("a reset request for an unknown e-mail answers the same and sends nothing", async () => {
    const [before] = await db().select({ n: count() }).from(mailOutbox);
    const response = await new Browser(testApp.app).submit(`/${p}/password-reset`, `/${p}/password-reset`, {
      email: "khong-ton-tai@example.vn",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/${p}/password-reset?sent=1`);
    const [after] = await db().select({ n: count() }).from(mailOutbox);
    expect(after!.n).toBe(before!.n);
  });
});

test("a POST without the CSRF token is refused with 403 and changes nothing", async () => {
  const browser = new Browser(testApp.app);
  const email = `quantri@${p}.demo`;
  const userId = await userIdOf(email);
  await browser.signIn(p, email);
  const [hashBefore] = await db()
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  const [auditBefore] = await db().select({ n: count() }).from(auditLog);
  const response = await testApp.app.inject({
    method: "POST",
    url: `/${p}/account/password`,
    headers: { cookie: browser.jar.header(), "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({
      currentPassword: "demo-tmdt-2025",
      newPassword: "khong-duoc-doi-1",
      passwordConfirmation: "khong-duoc-doi-1",
    }).toString(),
  });
  expect(response.statusCode).toBe(403);
  const [hashAfter] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  expect(hashAfter!.hash).toBe(hashBefore!.hash);
  const [auditAfter] = await db().select({ n: count() }).from(auditLog);
  expect(auditAfter!.n).toBe(auditBefore!.n);
});

test("sign-in is rate-limited: more than 10 posts a minute from one address → 429", async () => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const response = await testApp.app.inject({
      method: "POST",
      url: `/${p}/sign-in`,
      remoteAddress: "203.0.113.7",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "email=a%40b.vn&password=x",
    });
    statuses.push(response.statusCode);
  }
  expect(statuses.slice(0, 10)).not.toContain(429);
  expect(statuses.slice(10)).toEqual([429, 429]);
});

test("in production an administrator cannot read a reset link in the outbox (no account takeover)", async () => {
  const email = `canbo@${p}.demo`;
  const visitor = new Browser(testApp.app);
  await visitor.submit(`/${p}/password-reset`, `/${p}/password-reset`, { email });
  const province = testApp.app.hostedProvinces().find((hosted) => hosted.slug === p)!;
  const adminId = await userIdOf(`quantri@${p}.demo`);
  const ctx = {
    db: db(),
    province,
    actor: {
      userId: adminId,
      provinceId: province.id,
      unitId: null,
      fullName: "Admin",
      email: "",
      roles: new Set(["admin"] as const),
    },
  };
  const page = { limit: 50, offset: 0 };
  const production = await getOutboxPage({ ctx, page, revealSecrets: false });
  const hidden = production.items.find((message) => message.recipient === email)!;
  expect(hidden.isSensitive).toBe(true);
  expect(hidden.bodyText).toBeNull();
  const demo = await getOutboxPage({ ctx, page, revealSecrets: true });
  expect(demo.items.find((message) => message.recipient === email)!.bodyText).toContain("/password-reset/");
});
