import { readFileSync } from "node:fs";
import { z } from "zod";
import { slugify } from "../../platform/text.ts";

const ReferenceFile = z.object({
  effectiveFrom: z.string(),
  current: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(["tỉnh", "thành phố"]),
      formerProvinces: z.array(z.object({ name: z.string(), code: z.string().regex(/^\d{2}$/) })).min(1),
    }),
  ),
  former: z.array(
    z.object({
      code: z.string().regex(/^\d{2}$/),
      name: z.string(),
      kind: z.enum(["tỉnh", "thành phố"]),
      validTo: z.string(),
    }),
  ),
});

export type ReferenceProvince = {
  slug: string;
  name: string;
  kind: string;
  status: "current" | "former";
  gsoCode: string | null;
  /** Slug of the current province that absorbed a former one. */
  successorSlug: string | null;
  changedOn: string;
};

const file = new URL("./provinces-2025.json", import.meta.url);

/**
 * The 34 current provinces (Resolution 202/2025/QH15) and the 63 former ones. A former province whose name
 * a current province also bears (Hà Nội, Đồng Tháp…) gets its GSO code in its slug so both can be addressed.
 */
export function readReferenceProvinces(): ReferenceProvince[] {
  const data = ReferenceFile.parse(JSON.parse(readFileSync(file, "utf8")));
  const currentSlugs = new Set(data.current.map((province) => slugify(province.name)));
  const successorByCode = new Map<string, string>();
  for (const province of data.current) {
    for (const former of province.formerProvinces) successorByCode.set(former.code, slugify(province.name));
  }
  const current: ReferenceProvince[] = data.current.map((province) => ({
    slug: slugify(province.name),
    name: province.name,
    kind: province.kind,
    status: "current",
    gsoCode: null,
    successorSlug: null,
    changedOn: data.effectiveFrom,
  }));
  const former: ReferenceProvince[] = data.former.map((province) => {
    const base = slugify(province.name);
    const successorSlug = successorByCode.get(province.code);
    if (!successorSlug) throw new Error(`Former province ${province.code} ${province.name} has no successor`);
    return {
      slug: currentSlugs.has(base) ? `${base}-${province.code}` : base,
      name: province.name,
      kind: province.kind,
      status: "former",
      gsoCode: province.code,
      successorSlug,
      changedOn: province.validTo,
    };
  });
  return [...current, ...former];
}
