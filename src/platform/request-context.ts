import type { Executor } from "../db/client.ts";
import type { Role } from "../modules/identity/schema.ts";

/** The signed-in person acting in a request. */
export type Actor = {
  userId: number;
  provinceId: number | null;
  unitId: number | null;
  fullName: string;
  email: string;
  roles: ReadonlySet<Role>;
};

/** A province whose portal this installation hosts, with the provinces whose data rolls up into it. */
export type HostedProvince = {
  id: number;
  slug: string;
  name: string;
  kind: string;
  status: "current" | "former";
  successor: { id: number; slug: string; name: string; kind: string } | null;
  changedOn: string | null;
  /** This province and the former provinces that merged into it: the rows its portal may see. */
  scopeIds: readonly number[];
};

/** What a service needs to act: the database (or transaction), who acts, where, and from which address. */
export type ServiceContext = {
  db: Executor;
  actor: Actor | null;
  province: HostedProvince;
  ipAddress?: string | undefined;
};
