import type { FastifyInstance, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { ValidationError } from "../../../platform/errors.ts";
import { formValues, handleForm } from "../../../platform/http/forms.ts";
import { readMultipart } from "../../../platform/http/multipart.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import { emptyForm, type FormState } from "../../../views/components.tsx";
import { answersToFormValues } from "../catalogue/questions.ts";
import { type DraftState, detailsFormValues, loadDraftState } from "./draft-state.ts";
import { isSaveForLater } from "./inputs.ts";
import { getApplyStart } from "./services/apply-start.ts";
import { createDraftDossier } from "./services/create-draft.ts";
import { addComponentFiles, componentField, removeDraftFile } from "./services/draft-files.ts";
import { saveAnswers, saveApplicantDetails, saveDelivery } from "./services/save-draft.ts";
import { submitDraft } from "./services/submit-draft.ts";
import { CheckPage } from "./views/check-page.tsx";
import { DocumentsPage } from "./views/documents-page.tsx";
import { DeliveryPage, DetailsPage, type DraftPageProps, QuestionsPage } from "./views/draft-form-pages.tsx";
import { dossierPaths, myDossiersPath } from "./views/shared.tsx";
import { StartPage } from "./views/start-page.tsx";

type ProvinceParams = { province: string };
type CodeParams = ProvinceParams & { code: string };
type DraftParams = ProvinceParams & { id: string };
type FromQuery = { Querystring: { from?: string } };

/** Starting drafts is cheap for us and for an abuser: a person starts a few a day, not hundreds. */
const startLimit = { rateLimit: { max: 20, timeWindow: "10 minutes" } };
const uploadLimit = { rateLimit: { max: 60, timeWindow: "10 minutes" } };

/** The short pages of a draft: which page, its form values from the stored draft, how to save it. */
const draftPages = {
  details: {
    view: DetailsPage,
    values: (state: DraftState) => detailsFormValues(state.dossier),
    save: saveApplicantDetails,
  },
  questions: {
    view: QuestionsPage,
    values: (state: DraftState) => answersToFormValues(state.questions, state.dossier.answers),
    save: saveAnswers,
  },
  delivery: {
    view: DeliveryPage,
    values: (state: DraftState) => ({
      deliveryMethod: state.dossier.deliveryMethod,
      deliveryAddress: state.dossier.deliveryAddress ?? "",
    }),
    save: saveDelivery,
  },
} satisfies Record<
  string,
  {
    view: (props: DraftPageProps) => VNode;
    values: (state: DraftState) => Record<string, string>;
    save: (input: {
      ctx: ReturnType<FastifyRequest["serviceContext"]>;
      dossierId: number;
      form: unknown;
    }) => Promise<void>;
  }
>;
type DraftPage = keyof typeof draftPages;

/** GOV.UK order: details → questions (when the version has any) → documents → delivery → check. */
function nextPath(page: DraftPage, state: DraftState, slug: string, fromCheck: boolean): string {
  const paths = dossierPaths(slug, state.dossier.id);
  if (fromCheck) return paths.check;
  if (page === "details") return state.questions.length > 0 ? paths.questions : paths.documents;
  if (page === "questions") return paths.documents;
  return paths.base;
}

export async function draftRoutes(app: FastifyInstance) {
  app.get<{ Params: CodeParams }>("/:province/services/:code/apply", async (request, reply) => {
    const data = await getApplyStart(request.serviceContext(), request.params.code);
    return reply.render(<StartPage data={data} />);
  });

  app.post<{ Params: CodeParams }>(
    "/:province/services/:code/apply",
    { config: startLimit },
    async (request, reply) => {
      const { dossierId } = await createDraftDossier({
        ctx: request.serviceContext(),
        procedureCode: request.params.code,
      });
      return reply.redirectWithFlash(dossierPaths(request.params.province, dossierId).base, {
        kind: "success",
        messageKey: "services.apply.flash.started",
      });
    },
  );

  for (const page of Object.keys(draftPages) as DraftPage[]) {
    const { view: View, values, save } = draftPages[page];
    app.get<{ Params: DraftParams } & FromQuery>(
      `/:province/my/dossiers/:id/${page}`,
      async (request, reply) => {
        const state = await loadDraftState(request.serviceContext(), idFromParam(request.params.id));
        if (page === "questions" && state.questions.length === 0)
          return reply.redirect(dossierPaths(request.params.province, state.dossier.id).base, 303);
        return reply.render(
          <View state={state} form={emptyForm(values(state))} fromCheck={request.query.from === "check"} />,
        );
      },
    );
    app.post<{ Params: DraftParams } & FromQuery>(
      `/:province/my/dossiers/:id/${page}`,
      async (request, reply) => {
        const ctx = request.serviceContext();
        const dossierId = idFromParam(request.params.id);
        const fromCheck = request.query.from === "check";
        return handleForm(request, reply, {
          run: async () => {
            await save({ ctx, dossierId, form: request.body });
            if (isSaveForLater(request.body)) return null;
            return nextPath(page, await loadDraftState(ctx, dossierId), request.params.province, fromCheck);
          },
          onSuccess: (next) =>
            next === null
              ? reply.redirectWithFlash(myDossiersPath(request.params.province), {
                  kind: "success",
                  messageKey: "services.apply.flash.savedForLater",
                })
              : reply.redirect(next, 303),
          renderInvalid: async (form) => (
            <View state={await loadDraftState(ctx, dossierId)} form={form} fromCheck={fromCheck} />
          ),
        });
      },
    );
  }

  app.get<{ Params: DraftParams }>("/:province/my/dossiers/:id/documents", async (request, reply) => {
    const state = await loadDraftState(request.serviceContext(), idFromParam(request.params.id));
    return reply.render(<DocumentsPage state={state} form={emptyForm()} />);
  });

  app.post<{ Params: DraftParams & { component: string } }>(
    "/:province/my/dossiers/:id/documents/:component",
    { config: uploadLimit },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const dossierId = idFromParam(request.params.id);
      const componentId = idFromParam(request.params.component);
      const { files } = await readMultipart(request);
      try {
        const count = await addComponentFiles({
          ctx,
          dossierId,
          componentId,
          files: files[componentField(componentId)] ?? [],
        });
        return reply.redirectWithFlash(dossierPaths(request.params.province, dossierId).documents, {
          kind: "success",
          messageKey: "services.apply.flash.uploaded",
          params: { count: String(count) },
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const state = await loadDraftState(ctx, dossierId);
        return reply.render(<DocumentsPage state={state} form={{ values: {}, issues: error.issues }} />, 422);
      }
    },
  );

  app.post<{ Params: DraftParams & { file: string } }>(
    "/:province/my/dossiers/:id/documents/files/:file/remove",
    async (request, reply) => {
      const dossierId = idFromParam(request.params.id);
      await removeDraftFile({
        ctx: request.serviceContext(),
        dossierId,
        dossierFileId: idFromParam(request.params.file),
      });
      return reply.redirectWithFlash(dossierPaths(request.params.province, dossierId).documents, {
        kind: "success",
        messageKey: "services.apply.flash.removed",
      });
    },
  );

  app.get<{ Params: DraftParams }>("/:province/my/dossiers/:id/check", async (request, reply) => {
    const state = await loadDraftState(request.serviceContext(), idFromParam(request.params.id));
    return reply.render(<CheckPage state={state} form={emptyForm()} />);
  });

  app.post<{ Params: DraftParams }>("/:province/my/dossiers/:id/submit", async (request, reply) => {
    const ctx = request.serviceContext();
    const dossierId = idFromParam(request.params.id);
    try {
      await submitDraft({ ctx, dossierId, form: request.body });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const state = await loadDraftState(ctx, dossierId);
      const form: FormState = { values: formValues(request.body), issues: error.issues };
      return reply.render(<CheckPage state={state} form={form} />, 422);
    }
    return reply.redirect(`${dossierPaths(request.params.province, dossierId).base}?submitted=1`, 303);
  });
}
