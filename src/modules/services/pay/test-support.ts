// Helpers shared by the payment tests (not loaded by the app).
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Browser } from "../../../../test/helpers/app.ts";
import { buildSignedQuery } from "../payments/vnpay-signing.ts";

/** A redirect's target as a path the test can inject ("http://127.0.0.1:3000/x?y" → "/x?y"). */
export function locationPath(response: LightMyRequestResponse): string {
  const location = response.headers.location;
  if (typeof location !== "string") throw new Error(`no redirect (status ${response.statusCode})`);
  const url = new URL(location, "http://localhost");
  return `${url.pathname}${url.search}`;
}

/** Pays a dossier's fee in the simulator as a browser would: fee page → VNPay button → simulator → outcome. */
export async function payInSimulator(
  browser: Browser,
  payPage: string,
  outcome: "success" | "cancelled" | "insufficient-funds",
): Promise<{ returnPath: string; simulatorPath: string }> {
  const started = await browser.submit(payPage, payPage, {});
  if (started.statusCode !== 303) throw new Error(`pay: ${started.statusCode} ${started.body.slice(0, 500)}`);
  const simulatorPath = locationPath(started);
  const page = await browser.get(simulatorPath);
  const signed = /name="request" value="([^"]+)"/.exec(page.body)?.[1]?.replaceAll("&amp;", "&");
  if (!signed) throw new Error(`simulator page: ${page.statusCode}`);
  const chosen = await browser.submit(simulatorPath, "/payment-simulator/pay", { request: signed, outcome });
  if (chosen.statusCode !== 303)
    throw new Error(`simulator: ${chosen.statusCode} ${chosen.body.slice(0, 500)}`);
  return { returnPath: locationPath(chosen), simulatorPath };
}

/** The IPN VNPay would send, delivered over HTTP; returns VNPay's {RspCode, Message}. */
export async function deliverIpn(
  app: FastifyInstance,
  query: string,
): Promise<{ RspCode: string; Message: string }> {
  const response = await app.inject({ method: "GET", url: `/api/v1/payments/vnpay/ipn?${query}` });
  return response.json() as { RspCode: string; Message: string };
}

// Reading the text of an uncompressed PDF: pdfkit writes glyph ids that only the font's ToUnicode map turns
// back into characters (same approach as plans/export/exports.test.ts).
export function extractPdfText(buffer: Buffer): string {
  const pdf = buffer.toString("latin1");
  const objects = new Map(
    [...pdf.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)].map((match) => [Number(match[1]), match[2]!]),
  );
  const glyphs = new Map<string, Map<number, string>>();
  for (const [, name, id] of pdf.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(id)) ?? "")?.[1];
    if (!toUnicode) continue;
    const map = new Map<number, string>();
    const cmap = objects.get(Number(toUnicode)) ?? "";
    for (const [, start, entries] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
      [...entries!.matchAll(/<([0-9a-f]+)>/gi)].forEach((entry, index) => {
        const units = (entry[1]!.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16));
        map.set(Number.parseInt(start!, 16) + index, String.fromCharCode(...units));
      });
    }
    glyphs.set(name!, map);
  }
  let text = "";
  for (const [, block = ""] of pdf.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
    const font = glyphs.get(/\/(F\d+) [\d.]+ Tf/.exec(block)?.[1] ?? "") ?? new Map<number, string>();
    for (const [, array = ""] of block.matchAll(/\[([^\]]*)\] TJ/g))
      for (const [, hex = ""] of array.matchAll(/<([0-9a-f]+)>/gi))
        for (const id of hex.match(/.{4}/g) ?? []) text += font.get(Number.parseInt(id, 16)) ?? "\ufffd";
  }
  return text;
}

/** A gateway result changed and signed again with the gateway's key: genuine-looking, but not what was sent. */
export function resignedQuery(
  params: Record<string, string>,
  changes: Record<string, string>,
  hashSecret: string,
): string {
  const unsigned = Object.fromEntries(
    Object.entries({ ...params, ...changes }).filter(([name]) => name !== "vnp_SecureHash"),
  );
  return buildSignedQuery(unsigned, hashSecret);
}
