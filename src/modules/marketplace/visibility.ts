import { and, eq, gte, inArray, type SQL } from "drizzle-orm";
import { todayInVietnam } from "../../platform/vn-format.ts";
import { enterprises } from "../enterprises/schema.ts";
import { offers, products, storefronts } from "./schema.ts";

/*
 * Who may see a listing of the trading floor, as SQL conditions. Each assumes the query joins `enterprises` on
 * the listing's enterprise: only a verified enterprise's listings are public.
 */

/** A storefront the public may see: published by the officers, of a verified enterprise. */
export function isPublicStorefront(): SQL {
  return and(eq(storefronts.status, "published"), eq(enterprises.status, "verified"))!;
}

/** A product the public may see: published by the officers, of a verified enterprise. */
export function isPublicProduct(): SQL {
  return and(eq(products.status, "published"), eq(enterprises.status, "verified"))!;
}

/** An offer listed as open: published and not past its last day in Vietnam, of a verified enterprise. */
export function isOpenOffer(today = todayInVietnam()): SQL {
  return and(
    eq(offers.status, "published"),
    gte(offers.expiresOn, today),
    eq(enterprises.status, "verified"),
  )!;
}

/** An offer readable at its address: published or closed (the page says it is closed), of a verified enterprise. */
export function isReadableOffer(): SQL {
  return and(inArray(offers.status, ["published", "closed"]), eq(enterprises.status, "verified"))!;
}
