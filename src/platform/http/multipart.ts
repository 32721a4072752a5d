import type { MultipartFile, MultipartValue } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { IncomingFile } from "../files.ts";

type Part = MultipartValue<unknown> | MultipartFile;

export type ParsedMultipart = {
  /** Text fields; a repeated field (checkboxes) becomes an array. */
  fields: Record<string, string | string[]>;
  /** Files by field name, without the empty parts browsers send for an untouched file input. */
  files: Record<string, IncomingFile[]>;
};

/** Reads a form posted as multipart/form-data (or urlencoded, which has no files) into plain values. */
export async function readMultipart(request: FastifyRequest): Promise<ParsedMultipart> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(body)) {
      if (typeof value === "string") fields[name] = value;
      else if (Array.isArray(value)) fields[name] = value.map(String);
    }
    return { fields, files: {} };
  }
  const body = (request.body ?? {}) as Record<string, Part | Part[] | undefined>;
  const fields: Record<string, string | string[]> = {};
  const files: Record<string, IncomingFile[]> = {};
  for (const [name, entry] of Object.entries(body)) {
    const parts = Array.isArray(entry) ? entry : entry ? [entry] : [];
    const values: string[] = [];
    for (const part of parts) {
      if (part.type === "field") values.push(String(part.value));
      else if (part.filename) {
        const bytes = await part.toBuffer();
        if (bytes.length > 0) files[name] = [...(files[name] ?? []), { filename: part.filename, bytes }];
      }
    }
    if (values.length === 1) fields[name] = values[0]!;
    else if (values.length > 1) fields[name] = values;
  }
  return { fields, files };
}
