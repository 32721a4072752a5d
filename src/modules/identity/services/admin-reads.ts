import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import { listOutbox } from "../../../platform/mail.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { findUserInProvince, listAuditEntries, listUnits, listUsers } from "../queries.ts";

type Page = { limit: number; offset: number };

/** Reads for administrators' pages, each checking the actor first. */
export async function getUsersPage({ ctx, page }: { ctx: ServiceContext; page: Page }) {
  assertCan(ctx.actor, "users.manage", ctx.province);
  return listUsers(ctx.db, ctx.province.id, page);
}

export async function getUserForEdit({ ctx, userId }: { ctx: ServiceContext; userId: number }) {
  assertCan(ctx.actor, "users.manage", ctx.province);
  const user = await findUserInProvince(ctx.db, ctx.province.id, userId);
  if (!user) throw new NotFoundError();
  return user;
}

export async function getUnitsOfProvince({ ctx }: { ctx: ServiceContext }) {
  assertCan(ctx.actor, "units.read", ctx.province);
  return listUnits(ctx.db, [ctx.province.id]);
}

export async function getAuditPage({ ctx, page }: { ctx: ServiceContext; page: Page }) {
  assertCan(ctx.actor, "audit.read", ctx.province);
  return listAuditEntries(ctx.db, ctx.province.id, page);
}

/**
 * The outbox for administrators. A message carrying a secret (a reset link) is shown only on a demo or
 * development installation: in production an administrator must not be able to take over an account.
 */
export async function getOutboxPage({
  ctx,
  page,
  revealSecrets,
}: {
  ctx: ServiceContext;
  page: Page;
  revealSecrets: boolean;
}) {
  assertCan(ctx.actor, "outbox.read", ctx.province);
  const result = await listOutbox(ctx.db, ctx.province.id, page);
  return {
    ...result,
    items: result.items.map((message) => ({
      ...message,
      bodyText: message.isSensitive && !revealSecrets ? null : message.bodyText,
    })),
  };
}
