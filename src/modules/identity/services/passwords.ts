import { and, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import { UnauthenticatedError, ValidationError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n.ts";
import { queueMail } from "../../../platform/mail.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput } from "../inputs.ts";
import { hashPassword, verifyPassword } from "../password.ts";
import { findUserByEmail } from "../queries.ts";
import { passwordResets, sessions, users } from "../schema.ts";
import { createToken, hashToken } from "../tokens.ts";

const resetLifetimeMs = 60 * 60 * 1000;

/** Changes the actor's password and ends their other sessions (a stolen session does not survive it). */
export async function changePassword({
  ctx,
  form,
  currentSessionToken,
}: {
  ctx: ServiceContext;
  form: unknown;
  currentSessionToken: string | undefined;
}): Promise<void> {
  if (!ctx.actor) throw new UnauthenticatedError();
  const actor = ctx.actor;
  const input = parseInput(ChangePasswordInput, form);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationError([{ field: "currentPassword", messageKey: "auth.wrongCurrentPassword" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    const keep = currentSessionToken ? hashToken(currentSessionToken) : "";
    await tx.delete(sessions).where(and(eq(sessions.userId, actor.userId), ne(sessions.tokenHash, keep)));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "user.changePassword",
      entityType: "user",
      entityId: actor.userId,
      ipAddress: ctx.ipAddress,
    });
  });
}

/**
 * Sends a one-hour reset link when the e-mail belongs to an account. The caller shows the same answer either
 * way, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(input: {
  ctx: ServiceContext;
  form: unknown;
  publicUrl: string;
  t: Translate;
}): Promise<void> {
  const { email } = parseInput(RequestPasswordResetInput, input.form);
  const { ctx } = input;
  const user = await findUserByEmail(ctx.db, ctx.province.id, email);
  if (user?.status !== "active") return;
  const { token, tokenHash } = createToken();
  const link = `${input.publicUrl}/${ctx.province.slug}/password-reset/${token}`;
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(passwordResets)
      .values({ tokenHash, userId: user.id, expiresAt: new Date(Date.now() + resetLifetimeMs) });
    await queueMail(tx, {
      provinceId: ctx.province.id,
      to: user.email,
      subject: input.t("mail.passwordReset.subject", { province: ctx.province.name }),
      text: input.t("mail.passwordReset.body", { name: user.fullName, link }),
      isSensitive: true,
    });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: null,
      action: "user.requestPasswordReset",
      entityType: "user",
      entityId: user.id,
      ipAddress: ctx.ipAddress,
    });
  });
}

/** Sets a new password from a valid, unused link; ends every session of the account. */
export async function resetPassword({ ctx, form }: { ctx: ServiceContext; form: unknown }): Promise<void> {
  const input = parseInput(ResetPasswordInput, form);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const [reset] = await tx
      .select({ userId: passwordResets.userId })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
          eq(users.provinceId, ctx.province.id),
        ),
      );
    if (!reset) throw new ValidationError([{ field: "newPassword", messageKey: "auth.resetLinkInvalid" }]);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(eq(passwordResets.tokenHash, hashToken(input.token)));
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: reset.userId,
      action: "user.resetPassword",
      entityType: "user",
      entityId: reset.userId,
      ipAddress: ctx.ipAddress,
    });
  });
}

/** Housekeeping: expired sessions and used or expired reset links are of no use to anyone. */
export async function deleteExpiredCredentials(
  db: ServiceContext["db"],
): Promise<{ sessions: number; resets: number }> {
  const expiredSessions = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ userId: sessions.userId });
  const expiredResets = await db
    .delete(passwordResets)
    .where(or(lt(passwordResets.expiresAt, sql`now()`), sql`${passwordResets.usedAt} is not null`))
    .returning({ userId: passwordResets.userId });
  return { sessions: expiredSessions.length, resets: expiredResets.length };
}
