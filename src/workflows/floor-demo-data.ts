import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { enterpriseMembers, enterprises, type LegalForm } from "../modules/enterprises/schema.ts";
import { classifyEnterpriseSize } from "../modules/enterprises/size-class.ts";
import { calculateTaxCodeCheckDigit } from "../modules/enterprises/tax-code.ts";
import { isVsicSection, sectorGroupOfSection } from "../modules/enterprises/vsic.ts";
import { communes, provinces } from "../modules/geo/schema.ts";
import { users } from "../modules/identity/schema.ts";
import { ocopCertificateExpiry } from "../modules/marketplace/ocop.ts";
import {
  categories,
  inquiries,
  inquiryMessages,
  listingReports,
  offers,
  products,
  quotes,
  storefronts,
} from "../modules/marketplace/schema.ts";
import { rebuildSearchDocuments } from "../modules/marketplace/search/documents.ts";
import { slugify } from "../platform/text.ts";
import {
  brandWords,
  buyRequests,
  type DemoProvinceSlug,
  type EnterpriseProfile,
  enterpriseProfiles,
  type ProductTemplate,
  representativeNames,
} from "./floor-demo/vocabulary.ts";

/**
 * The trading floor of the demo: about 150 enterprises of the two demo provinces with their storefronts,
 * about 1,000 products, 100 offers, a few quotes and inquiry threads, made from `floor-demo/vocabulary.ts`.
 *
 * Deterministic: every choice comes from one seeded PRNG (mulberry32), so two loads make the same rows. Dates
 * are counted back from the day of loading (listings published over the last 14 months, offers expiring
 * around today), so a demo always has open offers and a year of statistics; on one day the output is the same.
 *
 * Fast: rows are built in memory and written with one multi-row insert per table (in chunks), then the
 * search documents are rebuilt set-wise. No audit rows are written: this is seed data loaded by the installer,
 * not a change made by anyone, like the rest of the demo loader's rows.
 *
 * No images: demo listings have none rather than fake pictures.
 */

const seed = 20_250_701;

/** mulberry32: a small, fast 32-bit PRNG; good enough for demo data, never for secrets. */
export function createRandom(initial: number) {
  let state = initial >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number): boolean => next() < probability,
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        [copy[index], copy[other]] = [copy[other]!, copy[index]!];
      }
      return copy;
    },
  };
}
type Random = ReturnType<typeof createRandom>;

/** Tax-office prefixes of the provinces (the first two digits of the codes they issued). */
const taxCodePrefix: Record<DemoProvinceSlug, string> = { "ba-ria-vung-tau": "35", "dong-thap": "14" };

const legalFormNames: Record<
  "llc-multi-member" | "llc-single-member" | "joint-stock" | "cooperative",
  string
> = {
  "llc-multi-member": "Công ty TNHH",
  "llc-single-member": "Công ty TNHH MTV",
  "joint-stock": "Công ty CP",
  cooperative: "HTX",
};
const legalFormEnglish: Record<keyof typeof legalFormNames, string> = {
  "llc-multi-member": "Co., Ltd",
  "llc-single-member": "One Member Co., Ltd",
  "joint-stock": "Joint Stock Company",
  cooperative: "Cooperative",
};

/** The demo seller account's enterprise in each province: the browser journey signs in as its owner. */
const demoSellers: Record<
  DemoProvinceSlug,
  { profile: string; legalForm: keyof typeof legalFormNames; brand: string }
> = {
  "ba-ria-vung-tau": { profile: "pepper-coffee", legalForm: "llc-multi-member", brand: "Châu Đức Xanh" },
  "dong-thap": { profile: "fruit", legalForm: "cooperative", brand: "Xoài Cao Lãnh" },
};

const dayMs = 86_400_000;

/** "2025-07-01" for a Date, in Vietnam's calendar. */
function isoDay(date: Date): string {
  return new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Letters without Vietnamese marks, case kept: "Hải Đăng" → "Hai Dang" (for English names and e-mail). */
function latin(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replaceAll("đ", "d")
    .replaceAll("Đ", "D");
}

function taxCodeFor(random: Random, province: DemoProvinceSlug, used: Set<string>): string {
  for (;;) {
    const firstNine = `${taxCodePrefix[province]}0${String(random.int(0, 999_999)).padStart(6, "0")}`;
    const check = calculateTaxCodeCheckDigit(firstNine);
    const code = `${firstNine}${check}`;
    if (check !== null && !used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function roundPrice(value: number): bigint {
  const step = value >= 10_000_000 ? 100_000 : 1_000;
  return BigInt(Math.round(value / step) * step);
}

async function insertChunked<Row>(rows: Row[], size: number, insert: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

export type FloorDemoSummary = {
  enterprises: number;
  storefronts: number;
  products: number;
  offers: number;
  quotes: number;
  inquiries: number;
};

/**
 * Loads the floor of the demo provinces (already hosted, with their demo accounts and communes). Called by
 * `loadDemoData` inside its transaction; not idempotent by itself: the demo version mark guards it.
 */
export async function loadFloorDemoData(db: Executor, now = new Date()): Promise<FloorDemoSummary> {
  const random = createRandom(seed);
  const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);
  const dayOffset = (days: number) => isoDay(new Date(now.getTime() + days * dayMs));

  const slugs = ["ba-ria-vung-tau", "dong-thap"] as const satisfies readonly DemoProvinceSlug[];
  const provinceRows = await db
    .select({ id: provinces.id, slug: provinces.slug })
    .from(provinces)
    .where(inArray(provinces.slug, [...slugs, "ho-chi-minh"]));
  const provinceId = new Map(provinceRows.map((row) => [row.slug, row.id]));
  // Bà Rịa – Vũng Tàu merged into TP. Hồ Chí Minh on 01/07/2025: addresses name the current province.
  const addressProvince: Record<DemoProvinceSlug, number> = {
    "ba-ria-vung-tau": provinceId.get("ho-chi-minh") ?? provinceId.get("ba-ria-vung-tau")!,
    "dong-thap": provinceId.get("dong-thap")!,
  };
  const communeRows = await db
    .select({
      id: communes.id,
      provinceId: communes.provinceId,
      name: communes.name,
      kind: communes.kind,
      formerDistrict: communes.formerDistrict,
    })
    .from(communes)
    .where(inArray(communes.provinceId, Object.values(addressProvince)));
  const categoryRows = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  const categoryId = new Map(categoryRows.map((row) => [row.slug, row.id]));
  const demoUsers = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        slugs.map((slug) => `doanhnghiep@${slug}.demo`),
      ),
    );
  const sellerUserId = new Map(
    demoUsers.map((row) => [row.email.split("@")[1]!.replace(/\.demo$/, ""), row.id]),
  );
  const officers = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        slugs.map((slug) => `canbo@${slug}.demo`),
      ),
    );
  const officerId = new Map(officers.map((row) => [row.email.split("@")[1]!.replace(/\.demo$/, ""), row.id]));

  const usedTaxCodes = new Set<string>();
  type EnterprisePlan = {
    province: DemoProvinceSlug;
    profile: EnterpriseProfile;
    isDemoSeller: boolean;
    row: typeof enterprises.$inferInsert;
    brand: string;
    storefront: "published" | "pending" | "draft" | null;
    hasBadge: boolean;
  };
  const planned: EnterprisePlan[] = [];

  for (const province of slugs) {
    const tenant = provinceId.get(province)!;
    const provinceCommunes = communeRows.filter((row) => row.provinceId === addressProvince[province]);
    const brands = random.shuffle(brandWords[province]);
    let brandIndex = 0;
    const names = new Set<string>();
    const jobs: { profile: EnterpriseProfile; isDemoSeller: boolean }[] = [];
    const demo = demoSellers[province];
    jobs.push({ profile: enterpriseProfiles.find((p) => p.key === demo.profile)!, isDemoSeller: true });
    for (const profile of enterpriseProfiles)
      for (let index = 0; index < (profile.counts[province] ?? 0); index += 1)
        jobs.push({ profile, isDemoSeller: false });

    for (const [jobIndex, { profile, isDemoSeller }] of jobs.entries()) {
      const legalForm: keyof typeof legalFormNames = isDemoSeller
        ? demo.legalForm
        : random.pick(
            profile.key === "fruit" || profile.key === "flowers" || profile.key === "lotus"
              ? (["cooperative", "cooperative", "llc-single-member", "llc-multi-member"] as const)
              : (["llc-multi-member", "llc-multi-member", "llc-single-member", "joint-stock"] as const),
          );
      let brand = isDemoSeller ? demo.brand : brands[brandIndex++ % brands.length]!;
      let nameVi = `${legalFormNames[legalForm]} ${profile.nameVi} ${brand}`;
      // Two enterprises of one trade may share a brand word; the second adds the place, as real ones do.
      if (names.has(nameVi)) {
        brand = `${brand} ${province === "dong-thap" ? "Đồng Tháp" : "Vũng Tàu"}`;
        nameVi = `${legalFormNames[legalForm]} ${profile.nameVi} ${brand}`;
      }
      if (names.has(nameVi)) {
        brand = `${brand} ${jobIndex}`;
        nameVi = `${legalFormNames[legalForm]} ${profile.nameVi} ${brand}`;
      }
      names.add(nameVi);
      const nameEn = `${latin(brand)} ${profile.nameEn} ${legalFormEnglish[legalForm]}`;
      const commune = provinceCommunes.length > 0 ? random.pick(provinceCommunes) : null;
      const employees = legalForm === "cooperative" ? random.int(7, 60) : random.int(8, 420);
      const revenueDong = BigInt(random.int(2, 900)) * 1_000_000_000n;
      const capitalDong = BigInt(random.int(1, 120)) * 1_000_000_000n;
      const sector = isVsicSection(profile.vsicSection) ? sectorGroupOfSection(profile.vsicSection) : null;
      const size = sector
        ? classifyEnterpriseSize({ sectorGroup: sector, employees, revenueDong, capitalDong })
        : { sizeClass: null };
      const domain = `${slugify(latin(brand)).replaceAll("-", "")}.vn`;
      // 1 in 14 is still waiting for an officer's verification (registered, not yet on the floor).
      const status = isDemoSeller ? "verified" : random.chance(1 / 14) ? "pending" : "verified";
      const isExporter = status === "verified" && random.chance(profile.exporterShare);
      const templates = profile.products.filter((p) => !p.provinces || p.provinces.includes(province));
      const hasWebsite = random.chance(0.6);
      planned.push({
        province,
        profile,
        isDemoSeller,
        brand,
        row: {
          provinceId: tenant,
          taxCode: taxCodeFor(random, province, usedTaxCodes),
          name: nameVi,
          nameEn,
          shortName: brand.toUpperCase(),
          legalForm: legalForm as LegalForm,
          vsicSection: profile.vsicSection,
          vsicCode: profile.vsicCode,
          productsDescription: profile.descriptionVi,
          productsDescriptionEn: profile.descriptionEn,
          addressLine: `${random.int(1, 420)} ${random.pick(["Đường 30/4", "Quốc lộ 51", "Đường Võ Thị Sáu", "Quốc lộ 55", "Đường Nguyễn Huệ", "Quốc lộ 30", "Đường Lý Thường Kiệt", "Tỉnh lộ 848", "Đường Trần Hưng Đạo", "Quốc lộ 80"])}`,
          addressProvinceId: addressProvince[province],
          communeId: commune?.id ?? null,
          formerDistrict: commune?.formerDistrict ?? null,
          representativeName: random.pick(representativeNames),
          phone: `0${province === "dong-thap" ? "277" : "254"}${String(random.int(3_800_000, 3_899_999))}`,
          email: `lienhe@${domain}`,
          website: hasWebsite ? `https://${domain}` : null,
          foundedYear: random.int(1996, 2022),
          employees,
          revenueDong,
          capitalDong,
          sizeClass: size.sizeClass,
          usesEmail: true,
          hasWebsite,
          onMarketplaces: random.chance(0.45),
          acceptsOnlinePayment: random.chance(0.5),
          usesESignature: random.chance(0.7),
          usesManagementSoftware: random.chance(0.55),
          isExporter,
          exportMarkets: isExporter ? random.shuffle(profile.markets).slice(0, random.int(1, 4)) : [],
          hsCodes: isExporter
            ? [...new Set(templates.flatMap((p) => (p.hsCode ? [p.hsCode.replace(".", "")] : [])))]
            : [],
          status,
          statusChangedAt: status === "verified" ? daysAgo(random.int(400, 600)) : null,
          statusChangedBy: status === "verified" ? (officerId.get(province) ?? null) : null,
          source: "demo",
        },
        storefront:
          status !== "verified"
            ? null
            : isDemoSeller
              ? "published"
              : random.chance(0.92)
                ? "published"
                : "pending",
        hasBadge: isDemoSeller || (status === "verified" && random.chance(0.35)),
      });
    }
  }

  const insertedEnterprises: { id: number }[] = [];
  await insertChunked(planned, 200, async (chunk) => {
    insertedEnterprises.push(
      ...(await db
        .insert(enterprises)
        .values(chunk.map((plan) => plan.row))
        .returning({ id: enterprises.id })),
    );
  });
  const enterpriseIds = insertedEnterprises.map((row) => row.id);

  // The demo seller accounts own their province's demo enterprise.
  const memberRows = planned.flatMap((plan, index) => {
    const userId = plan.isDemoSeller ? sellerUserId.get(plan.province) : undefined;
    return userId === undefined
      ? []
      : [{ enterpriseId: enterpriseIds[index]!, userId, role: "owner" as const, status: "active" as const }];
  });
  if (memberRows.length > 0) {
    await db.delete(enterpriseMembers).where(
      and(
        inArray(
          enterpriseMembers.userId,
          memberRows.map((row) => row.userId),
        ),
        eq(enterpriseMembers.status, "active"),
      ),
    );
    await db.insert(enterpriseMembers).values(memberRows);
  }

  const storefrontRows: (typeof storefronts.$inferInsert)[] = [];
  planned.forEach((plan, index) => {
    if (!plan.storefront) return;
    const brandSlug = slugify(plan.row.shortName ?? plan.row.name);
    const publishedAt = plan.storefront === "published" ? daysAgo(random.int(30, 420)) : null;
    storefrontRows.push({
      provinceId: plan.row.provinceId,
      enterpriseId: enterpriseIds[index]!,
      slug: `${slugify(`${plan.profile.nameVi} ${brandSlug}`)}-${enterpriseIds[index]}`,
      introduction: `${plan.row.name} ${plan.profile.descriptionVi.toLowerCase()}. Thành lập năm ${plan.row.foundedYear}, ${plan.row.employees} lao động. ${plan.row.isExporter ? `Sản phẩm đã xuất khẩu sang ${(plan.row.exportMarkets ?? []).length} thị trường.` : "Cung cấp cho thị trường trong nước."}`,
      introductionEn: `${plan.row.nameEn}: ${plan.profile.descriptionEn.toLowerCase()}. Founded in ${plan.row.foundedYear}, ${plan.row.employees} employees.`,
      contactName: plan.row.representativeName,
      contactPhone: plan.row.phone,
      contactEmail: plan.row.email,
      status: plan.storefront,
      publishedAt,
      badgeGrantedAt: plan.hasBadge && publishedAt ? new Date(publishedAt.getTime() + 7 * dayMs) : null,
      badgeGrantedBy: plan.hasBadge && publishedAt ? (officerId.get(plan.province) ?? null) : null,
      createdAt: publishedAt ?? daysAgo(random.int(1, 20)),
      // The last change: publication, or the submission an officer has yet to review (oldest first in the queue).
      updatedAt: publishedAt ?? daysAgo(random.int(1, 20)),
    });
  });
  await insertChunked(storefrontRows, 200, (chunk) => db.insert(storefronts).values(chunk));

  // Products: each verified enterprise lists 5–11 of its trade's products (templates × variants).
  const productRows: (typeof products.$inferInsert)[] = [];
  const productOwner: { plan: EnterprisePlan; template: ProductTemplate }[] = [];
  planned.forEach((plan, index) => {
    if (plan.row.status !== "verified") return;
    const templates = plan.profile.products.filter(
      (p) => !p.provinces || p.provinces.includes(plan.province),
    );
    const combos = templates.flatMap((template) =>
      template.variants.map((variant) => ({ template, variant })),
    );
    const wanted = plan.isDemoSeller ? Math.min(10, combos.length) : random.int(5, 11);
    for (const [position, { template, variant }] of random.shuffle(combos).slice(0, wanted).entries()) {
      const name = `${template.vi} ${variant[0]}`;
      const isOcop = template.isOcop === true && random.chance(0.6);
      const certifiedOn = isOcop ? dayOffset(-random.int(60, 1000)) : null;
      const roll = random.next();
      const status = plan.isDemoSeller
        ? position === wanted - 1
          ? "draft"
          : "published"
        : plan.storefront !== "published"
          ? random.chance(0.5)
            ? "pending"
            : "draft"
          : roll < 0.9
            ? "published"
            : roll < 0.95
              ? "pending"
              : roll < 0.98
                ? "draft"
                : "hidden";
      const publishedAt = status === "published" || status === "hidden" ? daysAgo(random.int(1, 420)) : null;
      productRows.push({
        provinceId: plan.row.provinceId,
        enterpriseId: enterpriseIds[index]!,
        categoryId: categoryId.get(template.category)!,
        slug: `${slugify(`${name} ${plan.brand}`).slice(0, 80)}-${productRows.length + 1}`,
        name: `${name} – ${plan.brand}`,
        nameEn: `${template.en}, ${variant[1]}`,
        description: `${template.descriptionVi}\nNhà cung cấp: ${plan.row.name}.`,
        descriptionEn: `${template.descriptionEn}\nSupplier: ${plan.row.nameEn}.`,
        priceDong:
          template.price && random.chance(0.85)
            ? roundPrice(template.price[0] + random.next() * (template.price[1] - template.price[0]))
            : null,
        unit: template.unit,
        minOrderQuantity:
          template.unit === "tấn"
            ? random.int(1, 20)
            : template.unit === "kg"
              ? random.pick([10, 50, 100, 500, 1000])
              : random.pick([1, 5, 10]),
        hsCode: template.hsCode,
        origin: plan.province === "dong-thap" ? "Đồng Tháp, Việt Nam" : "Bà Rịa – Vũng Tàu, Việt Nam",
        ocopStars: isOcop ? random.pick([3, 3, 3, 4, 4, 5]) : null,
        ocopCertificateNumber: isOcop ? `${random.int(100, 4999)}/QĐ-UBND` : null,
        ocopCertifiedOn: certifiedOn,
        ocopExpiresOn: certifiedOn ? ocopCertificateExpiry(certifiedOn) : null,
        status,
        moderationReason:
          status === "hidden" ? "Thông tin giá không đúng thực tế, đề nghị doanh nghiệp cập nhật." : null,
        publishedAt,
        createdAt: publishedAt ? new Date(publishedAt.getTime() - 2 * dayMs) : daysAgo(random.int(1, 15)),
        updatedAt: publishedAt ?? daysAgo(random.int(0, 14)),
      });
      productOwner.push({ plan, template });
    }
  });
  const productIds: number[] = [];
  await insertChunked(productRows, 250, async (chunk) => {
    productIds.push(
      ...(await db.insert(products).values(chunk).returning({ id: products.id })).map((row) => row.id),
    );
  });

  // Offers: 50 per province, sell offers made from published products, buy offers from the RFQ list.
  const offerRows: (typeof offers.$inferInsert)[] = [];
  const offerBuyer: number[] = [];
  for (const province of slugs) {
    const tenant = provinceId.get(province)!;
    const published = productRows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.provinceId === tenant && row.status === "published");
    const sellers = planned
      .map((plan, index) => ({ plan, index }))
      .filter(({ plan }) => plan.province === province && plan.storefront === "published");
    for (let number = 0; number < 50; number += 1) {
      const isBuy = number % 5 < 2;
      // Spread over 13 months; about a quarter already past their last day (expired), the rest open.
      const publishedDaysAgo = number < 6 ? random.int(1, 20) : random.int(1, 395);
      const publishedAt = daysAgo(publishedDaysAgo);
      const isExpired = publishedDaysAgo > 60 && random.chance(0.4);
      const expiresOn = isExpired
        ? dayOffset(-random.int(1, Math.max(2, publishedDaysAgo - 30)))
        : dayOffset(random.int(10, 90));
      const status = number % 17 === 16 ? "pending" : "published";
      if (isBuy) {
        const request = random.pick(buyRequests);
        const buyer = random.pick(sellers);
        const quantity = random.int(request.quantity[0], request.quantity[1]);
        offerRows.push({
          provinceId: tenant,
          enterpriseId: enterpriseIds[buyer.index]!,
          kind: "buy",
          categoryId: categoryId.get(request.category)!,
          slug: `${slugify(request.vi)}-${offerRows.length + 1}`,
          title: `${request.vi} – ${quantity} ${request.unit}`,
          titleEn: `${request.en} – ${quantity} ${request.unit === "tấn" ? "tonnes" : request.unit}`,
          specification: request.specificationVi,
          specificationEn: request.specificationEn,
          quantity,
          unit: request.unit,
          priceDong: null,
          deliveryTerms: random.pick(["FOB Cái Mép", "Giao tại kho bên mua", "CIF", "EXW"]),
          deliveryPlace: province === "dong-thap" ? "Cao Lãnh, Đồng Tháp" : "Phú Mỹ, TP. Hồ Chí Minh",
          expiresOn,
          status,
          publishedAt: status === "published" ? publishedAt : null,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        });
        offerBuyer.push(buyer.index);
      } else {
        const { row, index } = random.pick(published);
        const { template } = productOwner[index]!;
        const quantity = template.unit === "kg" ? random.int(1, 50) * 100 : random.int(1, 40);
        offerRows.push({
          provinceId: tenant,
          enterpriseId: row.enterpriseId,
          kind: "sell",
          categoryId: row.categoryId,
          productId: productIds[index]!,
          slug: `chao-ban-${slugify(template.vi)}-${offerRows.length + 1}`,
          title: `Chào bán ${template.vi.toLowerCase()} – ${quantity.toLocaleString("vi-VN")} ${template.unit}`,
          titleEn: `Offer: ${template.en.toLowerCase()} – ${quantity.toLocaleString("en-GB")} ${template.unit}`,
          specification: template.descriptionVi,
          specificationEn: template.descriptionEn,
          quantity,
          unit: template.unit,
          priceDong: row.priceDong ?? null,
          deliveryTerms: random.pick(["FOB Cái Mép", "Giao tại kho bên bán", "CIF", "DAP"]),
          deliveryPlace: row.origin ?? null,
          expiresOn,
          status,
          publishedAt: status === "published" ? publishedAt : null,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        });
        offerBuyer.push(-1);
      }
    }
  }
  const offerIds: number[] = [];
  await insertChunked(offerRows, 250, async (chunk) => {
    offerIds.push(
      ...(await db.insert(offers).values(chunk).returning({ id: offers.id })).map((row) => row.id),
    );
  });

  // Quotes: the demo sellers answer buy offers of their province (the open ones and a few that closed with
  // their quote accepted), so "my quotes" and a closed RFQ have something to show.
  const quoteRows: (typeof quotes.$inferInsert)[] = [];
  const closures: { offerIndex: number; quoteIndex: number }[] = [];
  for (const province of slugs) {
    const tenant = provinceId.get(province)!;
    const sellerIndex = planned.findIndex((plan) => plan.isDemoSeller && plan.province === province);
    const userId = sellerUserId.get(province);
    if (userId === undefined) continue;
    const buyOffers = offerRows
      .map((row, index) => ({ row, index }))
      .filter(
        ({ row, index }) =>
          row.provinceId === tenant &&
          row.kind === "buy" &&
          row.status === "published" &&
          offerBuyer[index] !== sellerIndex,
      );
    for (const [position, { row, index }] of buyOffers.slice(0, 12).entries()) {
      const accepted = position < 2;
      const createdAt = new Date((row.publishedAt as Date).getTime() + random.int(1, 5) * dayMs);
      closures.push(...(accepted ? [{ offerIndex: index, quoteIndex: quoteRows.length }] : []));
      quoteRows.push({
        provinceId: tenant,
        offerId: offerIds[index]!,
        enterpriseId: enterpriseIds[sellerIndex]!,
        userId,
        priceDong: roundPrice(
          row.unit === "tấn" ? random.int(15_000, 120_000) * 1_000 : random.int(50, 500) * 1_000,
        ),
        quantity: row.quantity as number,
        unit: row.unit as string,
        validUntil: isoDay(new Date(createdAt.getTime() + 30 * dayMs)),
        message: "Chúng tôi đáp ứng đủ số lượng và quy cách, giao hàng trong 15 ngày kể từ khi ký hợp đồng.",
        status: accepted ? "accepted" : "submitted",
        decidedAt: accepted ? new Date(createdAt.getTime() + 3 * dayMs) : null,
        createdAt,
      });
    }
  }
  const quoteIds =
    quoteRows.length > 0
      ? (await db.insert(quotes).values(quoteRows).returning({ id: quotes.id })).map((row) => row.id)
      : [];
  for (const { offerIndex, quoteIndex } of closures) {
    await db
      .update(offers)
      .set({
        status: "closed",
        acceptedQuoteId: quoteIds[quoteIndex]!,
        closedAt: quoteRows[quoteIndex]!.decidedAt,
      })
      .where(eq(offers.id, offerIds[offerIndex]!));
  }

  // Inquiry threads from visitors (example.* addresses: no real person is written to).
  const buyers = [
    { name: "Kenji Tanaka", email: "k.tanaka@example.jp", company: "Tanaka Trading Co." },
    {
      name: "Nguyễn Thị Hạnh",
      email: "hanh.nguyen@example.vn",
      company: "Công ty TNHH Thực phẩm Sài Gòn Xanh",
    },
    { name: "Anna Müller", email: "a.mueller@example.de", company: "Müller Feinkost GmbH" },
  ];
  const buyerQuestions = [
    "Please quote your best FOB price for one 20' container, with the packing specification and lead time.",
    "Chào anh/chị, bên em cần báo giá cho 2 tấn, giao tại TP. Hồ Chí Minh. Xin gửi kèm chứng nhận chất lượng.",
    "Công ty có nhận gia công đóng gói theo nhãn riêng không? Số lượng tối thiểu mỗi lô là bao nhiêu?",
    "Xin cho biết thời gian giao hàng và điều kiện thanh toán khi đặt hàng thường xuyên hằng tháng.",
  ];
  const sellerReply =
    "Cảm ơn quý khách đã quan tâm. Chúng tôi gửi báo giá chi tiết và hồ sơ chất lượng qua e-mail trong hôm nay.";
  // Per province: three recent threads to the demo seller (its inbox), and threads to other enterprises spread
  // over the last twelve months (the statistics' inquiries per month).
  type PlannedInquiry = {
    row: typeof inquiries.$inferInsert;
    question: string;
    replyBy: number | null | undefined;
    answered: boolean;
  };
  const plannedInquiries: PlannedInquiry[] = [];
  for (const province of slugs) {
    const tenant = provinceId.get(province)!;
    const sellerIndex = planned.findIndex((plan) => plan.isDemoSeller && plan.province === province);
    const published = productRows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.provinceId === tenant && row.status === "published");
    const sellerProducts = published.filter(({ row }) => row.enterpriseId === enterpriseIds[sellerIndex]);
    for (let number = 0; number < 39; number += 1) {
      const isDemoThread = number < buyers.length;
      const product = isDemoThread
        ? sellerProducts[number % Math.max(1, sellerProducts.length)]
        : random.pick(published);
      if (!product) continue;
      const buyer = buyers[number % buyers.length]!;
      const startedAt = isDemoThread ? daysAgo(10 - number * 3) : daysAgo(random.int(12, 360));
      const answered = isDemoThread ? number < 2 : random.chance(0.7);
      // The visitor's secret link: derived from the seed, only its hash is kept, as the real flow keeps it.
      const token = createHash("sha256")
        .update(`floor-demo-inquiry:${seed}:${province}:${number}`)
        .digest("hex");
      plannedInquiries.push({
        row: {
          provinceId: tenant,
          enterpriseId: product.row.enterpriseId,
          productId: productIds[product.index]!,
          senderName: buyer.name,
          senderEmail: buyer.email,
          senderCompany: buyer.company,
          subject: `Hỏi giá: ${product.row.name}`,
          accessTokenHash: createHash("sha256").update(token).digest("hex"),
          lastMessageAt: answered ? new Date(startedAt.getTime() + dayMs) : startedAt,
          createdAt: startedAt,
        },
        question: buyerQuestions[number % buyerQuestions.length]!,
        replyBy: isDemoThread ? sellerUserId.get(province) : null,
        answered,
      });
    }
  }
  const inquiryIds = (
    await db
      .insert(inquiries)
      .values(plannedInquiries.map((item) => item.row))
      .returning({ id: inquiries.id })
  ).map((row) => row.id);
  await db.insert(inquiryMessages).values(
    plannedInquiries.flatMap((item, index) => [
      {
        inquiryId: inquiryIds[index]!,
        side: "buyer" as const,
        body: item.question,
        createdAt: item.row.createdAt as Date,
      },
      ...(item.answered
        ? [
            {
              inquiryId: inquiryIds[index]!,
              side: "seller" as const,
              authorUserId: item.replyBy ?? null,
              body: sellerReply,
              createdAt: item.row.lastMessageAt as Date,
            },
          ]
        : []),
    ]),
  );
  const inquiryCount = plannedInquiries.length;

  // Two open reports per province, so the officers' report queue has work in the demo.
  const reportRows: (typeof listingReports.$inferInsert)[] = [];
  for (const province of slugs) {
    const tenant = provinceId.get(province)!;
    const published = productRows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.provinceId === tenant && row.status === "published");
    const [first, second] = [random.pick(published), random.pick(published)];
    reportRows.push(
      {
        provinceId: tenant,
        listingType: "product",
        listingId: productIds[first.index]!,
        reason: "wrong-information",
        details: "Giá niêm yết thấp hơn nhiều so với giá thị trường, nghi ngờ thông tin không đúng.",
        reporterEmail: "nguoi.mua.hang@example.vn",
        createdAt: daysAgo(2),
      },
      {
        provinceId: tenant,
        listingType: "product",
        listingId: productIds[second.index]!,
        reason: "counterfeit",
        details: "Sản phẩm ghi chứng nhận OCOP nhưng không tìm thấy quyết định công nhận.",
        createdAt: daysAgo(1),
      },
    );
  }
  await db.insert(listingReports).values(reportRows);

  await rebuildSearchDocuments(
    db,
    slugs.map((slug) => provinceId.get(slug)!),
  );
  return {
    enterprises: planned.length,
    storefronts: storefrontRows.length,
    products: productRows.length,
    offers: offerRows.length,
    quotes: quoteRows.length,
    inquiries: inquiryCount,
  };
}
