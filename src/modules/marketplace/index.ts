export { configureMarketplaceLinks } from "./offers/links.ts";
export { onOfferPublished } from "./offers/matching.ts";
export { sendTradeDigests, sendYesterdaysDigests } from "./opportunities/services.ts";
export {
  rebuildSearchDocuments,
  refreshEnterpriseListings,
} from "./search/documents.ts";
export { searchIndexState } from "./search/query.ts";
export { loadCategories } from "./services/load-categories.ts";
