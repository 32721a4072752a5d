import type { FastifyInstance, FastifyRequest } from "fastify";
import { can } from "../../platform/authorization.ts";
import { handleForm, pageFromQuery } from "../../platform/http/forms.ts";
import { idFromParam } from "../../platform/http/route-id.ts";
import { emptyForm, type FormState } from "../../views/components.tsx";
import { chosenProvinceId, loadPlaces } from "./places.ts";
import {
  getEnterpriseDetail,
  listEnterprisesForOfficer,
  listPendingClaims,
  OFFICER_PAGE_SIZE,
  readOfficerFilters,
} from "./queries.ts";
import { decideClaim } from "./services/claim-enterprise.ts";
import { setEnterpriseStatus } from "./services/set-status.ts";
import { updateEnterpriseProfile } from "./services/update-profile.ts";
import { AdminEnterpriseDetailPage } from "./views/admin-detail-page.tsx";
import { AdminEnterpriseListPage } from "./views/admin-list-page.tsx";
import { profileFormValues } from "./views/profile-fields.tsx";

type Params = { province: string; id: string };

export async function enterpriseAdminRoutes(app: FastifyInstance) {
  app.get<{ Params: { province: string }; Querystring: Record<string, string | undefined> }>(
    "/:province/admin/enterprises",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const filters = readOfficerFilters(request.query);
      const { page } = pageFromQuery(request.query, OFFICER_PAGE_SIZE);
      const result = await listEnterprisesForOfficer(ctx, filters, page);
      const claims = await listPendingClaims(ctx);
      return reply.render(
        <AdminEnterpriseListPage
          result={result}
          filters={filters}
          claims={claims}
          canManage={can(ctx.actor, "enterprises.manage", ctx.province)}
        />,
      );
    },
  );

  /** The detail page, with either form showing what was typed and its problems after a refused submission. */
  async function renderDetail(
    request: FastifyRequest,
    enterpriseId: number,
    forms: { status?: FormState; profile?: FormState },
  ) {
    const ctx = request.serviceContext();
    const detail = await getEnterpriseDetail(ctx, enterpriseId);
    const profileForm = forms.profile ?? emptyForm(profileFormValues(detail.enterprise));
    const places = await loadPlaces(
      ctx.db,
      chosenProvinceId(profileForm.values, detail.enterprise.addressProvinceId),
    );
    return (
      <AdminEnterpriseDetailPage
        detail={detail}
        claims={await listPendingClaims(ctx, enterpriseId)}
        statusForm={forms.status ?? emptyForm()}
        profileForm={profileForm}
        places={places}
        canManage={can(ctx.actor, "enterprises.manage", ctx.province)}
      />
    );
  }

  app.get<{ Params: Params }>("/:province/admin/enterprises/:id", async (request, reply) =>
    reply.render(await renderDetail(request, idFromParam(request.params.id), {})),
  );

  app.post<{ Params: Params }>("/:province/admin/enterprises/:id", async (request, reply) => {
    const enterpriseId = idFromParam(request.params.id);
    return handleForm(request, reply, {
      run: () => updateEnterpriseProfile({ ctx: request.serviceContext(), enterpriseId, form: request.body }),
      onSuccess: () =>
        reply.redirectWithFlash(`/${request.params.province}/admin/enterprises/${enterpriseId}`, {
          kind: "success",
          messageKey: "enterprises.my.saved",
        }),
      renderInvalid: (form) => renderDetail(request, enterpriseId, { profile: form }),
    });
  });

  app.post<{ Params: Params }>("/:province/admin/enterprises/:id/status", async (request, reply) => {
    const enterpriseId = idFromParam(request.params.id);
    return handleForm(request, reply, {
      run: () => setEnterpriseStatus({ ctx: request.serviceContext(), enterpriseId, form: request.body }),
      onSuccess: (status) =>
        reply.redirectWithFlash(`/${request.params.province}/admin/enterprises/${enterpriseId}`, {
          kind: "success",
          messageKey: `enterprises.admin.statusChanged.${status}`,
        }),
      renderInvalid: (form) => renderDetail(request, enterpriseId, { status: form }),
    });
  });

  app.post<{ Params: Params & { user: string } }>(
    "/:province/admin/enterprises/:id/claims/:user",
    async (request, reply) => {
      const enterpriseId = idFromParam(request.params.id);
      const decision = await decideClaim({
        ctx: request.serviceContext(),
        enterpriseId,
        userId: idFromParam(request.params.user),
        form: request.body,
      });
      return reply.redirectWithFlash(`/${request.params.province}/admin/enterprises/${enterpriseId}`, {
        kind: "success",
        messageKey: `enterprises.claim.decided.${decision}`,
      });
    },
  );
}
