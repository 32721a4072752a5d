import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import sharp from "sharp";
import type { Browser } from "../../../../test/helpers/app.ts";
import { type MultipartPart, multipartBody } from "../../../../test/helpers/multipart.ts";
import type { Executor } from "../../../db/client.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";

/** Posts a multipart form with the CSRF token read from `formPage`. */
export async function postMultipart(
  app: FastifyInstance,
  browser: Browser,
  formPage: string,
  action: string,
  parts: MultipartPart[],
): Promise<LightMyRequestResponse> {
  const token = await browser.csrfToken(formPage);
  const { payload, contentType } = multipartBody([{ name: "_csrf", value: token }, ...parts]);
  const response = await app.inject({
    method: "POST",
    url: action,
    headers: { cookie: browser.jar.header(), "content-type": contentType },
    payload,
    remoteAddress: browser.remoteAddress,
  });
  browser.jar.store(response);
  return response;
}

/** A real PNG of the given size (sharp), so the upload pipeline decodes and resizes it. */
export function pngImage(width = 900, height = 600, color = { r: 20, g: 120, b: 200 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

/** Text fields as multipart parts. */
export { fieldParts as fields } from "../../../../test/helpers/multipart.ts";

/** The JSON-LD objects of a page. */
export function jsonLdOf(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );
}

/** How many audit rows record `action` on one entity. */
export async function countAudits(db: Executor, action: string, entityId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))));
  return row!.n;
}

/** How many uploaded files are stored: a refused upload must leave this unchanged. */
export async function countStoredFiles(db: Executor): Promise<number> {
  return (await db.select({ n: count() }).from(uploadedFiles))[0]!.n;
}
