export type { ProvinceSummary } from "./queries.ts";
export {
  findProvinceBySlug,
  findProvinceIdsByGsoCodes,
  listHostedProvinces,
  listProvinces,
  scopeOf,
} from "./queries.ts";
export { hostProvince } from "./services/host-province.ts";
export { importCommunes, importDemoCommunes } from "./services/import-communes.ts";
export { loadReferenceProvinces } from "./services/load-reference-provinces.ts";
