import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { ValidationError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { CreateUserInput, SignUpInput } from "../inputs.ts";
import { hashPassword } from "../password.ts";
import { findUserByEmail } from "../queries.ts";
import { type Role, units, userRoles, users } from "../schema.ts";

export type NewUser = {
  provinceId: number | null;
  email: string;
  fullName: string;
  phone: string | null;
  password: string;
  unitId: number | null;
  roles: Role[];
};

/** Inserts an account with its roles; refuses a taken e-mail and a unit of another province. */
export async function insertUser(db: Executor, user: NewUser): Promise<number> {
  if (user.provinceId !== null && (await findUserByEmail(db, user.provinceId, user.email))) {
    throw new ValidationError([{ field: "email", messageKey: "auth.emailTaken" }]);
  }
  if (user.unitId !== null) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(
        and(
          eq(units.id, user.unitId),
          user.provinceId === null ? undefined : eq(units.provinceId, user.provinceId),
        ),
      );
    if (!unit) throw new ValidationError([{ field: "unitId", messageKey: "validation.invalid" }]);
  }
  const passwordHash = await hashPassword(user.password);
  // The unique index decides when two sign-ups race past the check above: that is a taken e-mail too.
  const [created] = await db
    .insert(users)
    .values({
      provinceId: user.provinceId,
      email: user.email.toLowerCase(),
      fullName: user.fullName,
      phone: user.phone,
      passwordHash,
      unitId: user.unitId,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) throw new ValidationError([{ field: "email", messageKey: "auth.emailTaken" }]);
  await db.insert(userRoles).values([...new Set(user.roles)].map((role) => ({ userId: created.id, role })));
  return created.id;
}

/** Public sign-up: enterprise representatives and citizens only. */
export async function signUp({ ctx, form }: { ctx: ServiceContext; form: unknown }): Promise<number> {
  const input = parseInput(SignUpInput, form);
  return ctx.db.transaction(async (tx) => {
    const userId = await insertUser(tx, {
      provinceId: ctx.province.id,
      email: input.email,
      fullName: input.fullName,
      phone: input.phone,
      password: input.password,
      unitId: null,
      roles: [input.accountType],
    });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: userId,
      action: "user.signUp",
      entityType: "user",
      entityId: userId,
      after: { email: input.email, fullName: input.fullName, roles: [input.accountType] },
      ipAddress: ctx.ipAddress,
    });
    return userId;
  });
}

/** An administrator creates an account in their province, with roles and a unit. */
export async function createUser({ ctx, form }: { ctx: ServiceContext; form: unknown }): Promise<number> {
  const actor = assertCan(ctx.actor, "users.manage", ctx.province);
  const input = parseInput(CreateUserInput, form);
  if (input.roles.includes("operator") && !actor.roles.has("operator")) {
    throw new ValidationError([{ field: "roles", messageKey: "users.cannotGrantOperator" }]);
  }
  return ctx.db.transaction(async (tx) => {
    const userId = await insertUser(tx, { ...input, provinceId: ctx.province.id });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "user.create",
      entityType: "user",
      entityId: userId,
      after: { email: input.email, fullName: input.fullName, roles: input.roles, unitId: input.unitId },
      ipAddress: ctx.ipAddress,
    });
    return userId;
  });
}
