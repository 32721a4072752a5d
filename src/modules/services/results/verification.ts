import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { checkUpload, type IncomingFile } from "../../../platform/files.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { todayInVietnam } from "../../../platform/vn-format.ts";
import { dossierResults, signingCredentials } from "../schema.ts";
import { type PdfVerificationResult, verifyPdf } from "../signing/index.ts";
import { listTrustAnchors } from "./credential-store.ts";
import type { DossierResultRow } from "./issue-result.ts";
import { readResultFile } from "./queries.ts";

// The public verification of signed results (issue 4): the page a result's QR code opens checks the stored
// file against the trust anchor of the key that signed it; anyone may upload a PDF they were given to learn
// whether it is that document, unchanged. Revocation of the Department's certificate (CRL/OCSP) and trusted
// timestamps are not checked (signing/README.md).

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The result a verification link names, in this portal's provinces; anything else is 404. */
export async function findResultByToken(ctx: ServiceContext, token: string): Promise<DossierResultRow> {
  if (!TOKEN_PATTERN.test(token)) throw new NotFoundError();
  const [row] = await ctx.db.select().from(dossierResults).where(eq(dossierResults.verificationToken, token));
  if (!row || !ctx.province.scopeIds.includes(row.provinceId)) throw new NotFoundError();
  return row;
}

export type IssuedResultCheck = {
  result: DossierResultRow;
  /** The stored file's signature, checked against the anchor of the key that signed it; null if the file is gone. */
  signature: PdfVerificationResult | null;
  /** The stored bytes are the bytes recorded at issue (the file store was not altered). */
  isFileIntact: boolean;
  isRevoked: boolean;
  isExpired: boolean;
  credential: { subject: string; origin: "development" | "installed" };
};

export async function checkIssuedResult(
  ctx: ServiceContext,
  token: string,
  now = new Date(),
): Promise<IssuedResultCheck> {
  const result = await findResultByToken(ctx, token);
  const [credential] = await ctx.db
    .select({
      subject: signingCredentials.subject,
      origin: signingCredentials.origin,
      trustAnchorPem: signingCredentials.trustAnchorPem,
    })
    .from(signingCredentials)
    .where(eq(signingCredentials.id, result.credentialId));
  if (!credential) throw new Error(`signing credential ${result.credentialId} missing`);
  let bytes: Buffer | null = null;
  try {
    bytes = await readResultFile(ctx.db, result);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  const today = todayInVietnam(now);
  return {
    result,
    signature: bytes
      ? verifyPdf({ pdf: bytes, trustedCertificates: [credential.trustAnchorPem], now })
      : null,
    isFileIntact: bytes !== null && sha256(bytes) === result.sha256,
    isRevoked: result.revokedAt !== null,
    isExpired: result.validUntil !== null && result.validUntil < today,
    credential: { subject: credential.subject, origin: credential.origin },
  };
}

export type UploadCheck = {
  signature: PdfVerificationResult;
  /**
   * `same`: byte for byte the document this page is about (without a page: a result this portal issued);
   * `other-result`: another result this portal issued; `unknown`: no issued result has these bytes.
   */
  match: "same" | "other-result" | "unknown";
  matchedResult: DossierResultRow | null;
};

/**
 * Checks a PDF someone uploads: the content must be a PDF (by its bytes), its signature must verify against one
 * of this portal's trust anchors, and its bytes are compared with the register of issued results. Nothing is
 * stored.
 */
export async function checkUploadedPdf(
  ctx: ServiceContext,
  input: { token: string | null; files: IncomingFile[] },
): Promise<UploadCheck> {
  const expected = input.token ? await findResultByToken(ctx, input.token) : null;
  const file = input.files[0];
  if (!file) {
    throw new ValidationError([{ field: "document", messageKey: "services.results.verify.fileRequired" }]);
  }
  const { contentType } = await checkUpload(file, "document", "document");
  if (contentType !== "application/pdf") {
    throw new ValidationError([{ field: "document", messageKey: "services.results.verify.notPdf" }]);
  }
  const digest = sha256(file.bytes);
  const anchors = await listTrustAnchors(ctx.db, ctx.province.scopeIds);
  const signature = verifyPdf({ pdf: file.bytes, trustedCertificates: anchors });
  let matchedResult = expected && expected.sha256 === digest ? expected : null;
  if (!matchedResult) {
    const [other] = await ctx.db
      .select()
      .from(dossierResults)
      .where(
        and(
          eq(dossierResults.sha256, digest),
          inArray(dossierResults.provinceId, [...ctx.province.scopeIds]),
        ),
      );
    matchedResult = other ?? null;
  }
  const match: UploadCheck["match"] =
    matchedResult === null
      ? "unknown"
      : expected && matchedResult.id !== expected.id
        ? "other-result"
        : "same";
  return { signature, match, matchedResult };
}
