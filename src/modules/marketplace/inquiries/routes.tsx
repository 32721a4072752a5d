import type { FastifyInstance } from "fastify";
import { handleForm } from "../../../platform/http/forms.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import { emptyForm } from "../../../views/components.tsx";
import {
  createInquiry,
  getMyThread,
  getThreadByToken,
  type InquiryTargetQuery,
  listMyInquiries,
  replyAsMember,
  replyByToken,
  resolveInquiryTarget,
} from "./services.ts";
import { InquiryFormPage, MyInquiriesPage, ThreadPage } from "./views.tsx";

type ProvinceParams = { province: string };

/** Public forms are rate-limited per address: five new inquiries in ten minutes, more for replies. */
const newInquiryLimit = { rateLimit: { max: 5, timeWindow: "10 minutes" } };
const replyLimit = { rateLimit: { max: 20, timeWindow: "10 minutes" } };

function targetQuery(query: Record<string, string | undefined>): InquiryTargetQuery {
  const pick = (value: string | undefined) => (value && value.length <= 120 ? value : undefined);
  return { product: pick(query.product), storefront: pick(query.storefront), offer: pick(query.offer) };
}

function formAction(province: string, target: InquiryTargetQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(target)) if (value) params.set(name, value);
  return `/${province}/inquiries/new?${params}`;
}

export async function inquiryRoutes(app: FastifyInstance) {
  app.get<{ Params: ProvinceParams; Querystring: Record<string, string | undefined> }>(
    "/:province/inquiries/new",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const query = targetQuery(request.query);
      const target = await resolveInquiryTarget(ctx, query);
      const subjectKey =
        target.kind === "offer" ? "inquiries.form.subjectOffer" : "inquiries.form.subjectAbout";
      const form = emptyForm({
        name: request.actor?.fullName ?? "",
        email: request.actor?.email ?? "",
        subject: request.t(subjectKey, { title: target.title }),
      });
      return reply.render(
        <InquiryFormPage target={target} form={form} action={formAction(request.params.province, query)} />,
      );
    },
  );

  app.post<{ Params: ProvinceParams; Querystring: Record<string, string | undefined> }>(
    "/:province/inquiries/new",
    { config: newInquiryLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const query = targetQuery(request.query);
      const province = request.params.province;
      return handleForm(request, reply, {
        run: () => createInquiry({ ctx, target: query, form: request.body }),
        onSuccess: ({ inquiryId, token }) =>
          reply.redirectWithFlash(
            ctx.actor ? `/${province}/my/inquiries/${inquiryId}` : `/${province}/inquiries/t/${token}`,
            { kind: "success", messageKey: "inquiries.flash.sent" },
          ),
        renderInvalid: async (form) => (
          <InquiryFormPage
            target={await resolveInquiryTarget(ctx, query)}
            form={form}
            action={formAction(province, query)}
          />
        ),
      });
    },
  );

  // The visitor's private thread: the URL is the key, so it is never sent on as a referrer nor indexed.
  app.get<{ Params: ProvinceParams & { token: string } }>(
    "/:province/inquiries/t/:token",
    async (request, reply) => {
      const thread = await getThreadByToken(request.serviceContext(), request.params.token);
      reply.header("referrer-policy", "no-referrer").header("x-robots-tag", "noindex");
      return reply.render(
        <ThreadPage
          thread={thread}
          form={emptyForm()}
          action={`/${request.params.province}/inquiries/t/${request.params.token}`}
          breadcrumbs={[]}
        />,
      );
    },
  );

  app.post<{ Params: ProvinceParams & { token: string } }>(
    "/:province/inquiries/t/:token",
    { config: replyLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const { province, token } = request.params;
      return handleForm(request, reply, {
        run: () => replyByToken({ ctx, token, form: request.body }),
        onSuccess: () =>
          reply.redirectWithFlash(`/${province}/inquiries/t/${token}`, {
            kind: "success",
            messageKey: "inquiries.flash.replied",
          }),
        renderInvalid: async (form) => (
          <ThreadPage
            thread={await getThreadByToken(ctx, token)}
            form={form}
            action={`/${province}/inquiries/t/${token}`}
            breadcrumbs={[]}
          />
        ),
      });
    },
  );

  app.get<{ Params: ProvinceParams }>("/:province/my/inquiries", async (request, reply) => {
    const data = await listMyInquiries(request.serviceContext());
    return reply.render(<MyInquiriesPage data={data} />);
  });

  const listCrumb = (request: { params: ProvinceParams; t: (key: string) => string }) => ({
    href: `/${request.params.province}/my/inquiries`,
    label: request.t("inquiries.list.title"),
  });

  app.get<{ Params: ProvinceParams & { id: string } }>(
    "/:province/my/inquiries/:id",
    async (request, reply) => {
      const thread = await getMyThread(request.serviceContext(), idFromParam(request.params.id));
      return reply.render(
        <ThreadPage
          thread={thread}
          form={emptyForm()}
          action={`/${request.params.province}/my/inquiries/${thread.inquiry.id}`}
          breadcrumbs={[listCrumb(request)]}
        />,
      );
    },
  );

  app.post<{ Params: ProvinceParams & { id: string } }>(
    "/:province/my/inquiries/:id",
    { config: replyLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const inquiryId = idFromParam(request.params.id);
      return handleForm(request, reply, {
        run: () => replyAsMember({ ctx, inquiryId, form: request.body }),
        onSuccess: () =>
          reply.redirectWithFlash(`/${request.params.province}/my/inquiries/${inquiryId}`, {
            kind: "success",
            messageKey: "inquiries.flash.replied",
          }),
        renderInvalid: async (form) => (
          <ThreadPage
            thread={await getMyThread(ctx, inquiryId)}
            form={form}
            action={`/${request.params.province}/my/inquiries/${inquiryId}`}
            breadcrumbs={[listCrumb(request)]}
          />
        ),
      });
    },
  );
}
