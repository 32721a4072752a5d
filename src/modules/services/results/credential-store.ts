import { createHash, hkdfSync, X509Certificate } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import forge from "node-forge";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { ConflictError } from "../../../platform/errors.ts";
import { signingCredentials } from "../schema.ts";
import { readCertificate } from "../signing/certificate-info.ts";
import {
  certificateToDer,
  createDevelopmentCa,
  exportPkcs12,
  issueDepartmentCertificate,
  loadPkcs12,
  type SigningCredential,
  SigningCredentialError,
} from "../signing/index.ts";
import { resultsSecret } from "./settings.ts";

// The Department's signing key per province (issue 4): a development CA and Department certificate created
// the first time one is needed, or the PKCS#12 an administrator installed. The key is stored as PKCS#12
// encrypted with a passphrase derived from the installation secret (SESSION_SECRET, or DATA_DIR/session-secret)
// by HKDF-SHA256 (RFC 5869); rotating that secret makes the stored keys unreadable: a development key is then
// replaced on its next use, an installed one must be installed again. Old rows stay (inactive): results signed
// with them keep verifying against their trust anchors.

export type SigningCredentialRow = typeof signingCredentials.$inferSelect;
export type CredentialProvince = { id: number; name: string; kind: string };

const HKDF_SALT = "cong-tmdt/services/signing-credential/v1";

/** The PKCS#12 passphrase of a province's stored keys; never stored, derived again on every start. */
export function credentialPassphrase(provinceId: number): string {
  const key = hkdfSync("sha256", resultsSecret(), HKDF_SALT, `province:${provinceId}`, 32);
  return Buffer.from(key).toString("base64url");
}

/** "Sở Công Thương tỉnh Đồng Tháp" — the organisation named in the development certificate. */
export function departmentName(province: CredentialProvince): string {
  return `Sở Công Thương ${province.kind} ${province.name}`;
}

export async function findActiveCredential(
  db: Executor,
  provinceId: number,
  options: { lock?: boolean } = {},
): Promise<SigningCredentialRow | null> {
  const query = db
    .select()
    .from(signingCredentials)
    .where(and(eq(signingCredentials.provinceId, provinceId), eq(signingCredentials.active, true)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function listCredentials(db: Executor, provinceId: number): Promise<SigningCredentialRow[]> {
  return db
    .select()
    .from(signingCredentials)
    .where(eq(signingCredentials.provinceId, provinceId))
    .orderBy(desc(signingCredentials.createdAt), desc(signingCredentials.id));
}

/** Every trust anchor a province's portal has used, active or not: old results must keep verifying. */
export async function listTrustAnchors(db: Executor, provinceIds: readonly number[]): Promise<string[]> {
  if (provinceIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ pem: signingCredentials.trustAnchorPem })
    .from(signingCredentials)
    .where(inArray(signingCredentials.provinceId, [...provinceIds]));
  return rows.map((row) => row.pem);
}

/** "CN=…, O=…, ST=…, C=VN" from the DER, so Vietnamese names keep their diacritics. */
export function describeSubject(der: Uint8Array): string {
  return readCertificate(der)
    .subject.slice()
    .reverse()
    .map((attribute) => `${attribute.type}=${attribute.value}`)
    .join(", ");
}

const isSelfSigned = (certificate: X509Certificate) =>
  certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);

/**
 * The certificate verification trusts for an installed key: the root of the chain in the file (self-signed),
 * else the highest certificate the file holds, else the signing certificate itself (pinned). A real CA's
 * PKCS#12 usually carries its chain; when it does not, pinning still detects any change to a result.
 */
export function chooseTrustAnchor(credential: SigningCredential): string {
  const certificates = [credential.certificate, ...credential.chain].map(
    (certificate) => new X509Certificate(certificateToDer(certificate)),
  );
  let current = certificates[0]!;
  for (let depth = 0; depth < certificates.length; depth += 1) {
    if (isSelfSigned(current)) return current.toString();
    const issuer = certificates.find(
      (candidate) =>
        candidate !== current && current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (!issuer) break;
    current = issuer;
  }
  return current.toString();
}

function certificateFacts(credential: SigningCredential) {
  const der = certificateToDer(credential.certificate);
  const info = readCertificate(der);
  return {
    subject: describeSubject(der),
    serialNumber: credential.certificate.serialNumber,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
  };
}

/** Audit image of a credential row (never the key). */
export function credentialAuditImage(row: SigningCredentialRow | null) {
  if (!row) return null;
  return {
    id: row.id,
    origin: row.origin,
    subject: row.subject,
    serialNumber: row.serialNumber,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    active: row.active,
  };
}

/**
 * Makes `credential` the province's active key: the previous one is deactivated (kept), the new one stored as
 * PKCS#12 under the derived passphrase, and the change audited. Call inside a transaction. Returns null when
 * another transaction stored an active key first (only possible when there was none to deactivate).
 */
export async function storeCredential(
  tx: Executor,
  input: {
    provinceId: number;
    credential: SigningCredential;
    origin: "development" | "installed";
    trustAnchorPem: string;
    actorUserId: number | null;
    ipAddress?: string | undefined;
  },
): Promise<SigningCredentialRow | null> {
  const before = await findActiveCredential(tx, input.provinceId, { lock: true });
  if (before) {
    await tx.update(signingCredentials).set({ active: false }).where(eq(signingCredentials.id, before.id));
  }
  const facts = certificateFacts(input.credential);
  const [row] = await tx
    .insert(signingCredentials)
    .values({
      provinceId: input.provinceId,
      origin: input.origin,
      pkcs12: exportPkcs12(input.credential, credentialPassphrase(input.provinceId), {
        friendlyName: facts.subject.slice(0, 120),
      }),
      trustAnchorPem: input.trustAnchorPem,
      subject: facts.subject,
      serialNumber: facts.serialNumber,
      notBefore: facts.notBefore,
      notAfter: facts.notAfter,
      active: true,
      installedBy: input.actorUserId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  remember(row, input.credential);
  await recordAudit(tx, {
    provinceId: input.provinceId,
    actorUserId: input.actorUserId,
    action:
      input.origin === "installed"
        ? "services.signing-credential.installed"
        : "services.signing-credential.created",
    entityType: "signing_credential",
    entityId: row.id,
    before: credentialAuditImage(before),
    after: credentialAuditImage(row),
    ipAddress: input.ipAddress,
  });
  return row;
}

/** A development CA (its key is thrown away once it has signed) and the Department certificate it issues. */
export async function createDevelopmentCredential(
  tx: Executor,
  input: { province: CredentialProvince; actorUserId: number | null; ipAddress?: string | undefined },
): Promise<SigningCredentialRow | null> {
  const ca = createDevelopmentCa({ province: input.province.name });
  const credential = issueDepartmentCertificate({
    ca,
    departmentName: departmentName(input.province),
    province: input.province.name,
  });
  return storeCredential(tx, {
    provinceId: input.province.id,
    credential,
    origin: "development",
    trustAnchorPem: forge.pki.certificateToPem(ca.certificate),
    actorUserId: input.actorUserId,
    ipAddress: input.ipAddress,
  });
}

// Opening a PKCS#12 runs 10,000 PBKDF rounds in JavaScript (~0.3 s): keep opened keys for the process.
const opened = new Map<number, { digest: string; credential: SigningCredential }>();
const digestOf = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Drops the opened keys (a test changing the installation secret; a process never does it at run time). */
export function forgetOpenedCredentials(): void {
  opened.clear();
}

function remember(row: SigningCredentialRow, credential: SigningCredential): void {
  opened.set(row.id, { digest: digestOf(row.pkcs12), credential });
}

/** The stored key, decrypted and checked for signing today; throws SigningCredentialError otherwise. */
export function openCredential(row: SigningCredentialRow, now = new Date()): SigningCredential {
  const cached = opened.get(row.id);
  if (cached && cached.digest === digestOf(row.pkcs12)) {
    // Still refuse a key that expired while cached.
    if (now > row.notAfter)
      throw new SigningCredentialError("certificate_expired", row.notAfter.toISOString());
    return cached.credential;
  }
  const credential = loadPkcs12(row.pkcs12, credentialPassphrase(row.provinceId), { now });
  remember(row, credential);
  return credential;
}

/**
 * The key to sign a result with, holding the active row's lock until the transaction ends (so document numbers
 * are taken one at a time per province). A province without a usable development key gets a new one; an
 * installed key that cannot be used stops the action with a message for the administrator.
 */
export async function getSigningKey(
  tx: Executor,
  input: { province: CredentialProvince; actorUserId: number | null; ipAddress?: string | undefined },
): Promise<{ row: SigningCredentialRow; credential: SigningCredential }> {
  const active = await findActiveCredential(tx, input.province.id, { lock: true });
  if (active) {
    try {
      return { row: active, credential: openCredential(active) };
    } catch (error) {
      if (!(error instanceof SigningCredentialError)) throw error;
      if (active.origin === "installed") {
        throw new ConflictError("services.results.error.credentialUnusable", {
          reason: `services.results.credential.${error.problem}`,
        });
      }
      // A development key whose secret changed or that expired: replace it, keep the row for verification.
    }
  }
  const created =
    (await createDevelopmentCredential(tx, input)) ??
    (await findActiveCredential(tx, input.province.id, { lock: true }));
  if (!created) throw new Error("no active signing credential after creating one");
  return { row: created, credential: openCredential(created) };
}
