import { and, eq, inArray } from "drizzle-orm";
import type { Content } from "pdfmake/interfaces.js";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError, UnauthenticatedError } from "../../../platform/errors.ts";
import { createTranslator } from "../../../platform/i18n.ts";
import type { RenderPdfOptions } from "../../../platform/pdf.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { amountInWords, formatDate, formatDateTime, formatVnd } from "../../../platform/vn-format.ts";
import { users } from "../../identity/schema.ts";
import { renderAdministrativePdf } from "../documents/administrative-pdf.ts";
import { applicantDossierUrl } from "../dossiers/index.ts";
import {
  dossierPaymentCorrections,
  dossierPayments,
  dossiers,
  type PaymentGateway,
  type ProcedureFee,
  procedures,
  procedureVersions,
} from "../schema.ts";
import { receiptCorrectionLine } from "./correction-text.ts";
import type { CorrectionRow, DossierRow, PaymentRow } from "./queries.ts";

export type ReceiptData = {
  payment: PaymentRow;
  dossier: DossierRow;
  procedureCode: string;
  procedureName: string;
  fees: ProcedureFee[];
  /** The officer who recorded a counter or transfer payment (null for online payments). */
  recordedByName: string | null;
  /** The void or refund of a payment that is no longer paid; the receipt stays downloadable and says so. */
  correction: CorrectionRow | null;
};

/**
 * A paid attempt's receipt, also once voided or refunded (it then says so). The applicant gets only receipts of
 * their own dossiers; officers with `services.payments` any of their portal. Attempts never paid have no
 * receipt (404).
 */
export async function getReceipt(
  ctx: ServiceContext,
  paymentId: number,
  audience: "applicant" | "staff",
): Promise<ReceiptData> {
  if (audience === "staff") assertCan(ctx.actor, "services.payments", ctx.province);
  else if (!ctx.actor) throw new UnauthenticatedError();
  const [row] = await ctx.db
    .select({
      payment: dossierPayments,
      dossier: dossiers,
      procedureCode: procedures.code,
      procedureName: procedureVersions.name,
      fees: procedureVersions.fees,
      recordedByName: users.fullName,
      correction: dossierPaymentCorrections,
    })
    .from(dossierPayments)
    .innerJoin(dossiers, eq(dossiers.id, dossierPayments.dossierId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .leftJoin(users, eq(users.id, dossierPayments.recordedByUserId))
    .leftJoin(dossierPaymentCorrections, eq(dossierPaymentCorrections.paymentId, dossierPayments.id))
    .where(
      and(
        eq(dossierPayments.id, paymentId),
        inArray(dossierPayments.status, ["paid", "voided", "refunded"]),
        inArray(dossierPayments.provinceId, [...ctx.province.scopeIds]),
      ),
    );
  if (!row || (audience === "applicant" && row.dossier.applicantUserId !== ctx.actor!.userId))
    throw new NotFoundError("services.pay.error.receiptNotFound");
  return { ...row, fees: row.fees.filter((fee) => fee.payableOnline) };
}

/** How the fee was paid, as the receipt prints it: the catalogue's words, in Vietnamese like every official document. */
const vietnamese = createTranslator("vi");
const paymentMethodLabel = (gateway: PaymentGateway) => vietnamese(`services.pay.record.method.${gateway}`);

const cell = (text: string, options: Record<string, unknown> = {}): Content => ({ text, ...options });

/**
 * The receipt in the one administrative layout, laid out like a fee receipt (biên lai thu phí, lệ phí):
 * collecting body, number, payer, fee lines, total in figures and in words, how and when it was paid. It is
 * the portal's proof of a payment (online, or recorded by an officer), not an e-receipt registered with the tax authority. Printed in
 * Vietnamese, as official documents are.
 */
export async function renderReceiptPdf(
  receipt: ReceiptData,
  province: { name: string; kind: string; slug: string },
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  const { payment, dossier } = receipt;
  const paidAt = payment.paidAt ?? payment.updatedAt;
  const amount = BigInt(payment.amountDong);
  const words = amountInWords(amount);
  const feeRows: Content[][] = receipt.fees.map((fee) => [
    cell(fee.label),
    cell(formatVnd(BigInt(fee.amountDong)), { alignment: "right" }),
  ]);
  const lines: [string, string][] = [
    ["Người nộp", dossier.applicantName],
    ["Mã số thuế / Số định danh", dossier.applicantTaxCode ?? dossier.applicantIdNumber ?? ""],
    ["Địa chỉ", dossier.applicantAddress],
    ["Mã hồ sơ", dossier.code ?? ""],
    ["Thủ tục", `${receipt.procedureName} (${receipt.procedureCode})`],
  ];
  const isRecorded = payment.gateway === "counter" || payment.gateway === "transfer";
  const paymentLines: [string, string][] = isRecorded
    ? [
        ["Hình thức thanh toán", paymentMethodLabel(payment.gateway)],
        ...(payment.gateway === "transfer"
          ? [["Số tham chiếu giao dịch ngân hàng", payment.gatewayTransactionNo ?? ""] as [string, string]]
          : []),
        ["Ngày nộp tiền", formatDate(paidAt)],
        ["Cán bộ ghi nhận", receipt.recordedByName ?? ""],
        ["Mã tham chiếu thanh toán", payment.txnRef],
      ]
    : [
        ["Hình thức thanh toán", paymentMethodLabel(payment.gateway)],
        ["Mã giao dịch của cổng", payment.gatewayTransactionNo ?? ""],
        ["Ngân hàng", payment.bankCode ?? ""],
        ["Mã tham chiếu thanh toán", payment.txnRef],
        ["Thời điểm thanh toán", formatDateTime(paidAt)],
      ];
  const summary = (rows: [string, string][]): Content => ({
    table: {
      widths: [150, "*"],
      body: rows.map(([label, value]) => [cell(`${label}:`), cell(value, { bold: true })]),
    },
    layout: "noBorders",
    fontSize: 12,
    margin: [0, 0, 0, 8],
  });
  const body: Content[] = [
    summary(lines),
    {
      table: {
        headerRows: 1,
        widths: ["*", 120],
        body: [
          [cell("Nội dung thu", { bold: true }), cell("Số tiền", { bold: true, alignment: "right" })],
          ...feeRows,
          [cell("Tổng cộng", { bold: true }), cell(formatVnd(amount), { bold: true, alignment: "right" })],
        ],
      },
      fontSize: 12,
      margin: [0, 4, 0, 4],
    },
    {
      text: `Số tiền bằng chữ: ${words.charAt(0).toUpperCase()}${words.slice(1)} đồng.`,
      italics: true,
      fontSize: 12,
    },
    { text: "", margin: [0, 0, 0, 8] },
    summary(paymentLines),
    {
      text: isRecorded
        ? "Biên lai được lập khi cán bộ Bộ phận Một cửa ghi nhận khoản nộp trên Cổng."
        : "Biên lai được lập tự động khi cổng thanh toán xác nhận giao dịch (IPN).",
      italics: true,
      fontSize: 11,
    },
  ];
  const place = province.name;
  return renderAdministrativePdf(
    {
      parentBody: `UBND ${province.kind} ${province.name}`,
      issuingBody: "Sở Công Thương",
      numberAndSymbol: payment.receiptNumber ?? undefined,
      place,
      issuedOn: paidAt,
      title: "BIÊN LAI THU PHÍ, LỆ PHÍ",
      subtitle: [
        "(Biên lai điện tử)",
        ...(receipt.correction ? [receiptCorrectionLine(receipt.correction, vietnamese)] : []),
      ],
      body,
      qr: { url: applicantDossierUrl(province.slug, dossier.id), caption: "Hồ sơ" },
      documentTitle: `Biên lai ${payment.receiptNumber ?? payment.txnRef}`,
    },
    options,
  );
}
