import { contextAs, type ServiceFixture, submitDossierFixture } from "../../../../test/helpers/services.ts";
import type { Executor } from "../../../db/client.ts";
import { performDossierAction } from "../dossiers/index.ts";

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
