import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../../db/client.ts";
import { executePrepared, intArray } from "../../../db/prepared.ts";
import { type FieldIssue, ValidationError } from "../../../platform/errors.ts";
import { parseAmountToDong } from "../../../platform/vn-number-parse.ts";
import {
  defaultCriteria,
  maxPage,
  maxPageSize,
  type SearchCriteria,
  searchSorts,
  searchTypes,
} from "./query.ts";

/**
 * The search parameters as they arrive in a URL (the page's GET form and GET /api/v1/search take the same
 * names). Empty fields count as absent, so an untouched filter form adds nothing.
 */
export const searchParamsShape = {
  q: z.string().max(200, "search.error.q").optional().describe("Words to find, with or without diacritics"),
  type: z.enum(searchTypes, { message: "search.error.type" }).optional(),
  province: z
    .string()
    .optional()
    .describe(
      "API only: the slug of a hosted province whose floor to search (default: every hosted province)",
    ),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, "search.error.category")
    .optional(),
  kind: z.enum(["sell", "buy"], { message: "search.error.kind" }).optional().describe("Offers only"),
  addressProvince: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, "search.error.addressProvince")
    .optional()
    .describe("Slug of the province in the enterprise's address"),
  commune: z
    .string()
    .regex(/^\d{1,10}$/, "search.error.commune")
    .optional()
    .describe("Commune code"),
  ocop: z
    .enum(["1", "2", "3", "4", "5"], { message: "search.error.ocop" })
    .optional()
    .describe("Minimum stars"),
  verified: z.enum(["1", "true", "on"], { message: "search.error.verified" }).optional(),
  priceMin: z.string().max(30, "search.error.price").optional().describe("đồng, e.g. 1.500.000"),
  priceMax: z.string().max(30, "search.error.price").optional().describe("đồng, e.g. 1.500.000"),
  sort: z.enum(searchSorts, { message: "search.error.sort" }).optional(),
  page: z
    .string()
    .regex(/^\d{1,4}$/, "search.error.page")
    .optional(),
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, "search.error.pageSize")
    .optional(),
};
export const searchParamsSchema = z.object(searchParamsShape);
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** Drops empty and repeated values (the first wins) the way a GET form sends them. */
export function cleanParams(raw: unknown): Record<string, string> {
  const clean: Record<string, string> = {};
  if (!raw || typeof raw !== "object") return clean;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first !== "string") continue;
    const trimmed = first.normalize("NFC").trim();
    if (trimmed !== "" && key in searchParamsShape) clean[key] = trimmed;
  }
  return clean;
}

function parsePrice(field: string, text: string | undefined, issues: FieldIssue[]): bigint | null {
  if (text === undefined) return null;
  // "1.500.000 ₫", "1500000đ", "1 500 000": the currency sign and spaces are allowed around the number.
  const bare = text.replace(/\s*(₫|đ|đồng|vnd|VND)\s*$/u, "").replace(/[\s\u00a0]/g, "");
  const parsed = parseAmountToDong(bare, "dong");
  if (!parsed.ok || parsed.dong < 0n) {
    issues.push({ field, messageKey: "search.error.price" });
    return null;
  }
  return parsed.dong;
}

/**
 * Checks the parameters and turns slugs and codes into ids (the category, the address province among the
 * portal's `scopeIds`, its commune). Every problem is reported at once, as field issues.
 */
export async function resolveSearchCriteria(
  db: Executor,
  raw: unknown,
  scopeIds: readonly number[],
): Promise<{ criteria: SearchCriteria; params: Record<string, string> }> {
  const params = cleanParams(raw);
  const parsed = searchParamsSchema.safeParse(params);
  const issues: FieldIssue[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join(".") || "form";
      if (issues.some((known) => known.field === field)) continue;
      issues.push({
        field,
        messageKey: issue.message.startsWith("search.") ? issue.message : "validation.invalid",
      });
    }
    // Prices are checked here too, so every problem is reported at once.
    for (const field of ["priceMin", "priceMax"] as const)
      if (!issues.some((known) => known.field === field)) parsePrice(field, params[field], issues);
    throw new ValidationError(issues);
  }
  const input = parsed.data;
  const criteria: SearchCriteria = { ...defaultCriteria, q: input.q ?? "", type: input.type ?? "all" };
  if (input.kind) criteria.kind = input.kind;
  if (input.ocop) criteria.ocopMin = Number(input.ocop);
  criteria.verifiedOnly = input.verified !== undefined;
  criteria.sort = input.sort ?? null;
  criteria.priceMin = parsePrice("priceMin", input.priceMin, issues);
  criteria.priceMax = parsePrice("priceMax", input.priceMax, issues);
  if (criteria.priceMin !== null && criteria.priceMax !== null && criteria.priceMin > criteria.priceMax)
    issues.push({ field: "priceMax", messageKey: "search.error.priceRange" });
  if (input.page) {
    const page = Number(input.page);
    if (page < 1 || page > maxPage) issues.push({ field: "page", messageKey: "search.error.page" });
    else criteria.page = page;
  }
  if (input.pageSize) {
    const pageSize = Number(input.pageSize);
    if (pageSize < 1 || pageSize > maxPageSize)
      issues.push({ field: "pageSize", messageKey: "search.error.pageSize" });
    else criteria.pageSize = pageSize;
  }
  if (input.category) {
    const [row] = await executePrepared<{ id: number }>(
      db,
      "search",
      sql`select id from categories where slug = ${input.category}`,
    );
    if (row) criteria.categoryId = row.id;
    else issues.push({ field: "category", messageKey: "search.error.category" });
  }
  if (input.addressProvince) {
    const [row] = await executePrepared<{ id: number }>(
      db,
      "search",
      sql`select id from provinces where slug = ${input.addressProvince}`,
    );
    if (row) criteria.addressProvinceId = row.id;
    else issues.push({ field: "addressProvince", messageKey: "search.error.addressProvince" });
  }
  if (input.commune) {
    const provinceIds = criteria.addressProvinceId !== null ? [criteria.addressProvinceId] : [...scopeIds];
    const [row] =
      provinceIds.length === 0
        ? []
        : await executePrepared<{ id: number }>(
            db,
            "search",
            sql`select id from communes where code = ${input.commune} and province_id = any(${intArray(provinceIds)})
              limit 1`,
          );
    if (row) criteria.communeId = row.id;
    else issues.push({ field: "commune", messageKey: "search.error.commune" });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { criteria, params };
}
