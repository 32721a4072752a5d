import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { handleForm } from "../../platform/http/forms.ts";
import type { ServiceContext } from "../../platform/request-context.ts";
import { emptyForm, type FormState } from "../../views/components.tsx";
import { chosenProvinceId, loadPlaces } from "./places.ts";
import { getMyEnterprise, type MyEnterpriseState } from "./queries.ts";
import { claimEnterprise } from "./services/claim-enterprise.ts";
import { defaultAddressProvinceId } from "./services/enterprise-records.ts";
import { assertActingEnterprise } from "./services/membership.ts";
import { registerEnterprise } from "./services/register-enterprise.ts";
import { updateEnterpriseProfile } from "./services/update-profile.ts";
import { ClaimPage, MyEnterprisePage } from "./views/my-enterprise-page.tsx";
import { profileFormValues } from "./views/profile-fields.tsx";

type Params = { province: string };

function initialValues(ctx: ServiceContext, state: MyEnterpriseState): Record<string, string> {
  if (state.kind === "member") return profileFormValues(state.enterprise);
  return { addressProvinceId: String(defaultAddressProvinceId(ctx)) };
}

async function renderMyPage(
  request: FastifyRequest,
  reply: FastifyReply,
  form: FormState | null,
  status = 200,
) {
  const ctx = request.serviceContext();
  const state = await getMyEnterprise(ctx);
  const shown = form ?? emptyForm(initialValues(ctx, state));
  const places = await loadPlaces(ctx.db, chosenProvinceId(shown.values, defaultAddressProvinceId(ctx)));
  return reply.render(<MyEnterprisePage state={state} form={shown} places={places} />, status);
}

export async function myEnterpriseRoutes(app: FastifyInstance) {
  app.get<{ Params: Params }>("/:province/my/enterprise", (request, reply) =>
    renderMyPage(request, reply, null),
  );

  app.post<{ Params: Params }>("/:province/my/enterprise/register", (request, reply) =>
    handleForm(request, reply, {
      run: () => registerEnterprise({ ctx: request.serviceContext(), form: request.body }),
      onSuccess: () =>
        reply.redirectWithFlash(`/${request.params.province}/my/enterprise`, {
          kind: "success",
          messageKey: "enterprises.register.done",
        }),
      renderInvalid: async (form) => {
        const ctx = request.serviceContext();
        const places = await loadPlaces(ctx.db, chosenProvinceId(form.values, defaultAddressProvinceId(ctx)));
        return <MyEnterprisePage state={{ kind: "none" }} form={form} places={places} />;
      },
    }),
  );

  app.post<{ Params: Params }>("/:province/my/enterprise", async (request, reply) => {
    const ctx = request.serviceContext();
    const { enterprise } = await assertActingEnterprise(ctx);
    return handleForm(request, reply, {
      run: () => updateEnterpriseProfile({ ctx, enterpriseId: enterprise.id, form: request.body }),
      onSuccess: () =>
        reply.redirectWithFlash(`/${request.params.province}/my/enterprise`, {
          kind: "success",
          messageKey: "enterprises.my.saved",
        }),
      renderInvalid: async (form) => {
        const state = await getMyEnterprise(ctx);
        const places = await loadPlaces(ctx.db, chosenProvinceId(form.values, enterprise.addressProvinceId));
        return <MyEnterprisePage state={state} form={form} places={places} />;
      },
    });
  });

  app.get<{ Params: Params; Querystring: { taxCode?: string } }>(
    "/:province/my/enterprise/claim",
    async (request, reply) => {
      await getMyEnterprise(request.serviceContext());
      return reply.render(
        <ClaimPage form={emptyForm({ taxCode: String(request.query.taxCode ?? "").slice(0, 20) })} />,
      );
    },
  );
  app.post<{ Params: Params }>("/:province/my/enterprise/claim", (request, reply) =>
    handleForm(request, reply, {
      run: () => claimEnterprise({ ctx: request.serviceContext(), form: request.body }),
      onSuccess: () =>
        reply.redirectWithFlash(`/${request.params.province}/my/enterprise`, {
          kind: "success",
          messageKey: "enterprises.claim.sent",
        }),
      renderInvalid: (form) => <ClaimPage form={form} />,
    }),
  );
}
