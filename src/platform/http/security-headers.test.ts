import { afterAll, beforeAll, expect, test } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/helpers/app.ts";

let testApp: TestApp;
beforeAll(async () => {
  testApp = await buildTestApp({ withDemoData: false });
});
afterAll(() => testApp.close());

test("pages, the JSON API and errors carry the security headers: the content policy, no sniffing, no framing", async () => {
  for (const url of ["/", "/api/v1/search?q=ca+phe", "/khong-co-trang-nay"]) {
    const response = await testApp.app.inject({ method: "GET", url });
    const policy = String(response.headers["content-security-policy"]);
    expect(policy, url).toContain("default-src 'self'");
    expect(policy, url).toContain("script-src 'self'");
    expect(policy, url).toContain("img-src 'self' data:");
    expect(policy, url).toContain("form-action 'self'");
    expect(policy, url).toContain("frame-ancestors 'none'");
    expect(policy, url).not.toContain("upgrade-insecure-requests");
    expect(response.headers["x-content-type-options"], url).toBe("nosniff");
    expect(response.headers["x-frame-options"], url).toBe("SAMEORIGIN");
    expect(response.headers["referrer-policy"], url).toBe("no-referrer");
    // Served over http here (PUBLIC_URL is not https): no HSTS, which would lock browsers out of plain http.
    expect(response.headers["strict-transport-security"], url).toBeUndefined();
  }
});
