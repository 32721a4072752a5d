import type { FastifyInstance } from "fastify";
import { SIMULATOR_PATH } from "../../../config.ts";
import { buildSimulatedIpnUrl, simulateGatewayResult, validatePaymentRequest } from "../payments/index.ts";
import { findGateway, IPN_PATH } from "./gateway.ts";
import { SimulatorPage, SimulatorRefusedPage, simulatorChoices } from "./views/simulator-page.tsx";

const choiceLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/**
 * The built-in gateway (only when no VNPay terminal is configured, never in production): it checks the
 * signed payment URL as VNPay's page does, lets the payer pick an outcome, then does what VNPay does —
 * calls the IPN server to server, and sends the browser to the return URL with the same signed result.
 */
export async function simulatorRoutes(app: FastifyInstance) {
  const gateway = findGateway(app.config);
  if (gateway?.kind !== "simulator") return;
  const config = gateway.config;

  app.get(SIMULATOR_PATH, async (request, reply) => {
    const validation = validatePaymentRequest(config, request.url, new Date());
    if (!validation.ok) return reply.render(<SimulatorRefusedPage issues={validation.issues} />, 400);
    const query = request.url.slice(request.url.indexOf("?") + 1);
    return reply.render(<SimulatorPage payment={validation.payment} request={query} />);
  });

  app.post<{ Body: { request?: unknown; outcome?: unknown } }>(
    SIMULATOR_PATH,
    { config: choiceLimit },
    async (request, reply) => {
      const now = new Date();
      const signed = typeof request.body?.request === "string" ? request.body.request : "";
      const outcome = simulatorChoices.find((choice) => choice === request.body?.outcome);
      const validation = validatePaymentRequest(config, signed, now);
      if (!validation.ok) return reply.render(<SimulatorRefusedPage issues={validation.issues} />, 400);
      if (!outcome) return reply.redirect(`${SIMULATOR_PATH}?${signed}`, 303);
      const result = simulateGatewayResult(config, validation.payment, outcome, { now });
      // VNPay's server calls the IPN before (or while) the browser comes back; in process here.
      const ipn = await app.inject({ method: "GET", url: buildSimulatedIpnUrl(IPN_PATH, result) });
      request.log.info({ txnRef: validation.payment.txnRef, ipn: ipn.body }, "simulator IPN delivered");
      return reply.redirect(result.returnUrl, 303);
    },
  );
}
