import type { FastifyInstance } from "fastify";
import { handleForm } from "../../../../platform/http/forms.ts";
import { idFromParam } from "../../../../platform/http/route-id.ts";
import { emptyForm } from "../../../../views/components.tsx";
import { getOwnRatingView, rateOwnDossier } from "./rate-dossier.ts";
import { OwnRatingPage } from "./views.tsx";

type RatingParams = { province: string; id: string };

/** The applicant rates a completed dossier from their account (`/my/dossiers/:id/rating`). */
export async function ratingRoutes(app: FastifyInstance) {
  app.get<{ Params: RatingParams }>("/:province/my/dossiers/:id/rating", async (request, reply) => {
    const view = await getOwnRatingView(request.serviceContext(), idFromParam(request.params.id));
    return reply.render(<OwnRatingPage view={view} form={emptyForm()} />);
  });

  app.post<{ Params: RatingParams }>("/:province/my/dossiers/:id/rating", async (request, reply) => {
    const ctx = request.serviceContext();
    const dossierId = idFromParam(request.params.id);
    return handleForm(request, reply, {
      run: () => rateOwnDossier({ ctx, dossierId, form: request.body }),
      onSuccess: () =>
        reply.redirectWithFlash(`/${request.params.province}/my/dossiers/${dossierId}`, {
          kind: "success",
          messageKey: "services.rating.thanks",
        }),
      renderInvalid: async (form) => (
        <OwnRatingPage view={await getOwnRatingView(ctx, dossierId)} form={form} />
      ),
    });
  });
}
