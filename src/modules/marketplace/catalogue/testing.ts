import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import sharp from "sharp";
import type { Browser } from "../../../../test/helpers/app.ts";
import type { Executor } from "../../../db/client.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { auditLog } from "../../identity/schema.ts";

/** Test support: multipart posts built by hand (text fields and files), as a browser sends them. */
export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; bytes: Buffer; type?: string };

export function multipartBody(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = "----catalogue-test-4f1c9a";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ("filename" in part) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type ?? "application/octet-stream"}\r\n\r\n`,
        ),
        part.bytes,
        Buffer.from("\r\n"),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
        ),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart form with the CSRF token read from `formPage`. */
export async function postMultipart(
  app: FastifyInstance,
  browser: Browser,
  formPage: string,
  action: string,
  parts: Part[],
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

export function fields(values: Record<string, string>): Part[] {
  return Object.entries(values).map(([name, value]) => ({ name, value }));
}

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
