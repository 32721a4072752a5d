import type { FastifyInstance } from "fastify";
import { UnauthenticatedError } from "../../platform/errors.ts";
import { handleForm, pageFromQuery } from "../../platform/http/forms.ts";
import { idFromParam } from "../../platform/http/route-id.ts";
import { toSameSitePath } from "../../platform/http/safe-path.ts";
import { sessionCookie, sessionCookieOptions } from "../../platform/http/session-plugin.ts";
import { emptyForm } from "../../views/components.tsx";
import {
  changePassword,
  createUser,
  getAuditPage,
  getOutboxPage,
  getUnitsOfProvince,
  getUserForEdit,
  getUsersPage,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOut,
  signUp,
  updateUser,
} from "./index.ts";
import type { Role } from "./schema.ts";
import { unitRoutes } from "./unit-routes.tsx";
import { AuditPage, OutboxPage, UserFormPage, UsersPage } from "./views/admin-pages.tsx";
import {
  AccountPage,
  RequestResetPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from "./views/auth-pages.tsx";

const publicFormLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };
const pageSize = 50;

/** Only same-portal paths are followed after sign-in, never another site. */
function safeNext(province: string, next: unknown): string {
  const path = toSameSitePath(next);
  return path?.startsWith(`/${province}`) ? path : `/${province}`;
}

type ProvinceParams = { province: string };

export async function identityRoutes(app: FastifyInstance) {
  await app.register(unitRoutes);
  const secure = app.config.publicUrl.startsWith("https://");

  app.get<{ Params: ProvinceParams; Querystring: { next?: string } }>(
    "/:province/sign-in",
    async (request, reply) =>
      reply.render(
        <SignInPage form={emptyForm()} next={safeNext(request.params.province, request.query.next)} />,
      ),
  );
  app.post<{ Params: ProvinceParams; Querystring: { next?: string } }>(
    "/:province/sign-in",
    { config: publicFormLimit },
    async (request, reply) => {
      const next = safeNext(request.params.province, request.query.next);
      return handleForm(request, reply, {
        run: () =>
          signIn({
            db: app.database.db,
            province: request.province!,
            form: request.body,
            ipAddress: request.ip,
            userAgent: request.headers["user-agent"],
            previousToken: request.cookies[sessionCookie],
          }),
        onSuccess: (session) => {
          reply.setCookie(sessionCookie, session.token, sessionCookieOptions(secure, session.expiresAt));
          return reply.redirectWithFlash(next, { kind: "success", messageKey: "auth.signIn.done" });
        },
        renderInvalid: (form) => <SignInPage form={form} next={next} />,
      });
    },
  );

  app.post<{ Params: ProvinceParams }>("/:province/sign-out", async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await signOut({ ctx: request.serviceContext(), token });
    reply.clearCookie(sessionCookie, { path: "/" });
    return reply.redirectWithFlash(`/${request.params.province}`, {
      kind: "info",
      messageKey: "auth.signOut.done",
    });
  });

  app.get("/:province/sign-up", async (_request, reply) =>
    reply.render(<SignUpPage form={emptyForm({ accountType: "enterprise" })} />),
  );
  app.post<{ Params: ProvinceParams }>(
    "/:province/sign-up",
    { config: publicFormLimit },
    async (request, reply) =>
      handleForm(request, reply, {
        run: () => signUp({ ctx: request.serviceContext(), form: request.body }),
        onSuccess: () =>
          reply.redirectWithFlash(`/${request.params.province}/sign-in`, {
            kind: "success",
            messageKey: "auth.signUp.done",
          }),
        renderInvalid: (form) => <SignUpPage form={form} />,
      }),
  );

  app.get("/:province/account", async (request, reply) => {
    if (!request.actor) throw new UnauthenticatedError();
    return reply.render(<AccountPage form={emptyForm()} />);
  });
  app.post<{ Params: ProvinceParams }>("/:province/account/password", async (request, reply) =>
    handleForm(request, reply, {
      run: () =>
        changePassword({
          ctx: request.serviceContext(),
          form: request.body,
          currentSessionToken: request.cookies[sessionCookie],
        }),
      onSuccess: () =>
        reply.redirectWithFlash(`/${request.params.province}/account`, {
          kind: "success",
          messageKey: "account.passwordChanged",
        }),
      renderInvalid: (form) => <AccountPage form={form} />,
    }),
  );

  app.get<{ Querystring: { sent?: string } }>("/:province/password-reset", async (request, reply) =>
    reply.render(<RequestResetPage form={emptyForm()} isSent={request.query.sent === "1"} />),
  );
  app.post<{ Params: ProvinceParams }>(
    "/:province/password-reset",
    { config: publicFormLimit },
    async (request, reply) =>
      handleForm(request, reply, {
        run: () =>
          requestPasswordReset({
            ctx: request.serviceContext(),
            form: request.body,
            publicUrl: app.config.publicUrl,
            t: request.t,
          }),
        onSuccess: () => reply.redirect(`/${request.params.province}/password-reset?sent=1`, 303),
        renderInvalid: (form) => <RequestResetPage form={form} isSent={false} />,
      }),
  );
  app.get<{ Params: ProvinceParams & { token: string } }>(
    "/:province/password-reset/:token",
    async (request, reply) =>
      reply.render(<ResetPasswordPage form={emptyForm()} token={request.params.token} />),
  );
  app.post<{ Params: ProvinceParams & { token: string } }>(
    "/:province/password-reset/:token",
    { config: publicFormLimit },
    async (request, reply) =>
      handleForm(request, reply, {
        run: () =>
          resetPassword({
            ctx: request.serviceContext(),
            form: { ...(request.body as object), token: request.params.token },
          }),
        onSuccess: () =>
          reply.redirectWithFlash(`/${request.params.province}/sign-in`, {
            kind: "success",
            messageKey: "auth.newPassword.done",
          }),
        renderInvalid: (form) => <ResetPasswordPage form={form} token={request.params.token} />,
      }),
  );

  app.get("/:province/admin/users", async (request, reply) => {
    const page = pageFromQuery(request.query, pageSize);
    const result = await getUsersPage({ ctx: request.serviceContext(), page });
    return reply.render(
      <UsersPage users={{ ...result, page: page.page, pageCount: Math.ceil(result.total / pageSize) }} />,
    );
  });
  app.get("/:province/admin/users/new", async (request, reply) => {
    const units = await getUnitsOfProvince({ ctx: request.serviceContext() });
    return reply.render(
      <UserFormPage form={emptyForm()} units={units} userId={null} selectedRoles={["officer"]} />,
    );
  });
  app.post<{ Params: ProvinceParams }>("/:province/admin/users", async (request, reply) => {
    const ctx = request.serviceContext();
    return handleForm(request, reply, {
      run: () => createUser({ ctx, form: request.body }),
      onSuccess: () =>
        reply.redirectWithFlash(`/${request.params.province}/admin/users`, {
          kind: "success",
          messageKey: "users.created",
        }),
      renderInvalid: async (form) => (
        <UserFormPage
          form={form}
          units={await getUnitsOfProvince({ ctx })}
          userId={null}
          selectedRoles={selectedRoles(request.body)}
        />
      ),
    });
  });
  app.get<{ Params: ProvinceParams & { id: string } }>(
    "/:province/admin/users/:id",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const user = await getUserForEdit({ ctx, userId: idFromParam(request.params.id) });
      const values = {
        fullName: user.fullName,
        email: user.email,
        phone: user.phone ?? "",
        unitId: user.unitId ? String(user.unitId) : "",
        status: user.status,
      };
      return reply.render(
        <UserFormPage
          form={emptyForm(values)}
          units={await getUnitsOfProvince({ ctx })}
          userId={user.id}
          selectedRoles={user.roles}
        />,
      );
    },
  );
  app.post<{ Params: ProvinceParams & { id: string } }>(
    "/:province/admin/users/:id",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const userId = idFromParam(request.params.id);
      const user = await getUserForEdit({ ctx, userId });
      const units = await getUnitsOfProvince({ ctx });
      return handleForm(request, reply, {
        run: () => updateUser({ ctx, userId, form: request.body }),
        onSuccess: () =>
          reply.redirectWithFlash(`/${request.params.province}/admin/users`, {
            kind: "success",
            messageKey: "users.updated",
          }),
        renderInvalid: (form) => (
          <UserFormPage
            form={{ ...form, values: { ...form.values, email: user.email } }}
            units={units}
            userId={userId}
            selectedRoles={selectedRoles(request.body)}
          />
        ),
      });
    },
  );

  app.get("/:province/admin/audit", async (request, reply) => {
    const page = pageFromQuery(request.query, pageSize);
    const result = await getAuditPage({ ctx: request.serviceContext(), page });
    return reply.render(
      <AuditPage entries={{ ...result, page: page.page, pageCount: Math.ceil(result.total / pageSize) }} />,
    );
  });
  app.get("/:province/admin/outbox", async (request, reply) => {
    const page = pageFromQuery(request.query, 20);
    const result = await getOutboxPage({
      ctx: request.serviceContext(),
      page,
      revealSecrets: !app.config.isProduction,
    });
    return reply.render(
      <OutboxPage messages={{ ...result, page: page.page, pageCount: Math.ceil(result.total / 20) }} />,
    );
  });
}

function selectedRoles(body: unknown): Role[] {
  const value = (body as { roles?: unknown } | undefined)?.roles;
  return (Array.isArray(value) ? value : value ? [value] : []) as Role[];
}
