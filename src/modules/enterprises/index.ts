export { enterpriseChanged, onEnterpriseChanged } from "./events.ts";
export { resumeInterruptedImports } from "./import/import-register.ts";
export { legalForms, readinessFields } from "./schema.ts";
export { claimEnterprise, decideClaim } from "./services/claim-enterprise.ts";
export {
  assertActingEnterprise,
  type EnterpriseRow,
  findActingEnterprise,
  isMemberOf,
} from "./services/membership.ts";
export { registerEnterprise } from "./services/register-enterprise.ts";
export { setEnterpriseStatus } from "./services/set-status.ts";
export { updateEnterpriseProfile } from "./services/update-profile.ts";
export { classifyEnterpriseSize } from "./size-class.ts";
export { validateTaxCode } from "./tax-code.ts";
export { VSIC_SECTIONS } from "./vsic.ts";
