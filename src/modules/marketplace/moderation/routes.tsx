import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../../../platform/errors.ts";
import { handleForm } from "../../../platform/http/forms.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import { emptyForm } from "../../../views/components.tsx";
import { decideListing, isDecision } from "./decide.ts";
import { isListingType } from "./listings.ts";
import { getListingReview, getModerationQueue, getReport, isQueueTab } from "./queue.ts";
import { closeReport, findReportableListing, reportListing } from "./reports.ts";
import { ModerationPage, ReportDecisionPage, ReportListingPage, ReviewPage } from "./views.tsx";

type ProvinceParams = { province: string };
type ListingParams = ProvinceParams & { type: string; id: string };
type DecisionParams = ListingParams & { decision: string };
type ReportParams = ProvinceParams & { id: string };
type ReportQuery = { type?: string; id?: string };

/** Public report forms: a handful per minute from one address is plenty for a person, too few for a flood. */
const reportLimit = { rateLimit: { max: 5, timeWindow: "1 minute" } };

function listingTypeOf(value: string) {
  if (!isListingType(value)) throw new NotFoundError("moderation.errors.notFound");
  return value;
}

export async function moderationRoutes(app: FastifyInstance) {
  app.get<{ Params: ProvinceParams; Querystring: Record<string, string | undefined> }>(
    "/:province/admin/moderation",
    async (request, reply) => {
      const query = request.query;
      const rawPage = Number(query.page ?? 1);
      const queue = await getModerationQueue({
        ctx: request.serviceContext(),
        tab: isQueueTab(query.tab) ? query.tab : null,
        page: Number.isInteger(rawPage) && rawPage > 0 && rawPage < 100_000 ? rawPage : 1,
        filter: {
          q: (query.q ?? "").slice(0, 200).trim(),
          type: isListingType(query.type) ? query.type : "",
        },
      });
      return reply.render(<ModerationPage queue={queue} />);
    },
  );

  app.get<{ Params: ReportParams }>("/:province/admin/moderation/reports/:id", async (request, reply) => {
    const { report, listing } = await getReport({
      ctx: request.serviceContext(),
      reportId: idFromParam(request.params.id),
    });
    return reply.render(<ReportDecisionPage report={report} listing={listing} form={emptyForm()} />);
  });
  app.post<{ Params: ReportParams }>("/:province/admin/moderation/reports/:id", async (request, reply) => {
    const ctx = request.serviceContext();
    const reportId = idFromParam(request.params.id);
    return handleForm(request, reply, {
      run: () => closeReport({ ctx, reportId, form: request.body }),
      onSuccess: (outcome) =>
        reply.redirectWithFlash(`/${request.params.province}/admin/moderation?tab=reports`, {
          kind: "success",
          messageKey: `moderation.report.done.${outcome}`,
        }),
      renderInvalid: async (form) => {
        const { report, listing } = await getReport({ ctx, reportId });
        return <ReportDecisionPage report={report} listing={listing} form={form} />;
      },
    });
  });

  app.get<{ Params: ListingParams }>("/:province/admin/moderation/:type/:id", async (request, reply) => {
    const { listing, facts, reports } = await getListingReview({
      ctx: request.serviceContext(),
      type: listingTypeOf(request.params.type),
      id: idFromParam(request.params.id),
    });
    return reply.render(<ReviewPage listing={listing} facts={facts} reports={reports} form={emptyForm()} />);
  });

  app.post<{ Params: DecisionParams }>(
    "/:province/admin/moderation/:type/:id/:decision",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const type = listingTypeOf(request.params.type);
      const id = idFromParam(request.params.id);
      const decision = request.params.decision;
      if (!isDecision(decision)) throw new NotFoundError();
      return handleForm(request, reply, {
        run: () => decideListing({ ctx, type, id, decision, form: request.body }),
        onSuccess: (listing) =>
          reply.redirectWithFlash(`/${request.params.province}/admin/moderation/${type}/${id}`, {
            kind: "success",
            messageKey: `moderation.done.${decision}`,
            params: { title: listing.title },
          }),
        renderInvalid: async (form) => {
          const { listing, facts, reports } = await getListingReview({ ctx, type, id });
          return <ReviewPage listing={listing} facts={facts} reports={reports} form={form} />;
        },
      });
    },
  );

  app.get<{ Params: ProvinceParams; Querystring: ReportQuery }>(
    "/:province/report-listing",
    async (request, reply) => {
      const type = listingTypeOf(request.query.type ?? "");
      const listing = await findReportableListing(
        request.serviceContext(),
        type,
        idFromParam(request.query.id),
      );
      return reply.render(<ReportListingPage type={type} listing={listing} form={emptyForm()} />);
    },
  );
  app.post<{ Params: ProvinceParams; Querystring: ReportQuery }>(
    "/:province/report-listing",
    { config: reportLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const type = listingTypeOf(request.query.type ?? "");
      const id = idFromParam(request.query.id);
      return handleForm(request, reply, {
        run: () => reportListing({ ctx, type, id, form: request.body }),
        onSuccess: (path) =>
          reply.redirectWithFlash(path, { kind: "success", messageKey: "moderation.report.thanks" }),
        renderInvalid: async (form) => (
          <ReportListingPage type={type} listing={await findReportableListing(ctx, type, id)} form={form} />
        ),
      });
    },
  );
}
