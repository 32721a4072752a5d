import type { FastifyInstance } from "fastify";
import { ValidationError } from "../../../../platform/errors.ts";
import { handleForm } from "../../../../platform/http/forms.ts";
import { emptyForm } from "../../../../views/components.tsx";
import { rateDossierByLookup } from "../rating/rate-dossier.ts";
import { lookupDossier, proofFromForm } from "./lookup.ts";
import { LookupPage } from "./views.tsx";

type ProvinceParams = { province: string };

/**
 * A wrong guess costs a request: ten lookups per address in ten minutes is plenty for an applicant and makes
 * guessing a phone number for a known code hopeless. Ratings share the proof, so they are limited too.
 */
export const lookupLimit = { rateLimit: { max: 10, timeWindow: "10 minutes" } };

/** The public lookup: a GET form (the QR on form 01 links here with the code), a POST that answers. */
export async function lookupRoutes(app: FastifyInstance) {
  app.get<{ Params: ProvinceParams; Querystring: { code?: string } }>(
    "/:province/services/lookup",
    async (request, reply) => {
      const code = typeof request.query.code === "string" ? request.query.code.slice(0, 60) : "";
      reply.header("x-robots-tag", "noindex");
      return reply.render(<LookupPage form={emptyForm({ code })} status={null} />);
    },
  );

  // POST, not GET: the phone number or tax code must not end up in addresses, logs or the browser history.
  app.post<{ Params: ProvinceParams }>(
    "/:province/services/lookup",
    { config: lookupLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      reply.header("x-robots-tag", "noindex").header("cache-control", "no-store");
      return handleForm(request, reply, {
        run: () => lookupDossier(ctx, proofFromForm(request.body)),
        onSuccess: (status) => {
          const { code, contact } = request.body as Record<string, string>;
          return reply.render(
            <LookupPage form={emptyForm({ code: code ?? "", contact: contact ?? "" })} status={status} />,
          );
        },
        renderInvalid: (form) => <LookupPage form={form} status={null} />,
      });
    },
  );

  app.post<{ Params: ProvinceParams }>(
    "/:province/services/lookup/rating",
    { config: lookupLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const province = request.params.province;
      reply.header("cache-control", "no-store");
      return handleForm(request, reply, {
        run: () => rateDossierByLookup({ ctx, form: request.body }),
        onSuccess: ({ code }) =>
          reply.redirectWithFlash(`/${province}/services/lookup?code=${encodeURIComponent(code)}`, {
            kind: "success",
            messageKey: "services.rating.thanks",
          }),
        renderInvalid: async (ratingForm) => {
          // Show the status again with the rating's problems; if the proof itself fails, only the lookup form.
          const lookupForm = emptyForm({
            code: ratingForm.values.code ?? "",
            contact: ratingForm.values.contact ?? "",
          });
          try {
            const status = await lookupDossier(ctx, proofFromForm(lookupForm.values));
            return <LookupPage form={lookupForm} status={status} ratingForm={ratingForm} />;
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            return <LookupPage form={{ ...lookupForm, issues: ratingForm.issues }} status={null} />;
          }
        },
      });
    },
  );
}
