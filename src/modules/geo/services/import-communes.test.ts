import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase } from "../../../../test/helpers/database.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { hasMessage } from "../../../platform/i18n.ts";
import { auditLog } from "../../identity/schema.ts";
import { communes, provinces } from "../schema.ts";
import { importCommunes, importDemoCommunes } from "./import-communes.ts";
import { loadReferenceProvinces } from "./load-reference-provinces.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadReferenceProvinces(database.db);
});
afterAll(() => database.close());

// Each test works on its own current province, so no test sees another's rows.
async function provinceId(slug: string): Promise<number> {
  const [province] = await database.db
    .select({ id: provinces.id })
    .from(provinces)
    .where(eq(provinces.slug, slug));
  return province!.id;
}

async function communesOf(slug: string) {
  return database.db
    .select({
      code: communes.code,
      name: communes.name,
      kind: communes.kind,
      formerDistrict: communes.formerDistrict,
    })
    .from(communes)
    .where(eq(communes.provinceId, await provinceId(slug)))
    .orderBy(asc(communes.code));
}

async function importAuditsOf(slug: string) {
  return database.db
    .select({ after: auditLog.after, actorUserId: auditLog.actorUserId })
    .from(auditLog)
    .where(and(eq(auditLog.provinceId, await provinceId(slug)), eq(auditLog.action, "communes.import")))
    .orderBy(asc(auditLog.id));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the import should have been refused"),
    (error: unknown) => error,
  );
}

async function validationIssues(promise: Promise<unknown>) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

const goodFile = [
  "ma,ten,loai,huyen_cu",
  "10001,Bến Nghé,phường,Quận 1",
  "10002,Tân Định,phường,",
  "10003,An Phú,xã,Huyện X",
].join("\n");

test("a good file inserts every commune and writes one audit row with the counts", async () => {
  const result = await importCommunes(database.db, { provinceSlug: "hue", csv: goodFile, actorUserId: null });

  expect(result).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
  expect(await communesOf("hue")).toEqual([
    { code: "10001", name: "Bến Nghé", kind: "phường", formerDistrict: "Quận 1" },
    { code: "10002", name: "Tân Định", kind: "phường", formerDistrict: null },
    { code: "10003", name: "An Phú", kind: "xã", formerDistrict: "Huyện X" },
  ]);
  expect(await importAuditsOf("hue")).toEqual([
    { actorUserId: null, after: { provinceSlug: "hue", inserted: 3, updated: 0, unchanged: 0 } },
  ]);
});

test("importing the same file again changes nothing and reports every row unchanged", async () => {
  await importCommunes(database.db, { provinceSlug: "lai-chau", csv: goodFile, actorUserId: null });
  const before = await communesOf("lai-chau");

  const again = await importCommunes(database.db, {
    provinceSlug: "lai-chau",
    csv: goodFile,
    actorUserId: null,
  });

  expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
  expect(await communesOf("lai-chau")).toEqual(before);
  expect((await importAuditsOf("lai-chau")).map((audit) => audit.after)).toEqual([
    { provinceSlug: "lai-chau", inserted: 3, updated: 0, unchanged: 0 },
    { provinceSlug: "lai-chau", inserted: 0, updated: 0, unchanged: 3 },
  ]);
});

test("a changed name or former district updates that commune only; a new code is inserted", async () => {
  await importCommunes(database.db, { provinceSlug: "son-la", csv: goodFile, actorUserId: null });
  const corrected = [
    "ma,ten,loai,huyen_cu",
    "10001,Sài Gòn,phường,Quận 1",
    "10003,An Phú,xã,",
    "10004,Mới,xã,",
  ].join("\n");

  const result = await importCommunes(database.db, {
    provinceSlug: "son-la",
    csv: corrected,
    actorUserId: null,
  });

  expect(result).toEqual({ inserted: 1, updated: 2, unchanged: 0 });
  expect(await communesOf("son-la")).toEqual([
    { code: "10001", name: "Sài Gòn", kind: "phường", formerDistrict: "Quận 1" },
    { code: "10002", name: "Tân Định", kind: "phường", formerDistrict: null },
    { code: "10003", name: "An Phú", kind: "xã", formerDistrict: null },
    { code: "10004", name: "Mới", kind: "xã", formerDistrict: null },
  ]);
});

test("a file with bad rows is refused as a whole, every problem named by row and column", async () => {
  const csv = [
    "ma,ten,loai,huyen_cu",
    "20001,Hợp lệ,xã,",
    "20002,,phường,",
    "20003,Sai loại,quận,",
    "",
    "20001,Trùng mã,xã,",
    "mã có dấu,Tên,thị trấn,",
  ].join("\n");

  const issues = await validationIssues(
    importCommunes(database.db, { provinceSlug: "dien-bien", csv, actorUserId: null }),
  );

  expect(issues).toEqual([
    {
      field: "csv",
      messageKey: "communes.import.badCell",
      params: { row: 3, column: "ten", reason: "communes.import.reason.required" },
    },
    {
      field: "csv",
      messageKey: "communes.import.badCell",
      params: { row: 4, column: "loai", reason: "communes.import.reason.unknownKind" },
    },
    {
      field: "csv",
      messageKey: "communes.import.duplicateCode",
      params: { row: 6, code: "20001", firstRow: 2 },
    },
    {
      field: "csv",
      messageKey: "communes.import.badCell",
      params: { row: 7, column: "ma", reason: "communes.import.reason.invalidCode" },
    },
    {
      field: "csv",
      messageKey: "communes.import.badCell",
      params: { row: 7, column: "loai", reason: "communes.import.reason.unknownKind" },
    },
  ]);
  expect(await communesOf("dien-bien")).toEqual([]);
  expect(await importAuditsOf("dien-bien")).toEqual([]);
});

test("a file missing a required column is refused, naming the column, and writes nothing", async () => {
  const csv = ["ma,ten,huyen_cu", "30001,Thiếu loại,"].join("\n");

  const issues = await validationIssues(
    importCommunes(database.db, { provinceSlug: "lang-son", csv, actorUserId: null }),
  );

  expect(issues).toEqual([
    { field: "csv", messageKey: "communes.import.missingColumn", params: { column: "loai" } },
  ]);
  expect(await communesOf("lang-son")).toEqual([]);
  expect(await importAuditsOf("lang-son")).toEqual([]);
});

test("an Excel file with BOM, semicolons and accented (even decomposed) headers imports", async () => {
  const header = `"Mã";"Tên";"Loại";"Huyện cũ"`.normalize("NFD"); // LibreOffice quotes every cell
  const csv = `\uFEFF${header}\r\n40001;"Phường Một, Hai";Phường;Thị xã A\r\n40002;Đặc khu Biển;ĐẶC KHU;\r\n`;

  const result = await importCommunes(database.db, { provinceSlug: "quang-ninh", csv, actorUserId: null });

  expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
  expect(await communesOf("quang-ninh")).toEqual([
    { code: "40001", name: "Một, Hai", kind: "phường", formerDistrict: "Thị xã A" },
    { code: "40002", name: "Biển", kind: "đặc khu", formerDistrict: null },
  ]);
});

test("English headers and kinds are accepted and map to the same rows as Vietnamese ones", async () => {
  await importCommunes(database.db, { provinceSlug: "thanh-hoa", csv: goodFile, actorUserId: null });
  const english = ["Code,Name,Kind,Former district", "10001,Phường Bến Nghé,ward,Quận 1"].join("\n");

  const result = await importCommunes(database.db, {
    provinceSlug: "thanh-hoa",
    csv: english,
    actorUserId: null,
  });

  expect(result).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
});

test("an unknown province is not found; a former province is refused on the province field", async () => {
  const unknown = await rejection(
    importCommunes(database.db, { provinceSlug: "atlantis", csv: goodFile, actorUserId: null }),
  );
  expect(unknown).toBeInstanceOf(NotFoundError);
  expect((unknown as NotFoundError).params).toEqual({ slug: "atlantis" });

  const issues = await validationIssues(
    importCommunes(database.db, { provinceSlug: "ba-ria-vung-tau", csv: goodFile, actorUserId: null }),
  );
  expect(issues).toEqual([
    {
      field: "province",
      messageKey: "communes.import.provinceNotCurrent",
      params: { name: "Bà Rịa – Vũng Tàu" },
    },
  ]);
  expect(await communesOf("ba-ria-vung-tau")).toEqual([]);
});

test("a province column routes each row; without a fixed province it is required and must be current", async () => {
  const missing = await validationIssues(importCommunes(database.db, { csv: goodFile, actorUserId: null }));
  expect(missing).toEqual([
    { field: "csv", messageKey: "communes.import.missingColumn", params: { column: "tinh" } },
  ]);

  const csv = [
    "tinh,ma,ten,loai",
    "Cần Thơ,50001,A,xã",
    "tien-giang,50002,B,xã",
    "narnia,50003,C,xã",
    ",50004,D,xã",
  ].join("\n");
  const issues = await validationIssues(importCommunes(database.db, { csv, actorUserId: null }));
  expect(issues.map((issue) => [issue.params?.row, issue.params?.reason])).toEqual([
    [3, "communes.import.reason.formerProvince"],
    [4, "communes.import.reason.unknownProvince"],
    [5, "communes.import.reason.required"],
  ]);
  expect(await communesOf("can-tho")).toEqual([]);

  const mismatch = await validationIssues(
    importCommunes(database.db, {
      provinceSlug: "ca-mau",
      csv: "tinh,ma,ten,loai\ncan-tho,50005,E,xã",
      actorUserId: null,
    }),
  );
  expect(mismatch[0]?.params?.reason).toBe("communes.import.reason.provinceMismatch");
});

test("a malformed file and a file with only a header are refused", async () => {
  const malformed = await validationIssues(
    importCommunes(database.db, {
      provinceSlug: "an-giang",
      csv: 'ma,ten,loai\n1,"unclosed,xã\n',
      actorUserId: null,
    }),
  );
  expect(malformed).toEqual([{ field: "csv", messageKey: "communes.import.malformed", params: { line: 2 } }]);

  const empty = await validationIssues(
    importCommunes(database.db, { provinceSlug: "an-giang", csv: "ma,ten,loai\n\n", actorUserId: null }),
  );
  expect(empty).toEqual([{ field: "csv", messageKey: "communes.import.empty", params: {} }]);
});

describe("demo communes", () => {
  test("import into current Hồ Chí Minh and Đồng Tháp, one audit row each, idempotently", async () => {
    const result = await importDemoCommunes(database.db, null);

    expect(result.updated).toBe(0);
    expect(result.unchanged).toBe(0);
    const hcm = await communesOf("ho-chi-minh");
    const dongThap = await communesOf("dong-thap");
    expect(hcm.length + dongThap.length).toBe(result.inserted);
    expect(hcm).toContainEqual({
      code: "DEMO-HCM-08",
      name: "Côn Đảo",
      kind: "đặc khu",
      formerDistrict: "Huyện Côn Đảo",
    });
    expect(hcm.map((commune) => commune.name)).toEqual(
      expect.arrayContaining(["Vũng Tàu", "Bà Rịa", "Long Hải"]),
    );
    expect(dongThap.map((commune) => commune.name)).toEqual(
      expect.arrayContaining(["Cao Lãnh", "Mỹ Tho", "Sa Đéc", "Hồng Ngự"]),
    );
    expect(await importAuditsOf("ho-chi-minh")).toHaveLength(1);
    expect(await importAuditsOf("dong-thap")).toHaveLength(1);

    expect(await importDemoCommunes(database.db, null)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: result.inserted,
    });
  });
});

test("every message key the import can produce is in both catalogues", () => {
  const keys = [
    "communes.import.done",
    "communes.import.badCell",
    "communes.import.missingColumn",
    "communes.import.duplicateColumn",
    "communes.import.duplicateCode",
    "communes.import.empty",
    "communes.import.malformed",
    "communes.import.provinceNotCurrent",
    ...[
      "required",
      "invalidCode",
      "unknownKind",
      "tooLong",
      "unknownProvince",
      "formerProvince",
      "provinceMismatch",
    ].map((reason) => `communes.import.reason.${reason}`),
  ];
  for (const key of keys) {
    expect(hasMessage("vi", key), `vi ${key}`).toBe(true);
    expect(hasMessage("en", key), `en ${key}`).toBe(true);
  }
});
