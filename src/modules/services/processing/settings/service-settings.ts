import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../../../db/client.ts";
import { recordAudit } from "../../../../platform/audit.ts";
import { assertCan } from "../../../../platform/authorization.ts";
import { ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { parseInput } from "../../../../platform/validation.ts";
import { getServiceSettings, type ServiceSettings } from "../../dossiers/index.ts";
import { dossierSequences, serviceSettings } from "../../schema.ts";
import {
  AGENCY_CODE_PATTERN,
  compileDossierCodePattern,
  DossierCodePatternError,
  DossierSequenceOverflowError,
  formatDossierCode,
  getSequenceDay,
} from "../../workflow/index.ts";

const agencyCodeExact = new RegExp(`^(?:${AGENCY_CODE_PATTERN.source})$`);

export const ServiceSettingsInput = z.object({
  agencyCode: z
    .string()
    .trim()
    .min(1, "validation.required")
    .regex(agencyCodeExact, "services.processing.settings.validation.agencyCode"),
  codePattern: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
  // The hour a province's one-stop regulation sets; a dossier received later counts from the next working day.
  cutOffTime: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "services.processing.settings.validation.cutOffTime"),
});
export type ServiceSettingsInput = z.output<typeof ServiceSettingsInput>;

/** What the next dossier code of today would be; null when the pattern or the agency code is unusable. */
async function previewNextCode(db: Executor, provinceId: number, input: ServiceSettingsInput, now: Date) {
  const [row] = await db
    .select({ lastValue: dossierSequences.lastValue })
    .from(dossierSequences)
    .where(and(eq(dossierSequences.provinceId, provinceId), eq(dossierSequences.day, getSequenceDay(now))));
  const pattern = compileDossierCodePattern(input.codePattern);
  return formatDossierCode(pattern, {
    agencyCode: input.agencyCode,
    receivedAt: now,
    sequence: (row?.lastValue ?? 0) + 1,
  });
}

/** The pattern's problem as a field issue ("missing:seq", "unknown-token:{x}"…), so the form can say which. */
function checkPattern(input: ServiceSettingsInput): void {
  try {
    compileDossierCodePattern(input.codePattern);
  } catch (error) {
    if (!(error instanceof DossierCodePatternError)) throw error;
    const separator = error.problem.indexOf(":");
    const problem = separator < 0 ? error.problem : error.problem.slice(0, separator);
    const detail = separator < 0 ? "" : error.problem.slice(separator + 1);
    throw new ValidationError([
      {
        field: "codePattern",
        messageKey: `services.processing.settings.validation.pattern.${problem.replace(/-./g, (part) => part[1]!.toUpperCase())}`,
        params: { detail: detail.startsWith("{") || detail === "" ? detail : `{${detail}}` },
      },
    ]);
  }
}

export type SettingsView = { settings: ServiceSettings; preview: string | null };

export async function getSettingsView(ctx: ServiceContext, now = new Date()): Promise<SettingsView> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  const settings = await getServiceSettings(ctx.db, ctx.province.id);
  return { settings, preview: await safePreview(ctx, settings, now) };
}

async function safePreview(ctx: ServiceContext, input: ServiceSettingsInput, now: Date) {
  try {
    return await previewNextCode(ctx.db, ctx.province.id, input, now);
  } catch (error) {
    if (error instanceof DossierCodePatternError || error instanceof DossierSequenceOverflowError)
      return null;
    throw error;
  }
}

/** Checks typed settings without saving them and returns the next code they would give. */
export async function previewServiceSettings(ctx: ServiceContext, form: unknown, now = new Date()) {
  assertCan(ctx.actor, "services.manage", ctx.province);
  const input = parseInput(ServiceSettingsInput, form);
  checkPattern(input);
  return previewNextCode(ctx.db, ctx.province.id, input, now);
}

/** Saves the one-stop settings (audited); codes already given keep their form, new ones follow the pattern. */
export async function updateServiceSettings(
  ctx: ServiceContext,
  form: unknown,
): Promise<ServiceSettingsInput> {
  const actor = assertCan(ctx.actor, "services.manage", ctx.province);
  const input = parseInput(ServiceSettingsInput, form);
  checkPattern(input);
  await ctx.db.transaction(async (tx) => {
    const before = await getServiceSettings(tx, ctx.province.id);
    await tx
      .insert(serviceSettings)
      .values({ provinceId: ctx.province.id, ...input, updatedAt: new Date() })
      .onConflictDoUpdate({ target: serviceSettings.provinceId, set: { ...input, updatedAt: new Date() } });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "services.settings.update",
      entityType: "service-settings",
      entityId: ctx.province.id,
      before: before.isDefault
        ? null
        : { agencyCode: before.agencyCode, codePattern: before.codePattern, cutOffTime: before.cutOffTime },
      after: input,
      ipAddress: ctx.ipAddress,
    });
  });
  return input;
}
