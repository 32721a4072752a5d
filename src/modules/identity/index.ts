export {
  findActorBySessionToken,
  findUnitIdsInProvince,
  findUnitsVersion,
  findUserByEmail,
  listUnits,
} from "./queries.ts";
export { type Role, roles } from "./schema.ts";
export {
  getAuditPage,
  getOutboxPage,
  getUnitsOfProvince,
  getUserForEdit,
  getUsersPage,
} from "./services/admin-reads.ts";
export { createUser, insertUser, signUp } from "./services/create-user.ts";
export { getUnitForEdit, getUnitsForAdmin, saveUnit } from "./services/manage-units.ts";
export {
  changePassword,
  deleteExpiredCredentials,
  requestPasswordReset,
  resetPassword,
} from "./services/passwords.ts";
export { signIn } from "./services/sign-in.ts";
export { signOut } from "./services/sign-out.ts";
export { updateUser } from "./services/update-user.ts";
export { upsertUnits } from "./services/upsert-units.ts";
