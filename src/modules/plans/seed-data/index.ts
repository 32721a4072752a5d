import { PlanDocument } from "../plan-document.ts";
import { baRiaVungTau2011 } from "./ba-ria-vung-tau-2011-2015.ts";
import { baRiaVungTau2021 } from "./ba-ria-vung-tau-2021-2025.ts";
import { dongThap2011 } from "./dong-thap-2011-2015.ts";

export { baRiaVungTau2011, baRiaVungTau2021, dongThap2011 };

/** The three source documents (shared/seeds 000–002) as plans; parsed here so a bad entry fails at load. */
export const seedPlans: PlanDocument[] = [baRiaVungTau2011, dongThap2011, baRiaVungTau2021].map((plan) =>
  PlanDocument.parse(plan),
);
