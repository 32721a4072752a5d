import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Browser, buildTestApp, type TestApp } from "../../../../../test/helpers/app.ts";
import { contextAs, seedServiceFixture, submitDossierFixture } from "../../../../../test/helpers/services.ts";
import { auditLog } from "../../../identity/schema.ts";
import { getServiceSettings } from "../../dossiers/index.ts";
import { dossiers } from "../../schema.ts";

const slug = "dong-thap";
const page = `/${slug}/admin/services/settings`;
let testApp: TestApp;
let admin: Browser;
beforeAll(async () => {
  testApp = await buildTestApp();
  admin = new Browser(testApp.app);
  await admin.signIn(slug, `quantri@${slug}.demo`);
});
afterAll(() => testApp.close());
const db = () => testApp.database.db;
const provinceId = async () => (await contextAs(db(), slug, null)).province.id;

test("the settings page shows the placeholder and a preview of the next code", async () => {
  const response = await admin.get(page);
  expect(response.statusCode).toBe(200);
  expect(response.body).toMatch(/000\.00\.00\.H\d{2}-\d{6}-0001/);
});

test("bad agency codes, patterns and cut-off hours are refused with a message each, and nothing is saved", async () => {
  const response = await admin.submit(page, page, {
    agencyCode: "SCT-DT",
    codePattern: "{agency}-{yy}{MM}{dd}",
    cutOffTime: "25:00",
    intent: "save",
  });
  expect(response.statusCode).toBe(422);
  expect(response.body).toContain("000.00.21.H57");
  expect(response.body).toContain("HH:MM");
  const pattern = await admin.submit(page, page, {
    agencyCode: "000.00.21.H45",
    codePattern: "{agency}-{yy}{MM}{dd}",
    cutOffTime: "16:30",
    intent: "save",
  });
  expect(pattern.statusCode).toBe(422);
  expect(pattern.body).toContain("{seq}");
  expect((await getServiceSettings(db(), await provinceId())).isDefault).toBe(true);
});

test("preview shows the typed pattern's next code without saving; saving is audited and new codes follow it", async () => {
  const preview = await admin.submit(page, page, {
    agencyCode: "000.00.21.H45",
    codePattern: "SCT-{agency}/{yyyy}{MM}{dd}/{seq:5}",
    cutOffTime: "16:30",
    intent: "preview",
  });
  expect(preview.statusCode).toBe(200);
  expect(preview.body).toMatch(/SCT-000\.00\.21\.H45\/\d{8}\/\d{5}/);
  expect((await getServiceSettings(db(), await provinceId())).isDefault).toBe(true);

  const saved = await admin.submit(page, page, {
    agencyCode: "000.00.21.H45",
    codePattern: "SCT-{agency}/{yyyy}{MM}{dd}/{seq:5}",
    cutOffTime: "16:30",
    intent: "save",
  });
  expect(saved.statusCode).toBe(303);
  const settings = await getServiceSettings(db(), await provinceId());
  expect(settings).toMatchObject({ agencyCode: "000.00.21.H45", cutOffTime: "16:30", isDefault: false });
  const audits = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "services.settings.update"), eq(auditLog.provinceId, await provinceId())));
  expect(audits).toHaveLength(1);

  const fixture = await seedServiceFixture(db(), slug);
  const dossierId = await submitDossierFixture(db(), fixture, { slug });
  const [dossier] = await db().select().from(dossiers).where(eq(dossiers.id, dossierId));
  expect(dossier!.code).toMatch(/^SCT-000\.00\.21\.H45\/\d{8}\/\d{5}$/);
});

test("only administrators see the settings", async () => {
  const officer = new Browser(testApp.app);
  await officer.signIn(slug, `motcua@${slug}.demo`);
  expect((await officer.get(page)).statusCode).toBe(403);
  const leader = new Browser(testApp.app);
  await leader.signIn(slug, `lanhdao@${slug}.demo`);
  expect((await leader.get(page)).statusCode).toBe(403);
});
