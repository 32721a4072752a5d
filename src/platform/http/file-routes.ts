import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../errors.ts";
import { readStoredObject } from "../files.ts";

const contentTypes: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Serves public uploads (listing images, documents of published offers) by their random key; keys never change,
 * so responses are cached for a year. Private files (`private/…`) are not served here: their module checks who asks.
 */
export async function fileRoutes(app: FastifyInstance) {
  app.get<{ Params: { "*": string } }>("/files/*", async (request, reply) => {
    const key = request.params["*"];
    if (key.startsWith("private/")) throw new NotFoundError();
    const bytes = await readStoredObject(key);
    if (!bytes) throw new NotFoundError();
    const extension = key.slice(key.lastIndexOf(".") + 1);
    const contentType = contentTypes[extension] ?? "application/octet-stream";
    if (!contentType.startsWith("image/")) reply.header("content-disposition", "attachment");
    return reply
      .header("content-type", contentType)
      .header("cache-control", "public, max-age=31536000, immutable")
      .send(bytes);
  });
}
