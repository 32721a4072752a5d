import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError } from "../../../platform/errors.ts";
import { fileUrl } from "../../../platform/files.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { todayInVietnam } from "../../../platform/vn-format.ts";
import { enterprises } from "../../enterprises/schema.ts";
import { findProvinceBySlug, scopeOf } from "../../geo/index.ts";
import { hsChapterName } from "../hs-code.ts";
import { isOcopCertificateValid } from "../ocop.ts";
import { categories, products, storefronts } from "../schema.ts";
import { isPublicProduct, isPublicStorefront } from "../visibility.ts";
import { loadProductCertificates, loadProductImages } from "./services/products.ts";
import { loadGallery } from "./services/storefront.ts";

/**
 * Prices are integer đồng as JSON numbers (exact below 9 × 10^15 đồng, far above any listing); null means
 * "liên hệ" (price on request).
 */
const Dong = z
  .number()
  .int()
  .nullable()
  .describe("Price per unit in integer đồng (VND); null: price on request (liên hệ)");
const pageSize = 50;

const EnterpriseRef = z.object({
  id: z.number().int(),
  taxCode: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
});
const Image = z.object({ url: z.string(), thumbnailUrl: z.string(), alt: z.string().nullable() });
const StorefrontSummary = z.object({
  id: z.number().int(),
  slug: z.string(),
  url: z.string().describe("Public page"),
  enterprise: EnterpriseRef,
  introduction: z.string(),
  introductionEn: z.string().nullable(),
  logoUrl: z.string().nullable(),
  verifiedBadge: z.boolean().describe("“Đã xác thực bởi Sở Công Thương” granted"),
  publishedAt: z.string().nullable(),
});
const StorefrontBody = StorefrontSummary.extend({
  videoUrl: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  gallery: z.array(Image),
});
const Ocop = z
  .object({
    stars: z.number().int().min(1).max(5),
    certificateNumber: z.string().nullable(),
    certifiedOn: z.string().nullable().describe("ISO date"),
    expiresOn: z.string().nullable().describe("ISO date: 36 months after certification"),
    valid: z.boolean(),
  })
  .nullable();
const ProductSummary = z.object({
  id: z.number().int(),
  slug: z.string(),
  url: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  category: z.object({ slug: z.string(), name: z.string(), nameEn: z.string() }),
  priceDong: Dong,
  unit: z.string(),
  minOrderQuantity: z.number().nullable(),
  hsCode: z.string().nullable(),
  origin: z.string().nullable(),
  ocop: Ocop,
  enterprise: EnterpriseRef,
  publishedAt: z.string().nullable(),
});
const ProductBody = ProductSummary.extend({
  description: z.string(),
  descriptionEn: z.string().nullable(),
  hsChapter: z.object({ vi: z.string(), en: z.string() }).nullable(),
  images: z.array(Image),
  certificates: z.array(
    z.object({
      kind: z.enum(["co", "cq", "quality", "other"]),
      title: z.string(),
      number: z.string().nullable(),
      issuer: z.string().nullable(),
      issuedOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
      documentUrl: z.string().nullable(),
    }),
  ),
});
const Paged = <Item extends z.ZodType>(item: Item) =>
  z.object({
    province: z.object({ slug: z.string(), name: z.string() }),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    items: z.array(item),
  });

const enterpriseRefColumns = {
  id: enterprises.id,
  taxCode: enterprises.taxCode,
  name: enterprises.name,
  nameEn: enterprises.nameEn,
};

export async function catalogueApiRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const publicUrl = app.config.publicUrl.replace(/\/+$/, "");
  const absolute = (path: string) => `${publicUrl}${path}`;
  const hostedScope = () => app.hostedProvinces().flatMap((province) => province.scopeIds);
  const slugOfProvince = (provinceId: number) =>
    app.hostedProvinces().find((province) => province.scopeIds.includes(provinceId))?.slug ?? "";

  async function hostedProvince(slug: string) {
    const province = await findProvinceBySlug(app.database.db, slug);
    const hosted = app.hostedProvinces().find((item) => item.slug === slug);
    if (!province || !hosted) throw new NotFoundError("error.provinceNotFound", { slug });
    return { province, scope: scopeOf(province) };
  }

  const publicStorefront = isPublicStorefront();
  const publicProduct = isPublicProduct();

  function storefrontSummary(row: {
    storefront: typeof storefronts.$inferSelect;
    enterprise: z.infer<typeof EnterpriseRef>;
    logo: typeof uploadedFiles.$inferSelect | null;
  }) {
    return {
      id: row.storefront.id,
      slug: row.storefront.slug,
      url: absolute(`/${slugOfProvince(row.storefront.provinceId)}/storefronts/${row.storefront.slug}`),
      enterprise: row.enterprise,
      introduction: row.storefront.introduction,
      introductionEn: row.storefront.introductionEn,
      logoUrl: row.logo ? absolute(fileUrl(row.logo)) : null,
      verifiedBadge: row.storefront.badgeGrantedAt !== null,
      publishedAt: row.storefront.publishedAt?.toISOString() ?? null,
    };
  }

  app.get(
    "/api/v1/provinces/:slug/storefronts",
    {
      schema: {
        tags: ["marketplace"],
        summary: "Published storefronts of verified enterprises on a province's trading floor, newest first",
        params: z.object({ slug: z.string().max(60) }),
        querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
        response: { 200: Paged(StorefrontSummary) },
      },
    },
    async (request) => {
      const { province, scope } = await hostedProvince(request.params.slug);
      const where = and(publicStorefront, inArray(storefronts.provinceId, [...scope]));
      const [{ total } = { total: 0 }] = await app.database.db
        .select({ total: count() })
        .from(storefronts)
        .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
        .where(where);
      const rows = await app.database.db
        .select({ storefront: storefronts, enterprise: enterpriseRefColumns, logo: uploadedFiles })
        .from(storefronts)
        .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
        .leftJoin(uploadedFiles, eq(uploadedFiles.id, storefronts.logoFileId))
        .where(where)
        .orderBy(desc(storefronts.publishedAt), desc(storefronts.id))
        .limit(pageSize)
        .offset((request.query.page - 1) * pageSize);
      return {
        province: { slug: province.slug, name: province.name },
        page: request.query.page,
        pageSize,
        total,
        items: rows.map(storefrontSummary),
      };
    },
  );

  app.get(
    "/api/v1/storefronts/:id",
    {
      schema: {
        tags: ["marketplace"],
        summary: "A published storefront: introduction, contacts, gallery",
        params: z.object({ id: z.coerce.number().int().positive().max(2_000_000_000) }),
        response: { 200: StorefrontBody },
      },
    },
    async (request) => {
      const [row] = await app.database.db
        .select({ storefront: storefronts, enterprise: enterpriseRefColumns, logo: uploadedFiles })
        .from(storefronts)
        .innerJoin(enterprises, eq(enterprises.id, storefronts.enterpriseId))
        .leftJoin(uploadedFiles, eq(uploadedFiles.id, storefronts.logoFileId))
        .where(
          and(
            publicStorefront,
            eq(storefronts.id, request.params.id),
            inArray(storefronts.provinceId, hostedScope()),
          ),
        );
      if (!row) throw new NotFoundError("catalogue.storefront.notFound");
      const gallery = await loadGallery({ db: app.database.db }, row.storefront.id);
      return {
        ...storefrontSummary(row),
        videoUrl: row.storefront.videoUrl,
        contactName: row.storefront.contactName,
        contactPhone: row.storefront.contactPhone,
        contactEmail: row.storefront.contactEmail,
        gallery: gallery.map((image) => ({
          url: absolute(fileUrl(image.file)),
          thumbnailUrl: absolute(fileUrl(image.file, "thumbnail")),
          alt: image.caption,
        })),
      };
    },
  );

  const productColumns = {
    product: products,
    enterprise: enterpriseRefColumns,
    category: { slug: categories.slug, name: categories.name, nameEn: categories.nameEn },
  };
  type ProductListRow = {
    product: typeof products.$inferSelect;
    enterprise: z.infer<typeof EnterpriseRef>;
    category: { slug: string; name: string; nameEn: string };
  };

  function productSummary(row: ProductListRow) {
    const { product } = row;
    return {
      id: product.id,
      slug: product.slug,
      url: absolute(`/${slugOfProvince(product.provinceId)}/products/${product.slug}`),
      name: product.name,
      nameEn: product.nameEn,
      category: row.category,
      priceDong: product.priceDong === null ? null : Number(product.priceDong),
      unit: product.unit,
      minOrderQuantity: product.minOrderQuantity,
      hsCode: product.hsCode,
      origin: product.origin,
      ocop: product.ocopStars
        ? {
            stars: product.ocopStars,
            certificateNumber: product.ocopCertificateNumber,
            certifiedOn: product.ocopCertifiedOn,
            expiresOn: product.ocopExpiresOn,
            valid: product.ocopCertifiedOn
              ? isOcopCertificateValid(product.ocopCertifiedOn, todayInVietnam())
              : false,
          }
        : null,
      enterprise: row.enterprise,
      publishedAt: product.publishedAt?.toISOString() ?? null,
    };
  }

  app.get(
    "/api/v1/provinces/:slug/products",
    {
      schema: {
        tags: ["marketplace"],
        summary: "Published products of verified enterprises on a province's floor, newest first",
        description: "`category` (a category slug) includes the products of its sub-categories.",
        params: z.object({ slug: z.string().max(60) }),
        querystring: z.object({
          category: z.string().max(100).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
        response: { 200: Paged(ProductSummary) },
      },
    },
    async (request) => {
      const { province, scope } = await hostedProvince(request.params.slug);
      const conditions: SQL[] = [publicProduct!, inArray(products.provinceId, [...scope])];
      if (request.query.category) {
        const [category] = await app.database.db
          .select({ id: categories.id })
          .from(categories)
          .where(eq(categories.slug, request.query.category));
        if (!category) throw new NotFoundError("catalogue.category.notFound");
        conditions.push(sql`${categories.path} @> array[${category.id}]::int[]`);
      }
      const where = and(...conditions);
      const [{ total } = { total: 0 }] = await app.database.db
        .select({ total: count() })
        .from(products)
        .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(where);
      const rows = await app.database.db
        .select(productColumns)
        .from(products)
        .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(where)
        .orderBy(desc(products.publishedAt), desc(products.id))
        .limit(pageSize)
        .offset((request.query.page - 1) * pageSize);
      return {
        province: { slug: province.slug, name: province.name },
        page: request.query.page,
        pageSize,
        total,
        items: rows.map(productSummary),
      };
    },
  );

  app.get(
    "/api/v1/products/:id",
    {
      schema: {
        tags: ["marketplace"],
        summary: "A published product: description, images, OCOP rating, certificates",
        params: z.object({ id: z.coerce.number().int().positive().max(2_000_000_000) }),
        response: { 200: ProductBody },
      },
    },
    async (request) => {
      const [row] = await app.database.db
        .select(productColumns)
        .from(products)
        .innerJoin(enterprises, eq(enterprises.id, products.enterpriseId))
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(
          and(publicProduct, eq(products.id, request.params.id), inArray(products.provinceId, hostedScope())),
        );
      if (!row) throw new NotFoundError("catalogue.product.notFound");
      const [images, certificates] = await Promise.all([
        loadProductImages(app.database.db, row.product.id),
        loadProductCertificates(app.database.db, row.product.id),
      ]);
      return {
        ...productSummary(row),
        description: row.product.description,
        descriptionEn: row.product.descriptionEn,
        hsChapter: row.product.hsCode ? (hsChapterName(row.product.hsCode.slice(0, 2)) ?? null) : null,
        images: images.map((image) => ({
          url: absolute(fileUrl(image.file)),
          thumbnailUrl: absolute(fileUrl(image.file, "thumbnail")),
          alt: image.alt,
        })),
        certificates: certificates.map((certificate) => ({
          kind: certificate.kind,
          title: certificate.title,
          number: certificate.number,
          issuer: certificate.issuer,
          issuedOn: certificate.issuedOn,
          expiresOn: certificate.expiresOn,
          documentUrl: certificate.file ? absolute(fileUrl(certificate.file)) : null,
        })),
      };
    },
  );
}
