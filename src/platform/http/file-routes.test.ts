import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { readStoredObject, storeUpload } from "../files.ts";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp({ withDemoData: false });
});
afterAll(() => test.close());

describe("/files/*", () => {
  it("serves a public upload by its key", async () => {
    const file = await storeUpload(test.database.db, {
      file: { filename: "offer.pdf", bytes: pdf },
      kind: "document",
      field: "file",
      provinceId: null,
      ownerUserId: null,
    });
    const response = await test.app.inject({ method: "GET", url: `/files/${file.storageKey}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
  });

  it("never serves a private upload, which its module can still read", async () => {
    const file = await storeUpload(test.database.db, {
      file: { filename: "cccd.pdf", bytes: pdf },
      kind: "document",
      field: "file",
      provinceId: null,
      ownerUserId: null,
      visibility: "private",
    });
    expect(file.storageKey.startsWith("private/")).toBe(true);
    const response = await test.app.inject({ method: "GET", url: `/files/${file.storageKey}` });
    expect(response.statusCode).toBe(404);
    expect(await readStoredObject(file.storageKey)).toEqual(pdf);
  });
});
