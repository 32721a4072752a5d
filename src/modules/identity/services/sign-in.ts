import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { ValidationError } from "../../../platform/errors.ts";
import type { HostedProvince } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { SignInInput } from "../inputs.ts";
import { getDecoyHash, verifyPassword } from "../password.ts";
import { findUserByEmail } from "../queries.ts";
import { sessions, users } from "../schema.ts";
import { createToken, hashToken } from "../tokens.ts";

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/** Checks the credentials and opens a session; the same message for an unknown e-mail and a wrong password. */
export async function signIn(input: {
  db: Executor;
  province: HostedProvince;
  form: unknown;
  ipAddress?: string | undefined;
  userAgent?: string | undefined;
  /** The session cookie the browser still held, which a new sign-in replaces. */
  previousToken?: string | undefined;
}): Promise<{ token: string; userId: number; expiresAt: Date }> {
  const { email, password } = parseInput(SignInInput, input.form);
  const user = await findUserByEmail(input.db, input.province.id, email);
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
  if (!user || !isValid || user.status !== "active") {
    await recordAudit(input.db, {
      provinceId: input.province.id,
      actorUserId: user?.id ?? null,
      action: "session.signInFailed",
      entityType: "user",
      entityId: user?.id ?? null,
      after: { email },
      ipAddress: input.ipAddress,
    });
    throw new ValidationError([{ field: "email", messageKey: "auth.invalidCredentials" }]);
  }
  const { token, tokenHash } = createToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await input.db.transaction(async (tx) => {
    if (input.previousToken)
      await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(input.previousToken)));
    await tx.insert(sessions).values({
      tokenHash,
      userId: user.id,
      expiresAt,
      ipAddress: input.ipAddress ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      provinceId: input.province.id,
      actorUserId: user.id,
      action: "session.signIn",
      entityType: "user",
      entityId: user.id,
      ipAddress: input.ipAddress,
    });
  });
  return { token, userId: user.id, expiresAt };
}
