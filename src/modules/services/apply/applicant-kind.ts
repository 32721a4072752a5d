import type { Role } from "../../identity/schema.ts";

export type ApplicantKind = "enterprise" | "citizen";

export type ApplicantKindChoice = { ok: true; kind: ApplicantKind } | { ok: false; messageKey: string };

/** The catalogue names who may apply; anything but "enterprise" is a person (citizen, household business). */
const isPersonKind = (kind: string) => kind !== "enterprise";

/**
 * Who the signed-in person applies as. An enterprise representative with an active membership applies for the
 * enterprise; a citizen account applies in their own name (a household business is a person in law). Staff
 * accounts do not apply online: at the counter, the officer keys in the applicant's dossier instead.
 */
export function chooseApplicantKind(input: {
  roles: ReadonlySet<Role>;
  hasActingEnterprise: boolean;
  allowedKinds: readonly string[];
}): ApplicantKindChoice {
  const allowsEnterprise = input.allowedKinds.includes("enterprise");
  const allowsPerson = input.allowedKinds.some(isPersonKind);
  if (input.hasActingEnterprise && allowsEnterprise) return { ok: true, kind: "enterprise" };
  if (input.roles.has("citizen") && allowsPerson) return { ok: true, kind: "citizen" };
  if (input.roles.has("enterprise") && allowsEnterprise) {
    return { ok: false, messageKey: "services.apply.errors.noEnterprise" };
  }
  if (input.roles.has("enterprise") || input.roles.has("citizen")) {
    return {
      ok: false,
      messageKey: allowsEnterprise
        ? "services.apply.errors.enterprisesOnly"
        : "services.apply.errors.personsOnly",
    };
  }
  return { ok: false, messageKey: "services.apply.errors.notApplicant" };
}
