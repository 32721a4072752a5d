import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../../test/helpers/app.ts";
import {
  contextAs,
  type ServiceFixture,
  seedServiceFixture,
  submitDossierFixture,
} from "../../../../../test/helpers/services.ts";
import type { Executor } from "../../../../db/client.ts";
import { auditLog } from "../../../identity/schema.ts";
import { performDossierAction } from "../../dossiers/index.ts";
import { dossierRatings, dossiers } from "../../schema.ts";

let testApp: TestApp;
const province = "ba-ria-vung-tau";
let fixture: ServiceFixture;

/** Drives a dossier through the one-stop shop to "completed", as the officers' pages do. */
async function completedDossier(db: Executor): Promise<{ id: number; code: string }> {
  const id = await submitDossierFixture(db, fixture, { receive: true });
  const as = (account: string) => contextAs(db, province, `${account}@${province}.demo`);
  await performDossierAction(await as("motcua"), id, { action: "forward" });
  await performDossierAction(await as("thuongmai"), id, { action: "propose" });
  await performDossierAction(await as("lanhdao"), id, { action: "approve" });
  await performDossierAction(await as("motcua"), id, { action: "return-result", deliveryMethod: "online" });
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
  expect(row!.state).toBe("completed");
  return { id, code: row!.code! };
}

async function ratingsOf(dossierId: number) {
  return testApp.database.db.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId));
}

beforeAll(async () => {
  testApp = await buildTestApp();
  fixture = await seedServiceFixture(testApp.database.db, province, { code: "RATING.1" });
}, 120_000);
afterAll(() => testApp.close());

describe("rating from the applicant's account", () => {
  test("once per completed dossier, audited; a second try changes nothing", async () => {
    const { id } = await completedDossier(testApp.database.db);
    const owner = new Browser(testApp.app);
    await owner.signIn(province, `doanhnghiep@${province}.demo`);
    const page = `/${province}/my/dossiers/${id}/rating`;
    const form = await owner.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="score"');

    const missing = await owner.submit(page, page, { comment: "Không chọn điểm" });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain("Chọn một mức đánh giá từ 1 đến 5.");
    expect(await ratingsOf(id)).toHaveLength(0);

    const sent = await owner.submit(page, page, { score: "4", comment: "Cán bộ hướng dẫn tận tình" });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/${province}/my/dossiers/${id}`);
    expect(await ratingsOf(id)).toMatchObject([{ score: 4, comment: "Cán bộ hướng dẫn tận tình" }]);
    const audit = await testApp.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "dossier.rated"), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ score: 4, via: "account" });

    const again = await owner.get(page);
    expect(again.body).toContain("Hồ sơ đã được đánh giá: 4/5");
    expect(again.body).not.toContain('name="score"');
    // A form kept open in another tab is refused.
    const token = await owner.csrfToken(`/${province}/services/lookup`);
    const second = await testApp.app.inject({
      method: "POST",
      url: page,
      headers: { cookie: owner.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: token, score: "1" }).toString(),
      remoteAddress: owner.remoteAddress,
    });
    expect(second.statusCode).toBe(422);
    expect(await ratingsOf(id)).toMatchObject([{ score: 4 }]);
  });

  test("a dossier not yet completed cannot be rated", async () => {
    const id = await submitDossierFixture(testApp.database.db, fixture);
    const owner = new Browser(testApp.app);
    await owner.signIn(province, `doanhnghiep@${province}.demo`);
    const page = `/${province}/my/dossiers/${id}/rating`;
    expect((await owner.get(page)).body).toContain("Chỉ đánh giá được khi hồ sơ đã trả kết quả.");
    const token = await owner.csrfToken(`/${province}/services/lookup`);
    const response = await testApp.app.inject({
      method: "POST",
      url: page,
      headers: { cookie: owner.jar.header(), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: token, score: "5" }).toString(),
      remoteAddress: owner.remoteAddress,
    });
    expect(response.statusCode).toBe(422);
    expect(await ratingsOf(id)).toHaveLength(0);
  });

  test("someone else's dossier is not found; a visitor is sent to sign in", async () => {
    const id = await submitDossierFixture(testApp.database.db, fixture);
    const citizen = new Browser(testApp.app);
    await citizen.signIn(province, `congdan@${province}.demo`);
    expect((await citizen.get(`/${province}/my/dossiers/${id}/rating`)).statusCode).toBe(404);
    const visitor = await new Browser(testApp.app).get(`/${province}/my/dossiers/${id}/rating`);
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toContain("/sign-in");
  });
});

describe("rating from the public lookup", () => {
  test("the code and phone number prove it; once only; a wrong phone rates nothing", async () => {
    const { id, code } = await completedDossier(testApp.database.db);
    const lookup = `/${province}/services/lookup`;
    const visitor = new Browser(testApp.app);
    const status = await visitor.submit(lookup, lookup, { code, contact: "0901234567" });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain(`action="${lookup}/rating"`);

    const wrong = await visitor.submit(lookup, `${lookup}/rating`, {
      code,
      contact: "0909999999",
      score: "1",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain("Không tìm thấy hồ sơ");
    expect(await ratingsOf(id)).toHaveLength(0);

    const sent = await visitor.submit(lookup, `${lookup}/rating`, {
      code,
      contact: "0901234567",
      score: "5",
    });
    expect(sent.statusCode).toBe(303);
    expect(await ratingsOf(id)).toMatchObject([{ score: 5, comment: null }]);

    const again = await visitor.submit(lookup, `${lookup}/rating`, {
      code,
      contact: "0312345675",
      score: "2",
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("Hồ sơ này đã được đánh giá");
    expect(await ratingsOf(id)).toMatchObject([{ score: 5 }]);
    const shown = await visitor.submit(lookup, lookup, { code, contact: "0901234567" });
    expect(shown.body).toContain("Hồ sơ đã được đánh giá: 5/5");
    expect(shown.body).not.toContain(`action="${lookup}/rating"`);
  });
});
