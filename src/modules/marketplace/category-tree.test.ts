import { describe, expect, test } from "vitest";
import { categoryTree, findCategory, flattenCategories, maxCategoryDepth } from "./category-tree.ts";

const flat = flattenCategories();

describe("category tree", () => {
  test("slugs are unique across the whole tree", () => {
    const slugs = flat.map((entry) => entry.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  test("slugs are lowercase ASCII words joined by single hyphens (URL-safe)", () => {
    for (const { slug } of flat) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  test("every node has a Vietnamese and an English name", () => {
    for (const entry of flat) {
      expect(entry.nameVi.trim(), entry.slug).not.toBe("");
      expect(entry.nameEn.trim(), entry.slug).not.toBe("");
    }
  });

  test(`no node is deeper than ${maxCategoryDepth}, top-level groups have depth 1`, () => {
    expect(Math.max(...flat.map((entry) => entry.depth))).toBeLessThanOrEqual(maxCategoryDepth);
    expect(flat.filter((entry) => entry.depth === 1).map((entry) => entry.slug)).toEqual(
      categoryTree.map((group) => group.slug),
    );
  });

  test("the floor's seed lines from the 2011 plan are top-level groups", () => {
    const topLevel = categoryTree.map((group) => group.slug);
    for (const slug of ["thuy-san-xuat-khau", "may-moc-thiet-bi", "nong-san", "dich-vu", "ocop"]) {
      expect(topLevel).toContain(slug);
    }
  });

  test("OCOP has the six product groups of Decision 148/QĐ-TTg, each with sub-groups", () => {
    const ocop = categoryTree.find((group) => group.slug === "ocop")!;
    expect(ocop.children.map((group) => group.nameVi)).toEqual([
      "Thực phẩm",
      "Đồ uống",
      "Dược liệu và sản phẩm từ dược liệu",
      "Hàng thủ công mỹ nghệ",
      "Sinh vật cảnh",
      "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    ]);
    for (const group of ocop.children) expect(group.children.length, group.slug).toBeGreaterThan(0);
  });

  test("flattening lists parents before children and links each child to its parent", () => {
    const seen = new Set<string>();
    for (const entry of flat) {
      if (entry.parentSlug !== null) {
        expect(seen.has(entry.parentSlug)).toBe(true);
        expect(findCategory(entry.parentSlug)?.depth).toBe(entry.depth - 1);
      }
      seen.add(entry.slug);
    }
    expect(findCategory("tom")).toMatchObject({ parentSlug: "thuy-san-xuat-khau", depth: 2 });
    expect(findCategory("ocop-do-uong-co-con")).toMatchObject({ parentSlug: "ocop-do-uong", depth: 3 });
    expect(findCategory("khong-co")).toBeUndefined();
  });
});
