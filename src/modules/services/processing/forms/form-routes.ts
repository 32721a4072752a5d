import type { FastifyInstance, FastifyReply } from "fastify";
import { idFromParam } from "../../../../platform/http/route-id.ts";
import { renderApplicantFormLetter, renderControlSlipPdf, renderStaffFormLetter } from "./form-documents.ts";

type FormParams = { province: string; id: string; seq: string };

/** Letters 02–05 (staff and the applicant they are addressed to) and the control slip, form 06 (staff). */
export async function formRoutes(app: FastifyInstance) {
  const sendPdf = (reply: FastifyReply, bytes: Buffer, name: string) =>
    reply
      .header("content-type", "application/pdf")
      .header("content-disposition", `inline; filename="${name}"`)
      .header("cache-control", "private, no-store")
      .send(bytes);

  app.get<{ Params: FormParams }>(
    "/:province/admin/services/dossiers/:id/forms/:seq.pdf",
    async (request, reply) => {
      const id = idFromParam(request.params.id);
      const seq = idFromParam(request.params.seq);
      const { form, bytes } = await renderStaffFormLetter(request.serviceContext(), id, seq);
      return sendPdf(reply, bytes, `mau-${form}-ho-so-${id}-${seq}.pdf`);
    },
  );

  app.get<{ Params: FormParams }>("/:province/my/dossiers/:id/forms/:seq.pdf", async (request, reply) => {
    const id = idFromParam(request.params.id);
    const seq = idFromParam(request.params.seq);
    const { form, bytes } = await renderApplicantFormLetter(request.serviceContext(), id, seq);
    return sendPdf(reply, bytes, `mau-${form}-ho-so-${id}-${seq}.pdf`);
  });

  app.get<{ Params: Omit<FormParams, "seq"> }>(
    "/:province/admin/services/dossiers/:id/control-slip.pdf",
    async (request, reply) => {
      const id = idFromParam(request.params.id);
      const bytes = await renderControlSlipPdf(request.serviceContext(), id);
      return sendPdf(reply, bytes, `mau-06-ho-so-${id}.pdf`);
    },
  );
}
