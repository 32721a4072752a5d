import { assertCan } from "../../../../platform/authorization.ts";
import { ConflictError, type FieldIssue, ValidationError } from "../../../../platform/errors.ts";
import type { IncomingFile } from "../../../../platform/files.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { loadPkcs12, type SigningCredential, SigningCredentialError } from "../../signing/index.ts";
import {
  chooseTrustAnchor,
  createDevelopmentCredential,
  findActiveCredential,
  type SigningCredentialRow,
  storeCredential,
} from "../credential-store.ts";

/** A PKCS#12 with a key, its certificate and a chain of a few CA certificates is a few kilobytes. */
export const maxPkcs12Bytes = 64 * 1024;

function readCredential(files: IncomingFile[], password: string): SigningCredential {
  const issues: FieldIssue[] = [];
  const file = files[0];
  if (!file) issues.push({ field: "pkcs12", messageKey: "services.results.install.fileRequired" });
  else if (file.bytes.length > maxPkcs12Bytes) {
    issues.push({ field: "pkcs12", messageKey: "services.results.install.fileTooBig", params: { max: 64 } });
  }
  if (!password) issues.push({ field: "password", messageKey: "services.results.install.passwordRequired" });
  if (issues.length > 0 || !file) throw new ValidationError(issues);
  try {
    // The content check: the bytes must parse as PKCS#12, open with the password, and hold an RSA key with
    // a certificate that may sign today (signing/ca.ts loadPkcs12 → assertUsableForSigning).
    return loadPkcs12(file.bytes, password);
  } catch (error) {
    if (!(error instanceof SigningCredentialError)) throw error;
    throw new ValidationError([
      {
        field: error.problem === "wrong_password" ? "password" : "pkcs12",
        messageKey: `services.results.credential.${error.problem}`,
      },
    ]);
  }
}

/**
 * Installs the Department's real certificate (PKCS#12 + its password): the key is stored again under the
 * installation's derived passphrase (the administrator's password is not kept), the previous key is
 * deactivated but kept so results it signed still verify, and the change is audited.
 */
export async function installSigningCredential({
  ctx,
  fields,
  files,
}: {
  ctx: ServiceContext;
  fields: Record<string, string | string[]>;
  files: IncomingFile[];
}): Promise<SigningCredentialRow> {
  const admin = assertCan(ctx.actor, "services.manage", ctx.province);
  const password = typeof fields.password === "string" ? fields.password : "";
  const credential = readCredential(files, password);
  return ctx.db.transaction(async (tx) => {
    const row = await storeCredential(tx, {
      provinceId: ctx.province.id,
      credential,
      origin: "installed",
      trustAnchorPem: chooseTrustAnchor(credential),
      actorUserId: admin.userId,
      ipAddress: ctx.ipAddress,
    });
    if (!row) throw new ConflictError("services.results.error.concurrentInstall");
    return row;
  });
}

/** Creates the development key on request (the page's button) when the province has none yet. */
export async function createDevelopmentSigningCredential({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<SigningCredentialRow> {
  const admin = assertCan(ctx.actor, "services.manage", ctx.province);
  return ctx.db.transaction(async (tx) => {
    if (await findActiveCredential(tx, ctx.province.id, { lock: true })) {
      throw new ConflictError("services.results.error.credentialExists");
    }
    const row = await createDevelopmentCredential(tx, {
      province: ctx.province,
      actorUserId: admin.userId,
      ipAddress: ctx.ipAddress,
    });
    if (!row) throw new ConflictError("services.results.error.credentialExists");
    return row;
  });
}
