export * from "../modules/enterprises/schema.ts";
export * from "../modules/geo/schema.ts";
export * from "../modules/identity/schema.ts";
export * from "../modules/marketplace/schema.ts";
export * from "../modules/plans/schema.ts";
export * from "../modules/services/schema.ts";
export * from "../platform/schema.ts";
