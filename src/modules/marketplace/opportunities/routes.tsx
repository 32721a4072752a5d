import type { FastifyInstance } from "fastify";
import { handleForm } from "../../../platform/http/forms.ts";
import { emptyForm } from "../../../views/components.tsx";
import { addDays, todayInVietnam } from "../offers/inputs.ts";
import {
  confirmSubscription,
  getDailyOpportunities,
  getSubscriptionByToken,
  isCalendarDate,
  subscribeToDigest,
  topLevelCategories,
  unsubscribe,
} from "./services.ts";
import { OpportunitiesPage, SubscribePage, SubscriptionLinkPage } from "./views.tsx";

type ProvinceParams = { province: string };
type TokenParams = ProvinceParams & { token: string };

const subscribeLimit = { rateLimit: { max: 5, timeWindow: "10 minutes" } };

export async function opportunityRoutes(app: FastifyInstance) {
  app.get<{ Params: ProvinceParams; Querystring: { date?: string } }>(
    "/:province/opportunities",
    async (request, reply) => {
      const today = todayInVietnam();
      const requested = request.query.date;
      const date = requested && isCalendarDate(requested) && requested <= today ? requested : today;
      const data = await getDailyOpportunities(request.serviceContext(), date);
      return reply.render(
        <OpportunitiesPage
          date={date}
          previous={addDays(date, -1)}
          next={date < today ? addDays(date, 1) : null}
          data={data}
        />,
      );
    },
  );

  app.get<{ Params: ProvinceParams }>("/:province/opportunities/subscribe", async (request, reply) => {
    const categories = await topLevelCategories(request.serviceContext().db);
    const form = emptyForm({
      email: request.actor?.email ?? "",
      locale: request.locale,
      offerKinds: "sell,buy",
    });
    return reply.render(<SubscribePage form={form} categories={categories} />);
  });

  app.post<{ Params: ProvinceParams }>(
    "/:province/opportunities/subscribe",
    { config: subscribeLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      return handleForm(request, reply, {
        run: () => subscribeToDigest({ ctx, form: request.body }),
        onSuccess: () =>
          reply.redirectWithFlash(`/${request.params.province}/opportunities`, {
            kind: "success",
            messageKey: "opportunities.flash.checkMail",
          }),
        renderInvalid: async (form) => (
          <SubscribePage form={form} categories={await topLevelCategories(ctx.db)} />
        ),
      });
    },
  );

  for (const mode of ["confirm", "unsubscribe"] as const) {
    app.get<{ Params: TokenParams }>(`/:province/opportunities/${mode}/:token`, async (request, reply) => {
      const subscription = await getSubscriptionByToken(request.serviceContext(), request.params.token);
      reply.header("referrer-policy", "no-referrer").header("x-robots-tag", "noindex");
      return reply.render(
        <SubscriptionLinkPage
          mode={mode}
          subscription={subscription}
          action={`/${request.params.province}/opportunities/${mode}/${request.params.token}`}
        />,
      );
    });
    app.post<{ Params: TokenParams }>(`/:province/opportunities/${mode}/:token`, async (request, reply) => {
      const ctx = request.serviceContext();
      const { token, province } = request.params;
      if (mode === "confirm") await confirmSubscription({ ctx, token });
      else await unsubscribe({ ctx, token });
      return reply.redirectWithFlash(`/${province}/opportunities/${mode}/${token}`, {
        kind: "success",
        messageKey: `opportunities.flash.${mode}`,
      });
    });
  }
}
