import { contextAs, type ServiceFixture, submitDossierFixture } from "../../../../test/helpers/services.ts";
import type { Executor } from "../../../db/client.ts";
import { performDossierAction } from "../dossiers/index.ts";

/** A multipart/form-data body as a browser sends it (fields, then files). */
export function multipartBody(
  fields: Record<string, string>,
  files: { name: string; filename: string; contentType: string; bytes: Buffer }[],
): { payload: Buffer; contentType: string } {
  const boundary = "----results-test-boundary-7d1e";
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A dossier of the demo enterprise taken through reception, appraisal at SCT-QLTM and a proposal, then approved
 * or rejected by the leader, through the core like the pages do. Returns the dossier id.
 */
export async function decideDossierFixture(
  db: Executor,
  fixture: ServiceFixture,
  decision: "approve" | "reject",
  options: { slug?: string; now?: Date; comment?: string } = {},
): Promise<number> {
  const slug = options.slug ?? "ba-ria-vung-tau";
  const now = options.now ?? new Date();
  const as = (name: string) => contextAs(db, slug, `${name}@${slug}.demo`);
  const id = await submitDossierFixture(db, fixture, { slug, receive: true, now });
  await performDossierAction(await as("motcua"), id, { action: "forward" }, { now });
  await performDossierAction(await as("thuongmai"), id, { action: "propose" }, { now });
  await performDossierAction(
    await as("lanhdao"),
    id,
    { action: decision, ...(decision === "reject" ? { comment: options.comment ?? "Thiếu điều kiện" } : {}) },
    { now },
  );
  return id;
}
