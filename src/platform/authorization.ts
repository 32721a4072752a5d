import type { Role } from "../modules/identity/schema.ts";
import { ForbiddenError, UnauthenticatedError } from "./errors.ts";
import type { Actor, HostedProvince } from "./request-context.ts";

/** What each role may do inside its own province. The operator may do everything everywhere. */
const grants = {
  "plans.manage": ["admin"],
  "users.manage": ["admin"],
  "audit.read": ["admin", "leader"],
  "outbox.read": ["admin"],
  "units.read": ["admin", "officer", "leader"],
  "units.manage": ["admin"],
  "enterprises.read": ["admin", "officer", "leader"],
  "enterprises.manage": ["admin", "officer"],
  "marketplace.moderate": ["admin", "officer"],
  "marketplace.stats": ["admin", "officer", "leader"],
  "services.manage": ["admin"],
  "services.process": ["admin", "officer", "leader"],
  "services.oversee": ["admin", "officer", "leader"],
  "services.payments": ["admin", "officer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(actor: Actor | null, permission: Permission, province: HostedProvince): boolean {
  if (!actor) return false;
  if (actor.roles.has("operator")) return true;
  if (actor.provinceId !== province.id) return false;
  return grants[permission].some((role) => actor.roles.has(role));
}

/** Services call this before any read or change they guard: a route forgetting a check cannot leak. */
export function assertCan(actor: Actor | null, permission: Permission, province: HostedProvince): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, permission, province)) throw new ForbiddenError();
  return actor;
}
