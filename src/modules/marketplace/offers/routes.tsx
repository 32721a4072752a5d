import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { ValidationError } from "../../../platform/errors.ts";
import { handleForm, pageFromQuery } from "../../../platform/http/forms.ts";
import { readMultipart } from "../../../platform/http/multipart.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import { formatDate, formatNumber } from "../../../platform/vn-format.ts";
import { emptyForm, type FormState } from "../../../views/components.tsx";
import { addDays, deliveryTermFormValues, todayInVietnam } from "./inputs.ts";
import { marketplaceLink } from "./links.ts";
import {
  acceptQuote,
  createOffer,
  createQuote,
  getMyOffer,
  getOfferForEdit,
  getOfferFormOptions,
  getPublicOffer,
  listMyOffers,
  listMyQuotes,
  listPublicOffers,
  type OfferAttachment,
  type OfferRow,
  type QuoteSort,
  removeOfferAttachment,
  submitOffer,
  updateOffer,
  withdrawOffer,
  withdrawQuote,
} from "./services.ts";
import {
  MyOfferPage,
  MyOffersPage,
  MyQuotesPage,
  OfferFormPage,
  PublicOfferPage,
  PublicOffersPage,
} from "./views.tsx";

type ProvinceParams = { province: string };
type IdParams = ProvinceParams & { id: string };

function offerFormValues(offer: OfferRow): Record<string, string> {
  return {
    kind: offer.kind,
    title: offer.title,
    titleEn: offer.titleEn ?? "",
    categoryId: String(offer.categoryId),
    productId: offer.productId ? String(offer.productId) : "",
    specification: offer.specification,
    specificationEn: offer.specificationEn ?? "",
    quantity: formatNumber(offer.quantity, { maximumFractionDigits: 3 }),
    unit: offer.unit,
    priceDong: offer.priceDong === null ? "" : formatNumber(offer.priceDong),
    ...deliveryTermFormValues(offer.deliveryTerms),
    deliveryPlace: offer.deliveryPlace ?? "",
    expiresOn: formatDate(offer.expiresOn),
  };
}

/** Values of a multipart form as a FormState (repeated fields joined), for re-rendering after an error. */
function valuesOf(fields: Record<string, string | string[]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name === "_csrf") continue;
    values[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return values;
}

/** handleForm for multipart forms: the values come from the parsed parts, files are passed to the service. */
async function handleMultipartForm<Result>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    run: (parsed: Awaited<ReturnType<typeof readMultipart>>) => Promise<Result>;
    onSuccess: (result: Result) => FastifyReply;
    renderInvalid: (form: FormState) => Promise<VNode>;
  },
): Promise<FastifyReply> {
  const parsed = await readMultipart(request);
  try {
    return options.onSuccess(await options.run(parsed));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return reply.render(
      await options.renderInvalid({ values: valuesOf(parsed.fields), issues: error.issues }),
      422,
    );
  }
}

function quoteSort(query: unknown): QuoteSort {
  const sort = (query as { sort?: string } | undefined)?.sort;
  return sort === "total" || sort === "date" ? sort : "price";
}

export async function offerPageRoutes(app: FastifyInstance) {
  const myOffers = (province: string) => `/${province}/my/offers`;

  app.get<{ Params: ProvinceParams }>("/:province/my/offers", async (request, reply) => {
    const data = await listMyOffers(request.serviceContext());
    return reply.render(<MyOffersPage data={data} />);
  });

  app.get<{ Params: ProvinceParams; Querystring: { kind?: string } }>(
    "/:province/my/offers/new",
    async (request, reply) => {
      const options = await getOfferFormOptions(request.serviceContext());
      const kind = request.query.kind === "buy" || request.query.kind === "sell" ? request.query.kind : "";
      const defaults = {
        kind,
        deliveryTerm: "negotiable",
        expiresOn: formatDate(addDays(todayInVietnam(), 30)),
      };
      return reply.render(
        <OfferFormPage offerId={null} form={emptyForm(defaults)} options={options} attachments={[]} />,
      );
    },
  );

  app.post<{ Params: ProvinceParams }>("/:province/my/offers", async (request, reply) => {
    const ctx = request.serviceContext();
    return handleMultipartForm(request, reply, {
      run: ({ fields, files }) => createOffer({ ctx, form: fields, files: files.attachments ?? [] }),
      onSuccess: (offerId) =>
        reply.redirectWithFlash(`${myOffers(request.params.province)}/${offerId}`, {
          kind: "success",
          messageKey: "offers.flash.created",
        }),
      renderInvalid: async (form) => (
        <OfferFormPage offerId={null} form={form} options={await getOfferFormOptions(ctx)} attachments={[]} />
      ),
    });
  });

  app.get<{ Params: IdParams; Querystring: { sort?: string } }>(
    "/:province/my/offers/:id",
    async (request, reply) => {
      const sort = quoteSort(request.query);
      const data = await getMyOffer(request.serviceContext(), idFromParam(request.params.id), sort);
      return reply.render(<MyOfferPage data={data} sort={sort} />);
    },
  );

  const renderEdit = async (request: FastifyRequest<{ Params: IdParams }>, form: FormState | null) => {
    const ctx = request.serviceContext();
    const { offer, attachments } = await getOfferForEdit(ctx, idFromParam(request.params.id));
    return (
      <OfferFormPage
        offerId={offer.id}
        form={form ?? emptyForm(offerFormValues(offer))}
        options={await getOfferFormOptions(ctx)}
        attachments={attachments as OfferAttachment[]}
      />
    );
  };

  app.get<{ Params: IdParams }>("/:province/my/offers/:id/edit", async (request, reply) =>
    reply.render(await renderEdit(request, null)),
  );

  app.post<{ Params: IdParams }>("/:province/my/offers/:id/edit", async (request, reply) => {
    const offerId = idFromParam(request.params.id);
    return handleMultipartForm(request, reply, {
      run: ({ fields, files }) =>
        updateOffer({ ctx: request.serviceContext(), offerId, form: fields, files: files.attachments ?? [] }),
      onSuccess: () =>
        reply.redirectWithFlash(`${myOffers(request.params.province)}/${offerId}`, {
          kind: "success",
          messageKey: "offers.flash.updated",
        }),
      renderInvalid: (form) => renderEdit(request, form),
    });
  });

  const action = (
    path: string,
    run: (request: FastifyRequest<{ Params: IdParams & { file?: string; quote?: string } }>) => Promise<void>,
    messageKey: string,
  ) => {
    app.post<{ Params: IdParams & { file?: string; quote?: string } }>(path, async (request, reply) => {
      await run(request);
      return reply.redirectWithFlash(
        `${myOffers(request.params.province)}/${idFromParam(request.params.id)}`,
        {
          kind: "success",
          messageKey,
        },
      );
    });
  };
  action(
    "/:province/my/offers/:id/submit",
    (request) => submitOffer({ ctx: request.serviceContext(), offerId: idFromParam(request.params.id) }),
    "offers.flash.submitted",
  );
  action(
    "/:province/my/offers/:id/withdraw",
    (request) => withdrawOffer({ ctx: request.serviceContext(), offerId: idFromParam(request.params.id) }),
    "offers.flash.withdrawn",
  );
  action(
    "/:province/my/offers/:id/attachments/:file/delete",
    (request) =>
      removeOfferAttachment({
        ctx: request.serviceContext(),
        offerId: idFromParam(request.params.id),
        fileId: idFromParam(request.params.file),
      }),
    "offers.flash.attachmentRemoved",
  );
  action(
    "/:province/my/offers/:id/quotes/:quote/accept",
    (request) =>
      acceptQuote({
        ctx: request.serviceContext(),
        offerId: idFromParam(request.params.id),
        quoteId: idFromParam(request.params.quote),
      }),
    "offers.flash.quoteAccepted",
  );

  app.get<{ Params: ProvinceParams }>("/:province/my/quotes", async (request, reply) => {
    const data = await listMyQuotes(request.serviceContext());
    return reply.render(<MyQuotesPage data={data} />);
  });

  app.post<{ Params: IdParams }>("/:province/my/quotes/:id/withdraw", async (request, reply) => {
    await withdrawQuote({ ctx: request.serviceContext(), quoteId: idFromParam(request.params.id) });
    return reply.redirectWithFlash(`/${request.params.province}/my/quotes`, {
      kind: "success",
      messageKey: "offers.flash.quoteWithdrawn",
    });
  });

  app.get<{ Params: ProvinceParams; Querystring: { kind?: string; category?: string; page?: string } }>(
    "/:province/offers",
    async (request, reply) => {
      const kind = request.query.kind === "buy" ? "buy" : "sell";
      const categoryId = idFromParam(request.query.category) || null;
      const { page } = pageFromQuery(request.query, 20);
      const data = await listPublicOffers(request.serviceContext(), { kind, categoryId, page });
      return reply.render(<PublicOffersPage kind={kind} categoryId={categoryId} page={page} data={data} />);
    },
  );

  const renderPublicOffer = async (
    request: FastifyRequest<{ Params: ProvinceParams & { slug: string } }>,
    quoteForm: FormState,
  ) => {
    const data = await getPublicOffer(request.serviceContext(), request.params.slug);
    const absoluteUrl = marketplaceLink(`/${request.params.province}/offers/${data.offer.slug}`);
    return <PublicOfferPage data={data} quoteForm={quoteForm} absoluteUrl={absoluteUrl} />;
  };

  app.get<{ Params: ProvinceParams & { slug: string } }>(
    "/:province/offers/:slug",
    async (request, reply) => {
      const data = await getPublicOffer(request.serviceContext(), request.params.slug);
      const defaults = emptyForm({
        quantity: formatNumber(data.offer.quantity, { maximumFractionDigits: 3 }),
        unit: data.offer.unit,
        validUntil: formatDate(data.offer.expiresOn),
      });
      return reply.render(await renderPublicOffer(request, defaults));
    },
  );

  app.post<{ Params: ProvinceParams & { slug: string } }>(
    "/:province/offers/:slug/quotes",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const data = await getPublicOffer(ctx, request.params.slug);
      return handleForm(request, reply, {
        run: () => createQuote({ ctx, offerId: data.offer.id, form: request.body }),
        onSuccess: () =>
          reply.redirectWithFlash(`/${request.params.province}/offers/${data.offer.slug}`, {
            kind: "success",
            messageKey: "offers.flash.quoteSent",
          }),
        renderInvalid: (form) => renderPublicOffer(request, form),
      });
    },
  );
}
