import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { rebuildSearchDocuments } from "../src/modules/marketplace/search/documents.ts";

/**
 * Deterministic bench data for the floor search: `listings` listings (80 % products, 20 % buy and sell offers)
 * of `listings / 50` enterprises with published storefronts, spread over the hosted provinces, with titles and
 * descriptions built from Vietnamese vocabularies of the seeds' sectors. Everything is set-based
 * (generate_series), so 1,000,000 listings build on PostgreSQL in minutes; the same numbers give the same rows.
 * Bench rows are marked (tax codes starting "99", slugs "bench-") and replaced on each run.
 */
type Sector = {
  category: string;
  enterprise: string;
  nouns: string[];
  qualifiers: string[];
  unit: string;
  priceFrom: number;
  priceTo: number;
  ocop: boolean;
};

const sectors: Sector[] = [
  {
    category: "tom",
    enterprise: "Thủy sản",
    nouns: ["Tôm thẻ chân trắng", "Tôm sú", "Tôm hùm bông", "Tôm khô", "Tôm càng xanh"],
    qualifiers: ["đông lạnh xuất khẩu", "tươi sống", "size 40/50", "nguyên con", "bóc vỏ bỏ đầu"],
    unit: "kg",
    priceFrom: 120_000,
    priceTo: 950_000,
    ocop: true,
  },
  {
    category: "ca-tra-basa",
    enterprise: "Hải sản",
    nouns: ["Cá tra phi lê", "Cá basa cắt khúc", "Cá ngừ đại dương", "Mực ống", "Cá thu một nắng"],
    qualifiers: ["đông lạnh IQF", "đạt chuẩn HACCP", "xuất khẩu châu Âu", "thủy sản sạch", "hút chân không"],
    unit: "kg",
    priceFrom: 60_000,
    priceTo: 450_000,
    ocop: true,
  },
  {
    category: "hat-dieu",
    enterprise: "Hạt điều",
    nouns: ["Hạt điều rang muối", "Nhân hạt điều", "Hạt điều vỡ", "Hạt điều sấy giòn", "Hạt điều tươi"],
    qualifiers: ["loại W240", "loại W320", "còn vỏ lụa", "đóng hũ 500 g", "xuất khẩu"],
    unit: "kg",
    priceFrom: 180_000,
    priceTo: 420_000,
    ocop: true,
  },
  {
    category: "ho-tieu",
    enterprise: "Hồ tiêu",
    nouns: ["Hồ tiêu đen", "Tiêu sọ trắng", "Tiêu xanh", "Tiêu đỏ chín cây", "Bột tiêu"],
    qualifiers: ["500 g/l", "550 g/l", "hữu cơ", "đã qua sơ chế", "Bà Rịa"],
    unit: "kg",
    priceFrom: 90_000,
    priceTo: 260_000,
    ocop: true,
  },
  {
    category: "ca-phe",
    enterprise: "Cà phê",
    nouns: ["Cà phê Robusta", "Cà phê Arabica", "Cà phê rang xay", "Cà phê hòa tan", "Cà phê nhân xanh"],
    qualifiers: ["nguyên chất", "rang mộc", "sàng 18", "đóng gói 1 kg", "xuất khẩu"],
    unit: "kg",
    priceFrom: 80_000,
    priceTo: 380_000,
    ocop: true,
  },
  {
    category: "gao",
    enterprise: "Lương thực",
    nouns: ["Gạo ST25", "Gạo Jasmine", "Gạo nếp cái hoa vàng", "Gạo lứt đỏ", "Gạo thơm Đài Thơm 8"],
    qualifiers: ["túi 5 kg", "hữu cơ", "xuất khẩu", "vụ đông xuân", "Đồng Tháp"],
    unit: "kg",
    priceFrom: 15_000,
    priceTo: 45_000,
    ocop: true,
  },
  {
    category: "trai-cay",
    enterprise: "Nông sản",
    nouns: [
      "Xoài cát Hòa Lộc",
      "Thanh long ruột đỏ",
      "Sầu riêng Ri6",
      "Bưởi da xanh",
      "Đậu phộng",
      "Nhãn xuồng",
    ],
    qualifiers: ["loại 1", "đạt chuẩn VietGAP", "xuất khẩu", "sấy dẻo", "tươi"],
    unit: "kg",
    priceFrom: 20_000,
    priceTo: 160_000,
    ocop: true,
  },
  {
    category: "may-che-bien",
    enterprise: "Cơ khí",
    nouns: [
      "Máy bơm nước công nghiệp",
      "Máy sấy nông sản",
      "Máy bóc vỏ hạt điều",
      "Máy xay cà phê",
      "Băng tải",
    ],
    qualifiers: ["công suất 5 kW", "inox 304", "bảo hành 24 tháng", "nhập khẩu", "chế tạo trong nước"],
    unit: "bộ",
    priceFrom: 8_000_000,
    priceTo: 900_000_000,
    ocop: false,
  },
  {
    category: "van-tai",
    enterprise: "Logistics",
    nouns: [
      "Dịch vụ vận chuyển container",
      "Vận tải hàng lạnh",
      "Cho thuê kho bãi",
      "Khai báo hải quan",
      "Giao nhận quốc tế",
    ],
    qualifiers: ["cảng Cái Mép", "tuyến Bắc Nam", "đường thủy nội địa", "trọn gói", "giá cạnh tranh"],
    unit: "chuyến",
    priceFrom: 1_500_000,
    priceTo: 60_000_000,
    ocop: false,
  },
  {
    category: "du-lich",
    enterprise: "Du lịch",
    nouns: [
      "Tour du lịch Côn Đảo",
      "Tour sinh thái Tràm Chim",
      "Khách sạn ven biển",
      "Du lịch làng hoa Sa Đéc",
      "Homestay",
    ],
    qualifiers: ["3 ngày 2 đêm", "trọn gói", "cho đoàn doanh nghiệp", "cuối tuần", "mùa lễ hội"],
    unit: "khách",
    priceFrom: 500_000,
    priceTo: 12_000_000,
    ocop: false,
  },
];

const places = [
  "Vũng Tàu",
  "Long Hải",
  "Phú Mỹ",
  "Bà Rịa",
  "Sa Đéc",
  "Cao Lãnh",
  "Tháp Mười",
  "Hồng Ngự",
  "Côn Đảo",
  "Xuyên Mộc",
];
const legalPrefixes = ["Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân", "Hợp tác xã"];
const features = [
  "đạt chứng nhận OCOP",
  "truy xuất nguồn gốc bằng mã QR",
  "đóng gói theo yêu cầu",
  "giao hàng toàn quốc",
  "có chứng nhận CO/CQ",
  "sản xuất theo tiêu chuẩn ISO 22000",
  "giá sỉ cho đại lý",
  "hỗ trợ xuất khẩu",
];

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/** A deterministic pseudo-random integer in [0, modulo) from a row number and a salt (Knuth's multiplier). */
const pick = (row: ReturnType<typeof sql>, salt: number, modulo: ReturnType<typeof sql> | number) =>
  sql`(((${row})::bigint * 2654435761 + ${salt * 40503}) % 4294967296 % (${modulo}))::int`;

export async function generateListings(
  db: Database,
  options: { listings: number; provinceSlugs: readonly string[]; log?: (line: string) => void },
): Promise<{ enterprises: number; products: number; offers: number; documents: number }> {
  const log = options.log ?? (() => {});
  const enterpriseCount = Math.max(20, Math.round(options.listings / 50));
  const offerCount = Math.round(options.listings * 0.2);
  const productCount = options.listings - offerCount;
  const provinceResult = await db.execute(
    sql`select id from provinces where slug in (${sql.join(
      options.provinceSlugs.map((slug) => sql`${slug}`),
      sql`, `,
    )}) order by slug`,
  );
  const provinceIds = (provinceResult as unknown as { rows: { id: number }[] }).rows.map((row) => row.id);
  if (provinceIds.length === 0) throw new Error("no hosted province to put the bench listings in");
  const provinceArray = sql`array[${sql.join(
    provinceIds.map((id) => sql`${id}::int`),
    sql`, `,
  )}]::int[]`;

  log("removing earlier bench rows");
  await db.execute(sql`delete from search_documents where slug like 'bench-%' or enterprise_id in
    (select id from enterprises where tax_code like '99%' and source = 'import')`);
  await db.execute(sql`delete from offers where slug like 'bench-%'`);
  // Deleting products checks offers.product_id (not indexed) row by row: without the dead offers, that is cheap.
  await db.execute(sql`vacuum offers`);
  await db.execute(sql`delete from products where slug like 'bench-%'`);
  await db.execute(sql`delete from storefronts where slug like 'bench-%'`);
  await db.execute(sql`delete from enterprises where tax_code like '99%' and source = 'import'`);

  await db.execute(sql`drop table if exists bench_sectors`);
  await db.execute(sql`create table bench_sectors (
    n int primary key, category_id int not null, category_path int[] not null, enterprise text not null,
    nouns text[] not null, qualifiers text[] not null, unit text not null, price_from bigint not null,
    price_to bigint not null, ocop boolean not null)`);
  for (const [n, sector] of sectors.entries()) {
    await db.execute(sql`insert into bench_sectors
      select ${n}, c.id, c.path, ${sector.enterprise}, ${textArray(sector.nouns)}, ${textArray(sector.qualifiers)},
        ${sector.unit}, ${sector.priceFrom}, ${sector.priceTo}, ${sector.ocop}
      from categories c where c.slug = ${sector.category}`);
  }
  const sectorCount = sectors.length;

  log(`enterprises: ${enterpriseCount}`);
  const k = sql`g.k`;
  await db.execute(sql`
    insert into enterprises (province_id, tax_code, name, name_en, legal_form, vsic_section, products_description,
      address_line, address_province_id, commune_id, phone, email, employees, status, source)
    select p.id, '99' || lpad(g.k::text, 8, '0'),
      (${textArray(legalPrefixes)})[1 + ${pick(k, 1, 4)}] || ' ' || s.enterprise || ' '
        || (${textArray(places)})[1 + ${pick(k, 2, places.length)}] || ' ' || g.k,
      s.enterprise || ' Company ' || g.k, 'llc-multi-member', 'G',
      array_to_string(s.nouns, ', '), 'Số ' || (1 + g.k % 300) || ' đường 30/4', p.id,
      (select cm.id from communes cm where cm.province_id = p.id order by cm.id
        offset ${pick(k, 3, 50)} limit 1),
      '0254' || lpad((g.k % 10000000)::text, 7, '0'), 'lienhe' || g.k || '@example.vn', 5 + g.k % 400,
      case when g.k % 40 = 0 then 'pending' else 'verified' end, 'import'
    from generate_series(1, ${enterpriseCount}) g(k)
    join bench_sectors s on s.n = g.k % ${sectorCount}
    join provinces p on p.id = (${provinceArray})[1 + g.k % ${provinceIds.length}]`);
  await db.execute(sql`drop table if exists bench_enterprises`);
  await db.execute(sql`create table bench_enterprises as
    select (substr(tax_code, 3))::int as k, id, province_id, name from enterprises
    where tax_code like '99%' and source = 'import'`);
  await db.execute(sql`create unique index on bench_enterprises (k)`);
  await db.execute(sql`
    insert into storefronts (province_id, enterprise_id, slug, introduction, status, badge_granted_at, published_at)
    select e.province_id, e.id, 'bench-' || e.k, 'Giới thiệu ' || e.name, 'published',
      case when e.k % 3 = 0 then now() end, now() - make_interval(days => e.k % 700)
    from bench_enterprises e`);

  log(`products: ${productCount}`);
  const i = sql`g.i`;
  await db.execute(sql`
    insert into products (province_id, enterprise_id, category_id, slug, name, name_en, description, price_dong,
      unit, min_order_quantity, origin, ocop_stars, ocop_certified_on, ocop_expires_on, status, published_at)
    select e.province_id, e.id, s.category_id, 'bench-p-' || g.i,
      s.nouns[1 + ${pick(i, 4, sql`array_length(s.nouns, 1)`)}] || ' '
        || s.qualifiers[1 + ${pick(i, 5, sql`array_length(s.qualifiers, 1)`)}],
      null,
      'Sản phẩm của ' || e.name || ', ' || (${textArray(features)})[1 + ${pick(i, 6, features.length)}] || ', '
        || (${textArray(features)})[1 + ${pick(i, 7, features.length)}] || '. Vùng nguyên liệu '
        || (${textArray(places)})[1 + ${pick(i, 8, places.length)}] || '.',
      case when g.i % 7 = 0 then null
        else s.price_from + ${pick(i, 9, sql`(s.price_to - s.price_from + 1)`)} / 1000 * 1000 end,
      s.unit, 1 + g.i % 100, 'Việt Nam',
      case when s.ocop and (g.i / 10) % 10 = 0 then 3 + (g.i / 100) % 3 end,
      case when s.ocop and (g.i / 10) % 10 = 0 then current_date - (g.i % 700) end,
      case when s.ocop and (g.i / 10) % 10 = 0 then current_date - (g.i % 700) + interval '36 months' end,
      case when g.i % 50 = 0 then 'draft' when g.i % 51 = 0 then 'hidden' else 'published' end,
      now() - make_interval(mins => g.i % 500000)
    from generate_series(1, ${productCount}) g(i)
    join bench_enterprises e on e.k = 1 + g.i % ${enterpriseCount}
    join bench_sectors s on s.n = e.k % ${sectorCount}`);

  log(`offers: ${offerCount}`);
  await db.execute(sql`
    insert into offers (province_id, enterprise_id, kind, category_id, slug, title, specification, quantity, unit,
      price_dong, delivery_terms, delivery_place, expires_on, status, published_at)
    select e.province_id, e.id, case when g.i % 2 = 0 then 'buy' else 'sell' end, s.category_id, 'bench-o-' || g.i,
      case when g.i % 2 = 0 then 'Cần mua ' else 'Chào bán ' end
        || lower(s.nouns[1 + ${pick(i, 10, sql`array_length(s.nouns, 1)`)}]) || ' '
        || s.qualifiers[1 + ${pick(i, 11, sql`array_length(s.qualifiers, 1)`)}],
      'Yêu cầu: ' || (${textArray(features)})[1 + ${pick(i, 12, features.length)}] || '. Giao tại '
        || (${textArray(places)})[1 + ${pick(i, 13, places.length)}] || '.',
      10 + g.i % 990, s.unit,
      case when g.i % 3 = 0 then null
        else s.price_from + ${pick(i, 14, sql`(s.price_to - s.price_from + 1)`)} / 1000 * 1000 end,
      'FOB', (${textArray(places)})[1 + ${pick(i, 15, places.length)}],
      current_date + (g.i % 120) - 6, 'published', now() - make_interval(mins => g.i % 300000)
    from generate_series(1, ${offerCount}) g(i)
    join bench_enterprises e on e.k = 1 + (g.i * 7) % ${enterpriseCount}
    join bench_sectors s on s.n = e.k % ${sectorCount}`);
  await db.execute(sql`drop table bench_sectors`);
  await db.execute(sql`drop table bench_enterprises`);

  log("search documents");
  // Building the search indexes once after the load is much faster than maintaining them row by row.
  const indexResult = await db.execute(sql`
    select indexname, indexdef from pg_indexes where tablename = 'search_documents'
      and indexname not in ('search_documents_pkey', 'search_documents_doc_key')`);
  const indexes = (indexResult as unknown as { rows: { indexname: string; indexdef: string }[] }).rows;
  for (const index of indexes) await db.execute(sql`drop index ${sql.identifier(index.indexname)}`);
  await rebuildSearchDocuments(db, provinceIds);
  log("search indexes");
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    for (const index of indexes) await tx.execute(sql.raw(index.indexdef));
  });
  const countResult = await db.execute(
    sql`select count(*)::int as count from search_documents where province_id in (${sql.join(
      provinceIds.map((id) => sql`${id}::int`),
      sql`, `,
    )})`,
  );
  const documents = Number((countResult as unknown as { rows: { count: number }[] }).rows[0]?.count ?? 0);
  return { enterprises: enterpriseCount, products: productCount, offers: offerCount, documents };
}

/**
 * `tsx bench/generate-listings.ts --listings 100000` with DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite):
 * migrates, loads the demo data when missing, and generates the listings into the hosted demo provinces.
 */
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { parseArgs } = await import("node:util");
  const { loadConfig } = await import("../src/config.ts");
  const { prepareDatabase } = await import("../src/startup.ts");
  const { values } = parseArgs({ options: { listings: { type: "string", default: "1000000" } } });
  const listings = Number(values.listings.replaceAll(/[._,]/g, ""));
  if (!Number.isSafeInteger(listings) || listings < 100) throw new Error("--listings must be >= 100");
  const { database } = await prepareDatabase(loadConfig(), { withDemoData: true });
  const started = Date.now();
  try {
    const counts = await generateListings(database.db, {
      listings,
      provinceSlugs: ["ba-ria-vung-tau", "dong-thap"],
      log: (line) => process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s: ${line}\n`),
    });
    await database.db.execute(sql`vacuum analyze search_documents`);
    process.stdout.write(`${JSON.stringify({ ...counts, seconds: (Date.now() - started) / 1000 })}\n`);
  } finally {
    await database.close();
  }
}
