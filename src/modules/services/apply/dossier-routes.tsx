import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { UnauthenticatedError, ValidationError } from "../../../platform/errors.ts";
import { pageFromQuery } from "../../../platform/http/forms.ts";
import { readMultipart } from "../../../platform/http/multipart.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { emptyForm, type FormState } from "../../../views/components.tsx";
import {
  type DossierRow,
  getDossierForApplicant,
  getDossierForStaff,
  readDossierFile,
} from "../dossiers/index.ts";
import { applicantFormLetterPath } from "../processing/forms/form-documents.ts";
import { letterFormOf } from "../processing/forms/form-letters.ts";
import { loadDraftState } from "./draft-state.ts";
import { loadDossierOverview } from "./overview.ts";
import { listApplicantDossiers } from "./queries.ts";
import { loadReceiptData } from "./receipt/receipt-data.ts";
import { renderReceiptPdf } from "./receipt/receipt-pdf.ts";
import { supplyDossier, withdrawDossier } from "./services/follow-up.ts";
import { DossierPage } from "./views/dossier-page.tsx";
import { MyDossiersPage } from "./views/my-dossiers-page.tsx";
import { dossierPaths, myDossiersPath } from "./views/shared.tsx";
import { TaskListPage } from "./views/task-list-page.tsx";

type ProvinceParams = { province: string };
type DossierParams = ProvinceParams & { id: string };

const pageSize = 20;
const supplyLimit = { rateLimit: { max: 30, timeWindow: "10 minutes" } };

async function renderDossierPage(
  request: FastifyRequest<{ Params: DossierParams }>,
  reply: FastifyReply,
  options: { justSubmitted: boolean; supplyForm: FormState; status?: number },
) {
  const ctx = request.serviceContext();
  const data = await loadDossierOverview(ctx, idFromParam(request.params.id));
  const letterLinks = new Map<number, string>();
  for (const line of data.history) {
    if (letterFormOf(line))
      letterLinks.set(line.seq, applicantFormLetterPath(ctx.province.slug, data.dossier.id, line.seq));
  }
  return reply.render(
    <DossierPage
      data={data}
      justSubmitted={options.justSubmitted}
      supplyForm={options.supplyForm}
      letterLinks={letterLinks}
    />,
    options.status ?? 200,
  );
}

async function sendReceipt(ctx: ServiceContext, reply: FastifyReply, dossier: DossierRow) {
  const pdf = await renderReceiptPdf(await loadReceiptData(ctx, dossier));
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `inline; filename="phieu-tiep-nhan-${dossier.code}.pdf"`)
    .header("cache-control", "private, no-store")
    .send(pdf);
}

export async function dossierRoutes(app: FastifyInstance) {
  app.get<{ Params: ProvinceParams }>("/:province/my/dossiers", async (request, reply) => {
    const ctx = request.serviceContext();
    if (!ctx.actor) throw new UnauthenticatedError();
    const { page, limit, offset } = pageFromQuery(request.query, pageSize);
    const lists = await listApplicantDossiers(ctx.db, {
      userId: ctx.actor.userId,
      scopeIds: ctx.province.scopeIds,
      limit,
      offset,
    });
    return reply.render(<MyDossiersPage data={{ ...lists, page, pageSize }} />);
  });

  app.get<{ Params: DossierParams; Querystring: { submitted?: string } }>(
    "/:province/my/dossiers/:id",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const dossier = await getDossierForApplicant(ctx, idFromParam(request.params.id));
      if (dossier.state === "draft") {
        return reply.render(<TaskListPage state={await loadDraftState(ctx, dossier.id)} />);
      }
      return renderDossierPage(request, reply, {
        justSubmitted: request.query.submitted === "1",
        supplyForm: emptyForm(),
      });
    },
  );

  app.post<{ Params: DossierParams }>(
    "/:province/my/dossiers/:id/supply",
    { config: supplyLimit },
    async (request, reply) => {
      const dossierId = idFromParam(request.params.id);
      const { fields, files } = await readMultipart(request);
      try {
        await supplyDossier({
          ctx: request.serviceContext(),
          dossierId,
          form: fields,
          files: files.files ?? [],
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const comment = typeof fields.comment === "string" ? fields.comment : "";
        return renderDossierPage(request, reply, {
          justSubmitted: false,
          supplyForm: { values: { comment }, issues: error.issues },
          status: 422,
        });
      }
      return reply.redirectWithFlash(dossierPaths(request.params.province, dossierId).base, {
        kind: "success",
        messageKey: "services.apply.flash.supplied",
      });
    },
  );

  app.post<{ Params: DossierParams }>("/:province/my/dossiers/:id/withdraw", async (request, reply) => {
    const dossier = await withdrawDossier({
      ctx: request.serviceContext(),
      dossierId: idFromParam(request.params.id),
      form: request.body,
    });
    return reply.redirectWithFlash(
      dossier.code
        ? dossierPaths(request.params.province, dossier.id).base
        : myDossiersPath(request.params.province),
      {
        kind: "success",
        messageKey: dossier.code ? "services.apply.flash.withdrawn" : "services.apply.flash.discarded",
      },
    );
  });

  app.get<{ Params: DossierParams & { file: string } }>(
    "/:province/my/dossiers/:id/files/:file",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const dossier = await getDossierForApplicant(ctx, idFromParam(request.params.id));
      const file = await readDossierFile(ctx.db, dossier, idFromParam(request.params.file));
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header("cache-control", "private, no-store")
        .send(file.bytes);
    },
  );

  app.get<{ Params: DossierParams }>("/:province/my/dossiers/:id/receipt.pdf", async (request, reply) => {
    const ctx = request.serviceContext();
    return sendReceipt(ctx, reply, await getDossierForApplicant(ctx, idFromParam(request.params.id)));
  });

  app.get<{ Params: DossierParams }>(
    "/:province/admin/services/dossiers/:id/receipt.pdf",
    async (request, reply) => {
      const ctx = request.serviceContext();
      return sendReceipt(ctx, reply, await getDossierForStaff(ctx, idFromParam(request.params.id)));
    },
  );
}
