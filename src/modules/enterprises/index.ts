export { enterpriseChanged, onEnterpriseChanged } from "./events.ts";
export { legalForms, readinessFields } from "./schema.ts";
export {
  assertActingEnterprise,
  type EnterpriseRow,
  findActingEnterprise,
  isMemberOf,
} from "./services/membership.ts";
export { classifyEnterpriseSize } from "./size-class.ts";
export { validateTaxCode } from "./tax-code.ts";
export { VSIC_SECTIONS } from "./vsic.ts";
