import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase } from "../../test/helpers/database.ts";
import { foldVietnamese } from "../platform/text.ts";
import type { DatabaseHandle } from "./client.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const samples = [
  "Thủy sản xuất khẩu",
  "ĐẬU PHỘNG rang muối",
  "Cà phê Robusta",
  "Hồ tiêu Bà Rịa – Vũng Tàu",
  "Gạo ST25 Đồng Tháp",
  "Sầu riêng Ri6, xoài cát Hòa Lộc",
  "ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ",
];

test("fold_vietnamese in the database folds text exactly as foldVietnamese does in the application", async () => {
  for (const sample of samples) {
    const result = await database.db.execute<{ folded: string }>(
      sql`select fold_vietnamese(${sample}) as folded`,
    );
    const folded = (result as unknown as { rows: { folded: string }[] }).rows[0]!.folded;
    expect(folded).toBe(foldVietnamese(sample));
  }
});

test("fold_vietnamese is IMMUTABLE, so an index can be built on it", async () => {
  await database.db.execute(sql`create temporary table folding_probe (name text)`);
  await database.db.execute(
    sql`create index on folding_probe using gin (fold_vietnamese(name) gin_trgm_ops)`,
  );
  await database.db.execute(sql`insert into folding_probe values ('Thủy sản Vũng Tàu')`);
  const result = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from folding_probe where fold_vietnamese(name) % 'thuy san vung tau'`,
  );
  expect((result as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
});
