import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { provinceIdOf } from "../../../../test/helpers/floor.ts";
import { products, searchDocuments } from "../schema.ts";
import { refreshProductDocument } from "../search/documents.ts";
import { escapeXml, floorPages, renderUrlSet, sitemapPageCount, sitemapPageSize } from "./sitemap.ts";

let testApp: TestApp;
let baseUrl: string;
beforeAll(async () => {
  testApp = await buildTestApp();
  baseUrl = testApp.app.config.publicUrl.replace(/\/$/, "");
}, 60_000);
afterAll(() => testApp.close());

type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * A strict little XML reader for the sitemap tests: elements, attributes and text; it throws on a tag that
 * does not close, a closing tag that does not match, an unknown entity or a bare "&" or "<" in text.
 */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  const decode = (text: string) =>
    text.replace(/&([a-z]+|#\d+);|&/g, (whole, name: string | undefined) => {
      if (name === undefined) throw new Error("bare & in XML text");
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      const value = entities[name];
      if (value === undefined) throw new Error(`unknown entity ${whole}`);
      return value;
    });
  for (const token of body.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (token.startsWith("</")) {
      const name = token.slice(2, -1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else if (token.startsWith("<")) {
      const match = /^<([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>$/.exec(token);
      if (!match) throw new Error(`malformed tag ${token}`);
      const attributes = Object.fromEntries(
        [...match[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((item) => [item[1]!, decode(item[2]!)]),
      );
      const element: XmlElement = { name: match[1]!, attributes, children: [], text: "" };
      stack.at(-1)!.children.push(element);
      if (match[3] !== "/") stack.push(element);
    } else {
      stack.at(-1)!.text += decode(token);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> never closes`);
  if (root.children.length !== 1) throw new Error("an XML document has one root element");
  return root.children[0]!;
}

const childText = (element: XmlElement, name: string) =>
  element.children.find((child) => child.name === name)?.text ?? null;

describe("robots.txt", () => {
  test("allows public pages, disallows admin, account and API paths, and names the sitemaps", async () => {
    const response = await testApp.app.inject("/robots.txt");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    const lines = response.body.split("\n");
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain("Allow: /");
    expect(lines).toContain("Disallow: /api/");
    expect(lines).toContain("Disallow: /*/admin");
    expect(lines).toContain("Disallow: /*/my");
    expect(lines).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${baseUrl}/ba-ria-vung-tau/sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${baseUrl}/dong-thap/sitemap.xml`);
  });
});

describe("sitemaps", () => {
  test("/sitemap.xml is a sitemap index of every hosted province's sitemap, absolute URLs", async () => {
    const response = await testApp.app.inject("/sitemap.xml");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/xml");
    const index = parseXml(response.body);
    expect(index.name).toBe("sitemapindex");
    expect(index.attributes.xmlns).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locations = index.children.map((child) => childText(child, "loc"));
    expect(locations).toEqual(
      expect.arrayContaining([`${baseUrl}/ba-ria-vung-tau/sitemap.xml`, `${baseUrl}/dong-thap/sitemap.xml`]),
    );
  });

  test("a province's sitemap lists the floor pages and every public storefront, product and open offer with lastmod", async () => {
    const response = await testApp.app.inject("/dong-thap/sitemap.xml");
    expect(response.statusCode).toBe(200);
    const urlset = parseXml(response.body);
    expect(urlset.name).toBe("urlset");
    const entries = urlset.children.map((child) => ({
      loc: childText(child, "loc")!,
      lastmod: childText(child, "lastmod"),
    }));
    const locs = new Set(entries.map((entry) => entry.loc));
    for (const path of ["floor", "offers", "opportunities", "exporters"])
      expect(locs.has(`${baseUrl}/dong-thap/${path}`)).toBe(true);
    // The search page asks not to be indexed (noindex): it is not in the sitemap.
    expect([...locs].some((loc) => loc.includes("/search"))).toBe(false);
    for (const entry of entries) expect(entry.loc.startsWith(`${baseUrl}/dong-thap/`)).toBe(true);

    const db = testApp.database.db;
    const listed = entries.filter((entry) => /\/(storefronts|products|offers)\/[^/]+$/.test(entry.loc));
    expect(listed.length).toBeGreaterThan(300);
    for (const entry of listed) expect(entry.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(listed.some((entry) => entry.loc.includes("/storefronts/"))).toBe(true);
    expect(listed.some((entry) => entry.loc.includes("/offers/"))).toBe(true);
    // Not public (draft, pending, hidden) → not listed.
    const [draft] = await db
      .select({ slug: products.slug })
      .from(products)
      .where(eq(products.status, "draft"))
      .limit(1);
    expect(locs.has(`${baseUrl}/dong-thap/products/${draft!.slug}`)).toBe(false);
  });

  test("the pages the sitemap lists answer 200 (the fixed pages and the first listings of each kind)", async () => {
    const urlset = parseXml((await testApp.app.inject("/ba-ria-vung-tau/sitemap.xml")).body);
    const paths = urlset.children.map((child) => childText(child, "loc")!.slice(baseUrl.length));
    const sample = [
      ...paths.filter((path) => !/\/(storefronts|products|offers)\//.test(path)),
      ...["storefronts", "products", "offers"].flatMap((kind) =>
        paths.filter((path) => path.includes(`/${kind}/`)).slice(0, 3),
      ),
    ];
    expect(sample.length).toBe(4 + 9);
    for (const path of sample) {
      const response = await testApp.app.inject(path);
      expect({ path, status: response.statusCode }).toEqual({ path, status: 200 });
    }
  });

  test("a product hidden by an officer leaves the sitemap", async () => {
    const db = testApp.database.db;
    const brvt = await provinceIdOf(db, "ba-ria-vung-tau");
    const [document] = await db
      .select({ id: searchDocuments.docId, slug: searchDocuments.slug })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.docType, "product"), eq(searchDocuments.provinceId, brvt)))
      .limit(1);
    const hasProduct = (set: XmlElement) =>
      set.children.some(
        (child) => childText(child, "loc") === `${baseUrl}/ba-ria-vung-tau/products/${document!.slug}`,
      );
    expect(hasProduct(parseXml((await testApp.app.inject("/ba-ria-vung-tau/sitemap.xml")).body))).toBe(true);
    await db.update(products).set({ status: "hidden" }).where(eq(products.id, document!.id));
    await refreshProductDocument(db, document!.id);
    expect(hasProduct(parseXml((await testApp.app.inject("/ba-ria-vung-tau/sitemap.xml")).body))).toBe(false);
  });

  test("an unknown province or page answers 404", async () => {
    expect((await testApp.app.inject("/khong-co-tinh/sitemap.xml")).statusCode).toBe(404);
    expect((await testApp.app.inject("/dong-thap/sitemap.xml?page=2")).statusCode).toBe(404);
  });
});

test("XML is escaped: a slug or host with & < > quotes stays well-formed", () => {
  const xml = renderUrlSet("https://tmdt.example.vn", [
    { path: "/dong-thap/products/a&b<c>\"d'", lastmod: new Date("2025-07-01T01:02:03Z") },
  ]);
  const urlset = parseXml(xml);
  expect(childText(urlset.children[0]!, "loc")).toBe("https://tmdt.example.vn/dong-thap/products/a&b<c>\"d'");
  expect(childText(urlset.children[0]!, "lastmod")).toBe("2025-07-01T01:02:03Z");
  expect(escapeXml("&<>\"'")).toBe("&amp;&lt;&gt;&quot;&apos;");
  expect(() => parseXml("<urlset><url><loc>a & b</loc></url></urlset>")).toThrow();
});

test("a province with more listings than one sitemap file holds is split into files of 50,000 URLs", () => {
  expect(sitemapPageCount(0)).toBe(1);
  expect(sitemapPageCount(sitemapPageSize - floorPages.length)).toBe(1);
  expect(sitemapPageCount(sitemapPageSize - floorPages.length + 1)).toBe(2);
  expect(sitemapPageCount(1_000_000)).toBe(21);
});
