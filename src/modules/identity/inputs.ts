import { z } from "zod";
import { requiredEmail } from "../../platform/validation.ts";
import { roles } from "./schema.ts";

const email = requiredEmail.transform((value) => value.toLowerCase());
const password = z.string().min(10, "validation.passwordTooShort").max(200, "validation.tooLong");
const fullName = z.string().trim().min(1, "validation.required").max(120, "validation.tooLong");
const phone = z
  .string()
  .trim()
  .max(20, "validation.tooLong")
  .regex(/^(\+?84|0)\d{9,10}$|^$/, "validation.phone")
  .optional()
  .transform((value) => (value ? value : null));

export const SignInInput = z.object({
  email,
  password: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const SignUpInput = z
  .object({
    fullName,
    email,
    phone,
    accountType: z.enum(["enterprise", "citizen"], "validation.choose"),
    password,
    passwordConfirmation: z.string(),
  })
  .refine((value) => value.password === value.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "validation.passwordMismatch",
  });
export type SignUpInput = z.infer<typeof SignUpInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "validation.required"),
    newPassword: password,
    passwordConfirmation: z.string(),
  })
  .refine((value) => value.newPassword === value.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "validation.passwordMismatch",
  });

export const RequestPasswordResetInput = z.object({ email });

export const ResetPasswordInput = z
  .object({ token: z.string().min(20).max(100), newPassword: password, passwordConfirmation: z.string() })
  .refine((value) => value.newPassword === value.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "validation.passwordMismatch",
  });

const roleList = z
  .union([z.enum(roles), z.array(z.enum(roles))], "validation.choose")
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.enum(roles)).min(1, "validation.chooseAtLeastOne"));

const unitId = z
  .string()
  .optional()
  .transform((value) => (value ? Number(value) : null))
  .pipe(z.number().int().positive().nullable());

export const CreateUserInput = z.object({ fullName, email, phone, password, roles: roleList, unitId });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  fullName,
  phone,
  roles: roleList,
  unitId,
  status: z.enum(["active", "disabled"], "validation.choose"),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UnitInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, "validation.required")
    .max(40, "validation.tooLong")
    .regex(/^[A-Z0-9][A-Z0-9_-]*$/, "units.validation.code"),
  name: z.string().trim().min(1, "validation.required").max(300, "validation.tooLong"),
  nameEn: z
    .string()
    .trim()
    .max(300, "validation.tooLong")
    .optional()
    .transform((value) => value || null),
  kind: z.enum(["provincial", "central", "other"], "validation.choose"),
});
