import type { FastifyReply, FastifyRequest } from "fastify";
import { idFromParam } from "../../platform/http/route-id.ts";

export type PlanParams = { province: string; plan: string; item: string; objective: string };
export type PlanRequest = FastifyRequest<{ Params: PlanParams }>;

export function planUrl(request: PlanRequest, suffix = ""): string {
  return `/${request.params.province}/plans/${idFromParam(request.params.plan)}${suffix}`;
}

/** Redirects back to the plan's section after a change, with a confirmation. */
export function backToPlan(request: PlanRequest, reply: FastifyReply, anchor: string) {
  return () =>
    reply.redirectWithFlash(planUrl(request, `#${anchor}`), { kind: "success", messageKey: "plans.saved" });
}
