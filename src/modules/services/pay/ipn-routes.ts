import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IPN_RESPONSES } from "../payments/index.ts";
import { findGateway, IPN_PATH } from "./gateway.ts";
import { processVnpayIpn } from "./services/record-ipn.ts";

const vnpayValue = z.union([z.string(), z.array(z.string())]).optional();

/** The parameters VNPay signs (protocol 2.1.0); any other vnp_* parameter is signed and passed on too. */
const IpnQuery = z.looseObject({
  vnp_TmnCode: vnpayValue.describe("The merchant's terminal code"),
  vnp_TxnRef: vnpayValue.describe("The payment attempt's reference, as sent in the payment URL"),
  vnp_Amount: vnpayValue.describe("Amount in đồng × 100"),
  vnp_ResponseCode: vnpayValue.describe("00 = success"),
  vnp_TransactionStatus: vnpayValue.describe("00 = success"),
  vnp_TransactionNo: vnpayValue,
  vnp_BankCode: vnpayValue,
  vnp_BankTranNo: vnpayValue,
  vnp_CardType: vnpayValue,
  vnp_OrderInfo: vnpayValue,
  vnp_PayDate: vnpayValue.describe("yyyyMMddHHmmss, GMT+7"),
  vnp_SecureHash: vnpayValue.describe("HMAC-SHA512 of the sorted, encoded parameters"),
});

export async function ipnRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const gateway = findGateway(app.config);

  const portalUrlOf = (provinceId: number) => {
    const province = app.hostedProvinces().find((hosted) => hosted.scopeIds.includes(provinceId));
    return province ? `${app.config.publicUrl}/${province.slug}` : null;
  };

  app.get(
    IPN_PATH,
    {
      schema: {
        tags: ["payments"],
        summary:
          "VNPay IPN: the gateway confirms a payment attempt server to server; answers VNPay's {RspCode, Message}",
        description:
          "Checks in VNPay's order: signature (97), order exists (01), amount (04), already confirmed (02), " +
          "then records the result (00). Idempotent: a repeated notification answers 02 and changes nothing.",
        querystring: IpnQuery,
        response: { 200: z.object({ RspCode: z.string(), Message: z.string() }) },
      },
    },
    async (request) => {
      // Without a gateway nothing can be confirmed; VNPay's "unknown error" makes it retry later.
      if (!gateway) return IPN_RESPONSES.unknownError;
      const rawQuery = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : "";
      return processVnpayIpn({
        db: app.database.db,
        gateway,
        query: rawQuery,
        portalUrlOf,
        onError: (error) => request.log.error({ err: error }, "VNPay IPN could not be recorded"),
      });
    },
  );
}
