import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import { readMultipart } from "../../../platform/http/multipart.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import { emptyForm, type FormState } from "../../../views/components.tsx";
import { listTrustAnchors } from "./credential-store.ts";
import { getCertificateOverview, getResultDownload, type ResultDownload } from "./queries.ts";
import {
  createDevelopmentSigningCredential,
  installSigningCredential,
} from "./services/install-credential.ts";
import { configureResults } from "./settings.ts";
import { checkIssuedResult, checkUploadedPdf, type UploadCheck } from "./verification.ts";
import { CertificatePage } from "./views/certificate-page.tsx";
import { VerifyPage } from "./views/verify-page.tsx";

type ProvinceParams = { province: string };
type IdParams = ProvinceParams & { id: string };
type TokenParams = ProvinceParams & { token: string };

/** Checking an uploaded PDF parses and hashes up to 5 MB: ten checks per address in ten minutes. */
const verifyUploadLimit = { rateLimit: { max: 10, timeWindow: "10 minutes" } };

function sendResult(reply: FastifyReply, download: ResultDownload): FastifyReply {
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `attachment; filename="${download.filename}"`)
    .header("cache-control", "private, no-store")
    .send(download.bytes);
}

/** Signed results: download, public verification, the Department's signing certificate. */
export async function resultRoutes(app: FastifyInstance) {
  // Results are signed outside requests too (listeners): the stored keys' passphrase derives from this secret.
  configureResults({ sessionSecret: app.config.sessionSecret });

  const certificatePage = (province: string) => `/${province}/admin/services/certificate`;

  app.get<{ Params: ProvinceParams }>("/:province/admin/services/certificate", async (request, reply) => {
    const overview = await getCertificateOverview(request.serviceContext());
    return reply.render(<CertificatePage overview={overview} form={emptyForm()} />);
  });

  app.post<{ Params: ProvinceParams }>("/:province/admin/services/certificate", async (request, reply) => {
    const ctx = request.serviceContext();
    const parsed = await readMultipart(request);
    try {
      await installSigningCredential({ ctx, fields: parsed.fields, files: parsed.files.pkcs12 ?? [] });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // The password is never echoed back; the file input cannot be.
      const form: FormState = { values: {}, issues: error.issues };
      return reply.render(<CertificatePage overview={await getCertificateOverview(ctx)} form={form} />, 422);
    }
    return reply.redirectWithFlash(certificatePage(request.params.province), {
      kind: "success",
      messageKey: "services.results.flash.installed",
    });
  });

  app.post<{ Params: ProvinceParams }>(
    "/:province/admin/services/certificate/development",
    async (request, reply) => {
      await createDevelopmentSigningCredential({ ctx: request.serviceContext() });
      return reply.redirectWithFlash(certificatePage(request.params.province), {
        kind: "success",
        messageKey: "services.results.flash.developmentCreated",
      });
    },
  );

  app.get<{ Params: IdParams }>("/:province/my/dossiers/:id/result", async (request, reply) =>
    sendResult(
      reply,
      await getResultDownload(request.serviceContext(), idFromParam(request.params.id), "applicant"),
    ),
  );

  app.get<{ Params: IdParams }>("/:province/admin/services/dossiers/:id/result", async (request, reply) =>
    sendResult(
      reply,
      await getResultDownload(request.serviceContext(), idFromParam(request.params.id), "staff"),
    ),
  );

  // The trust anchors (PEM) of every key the portal has signed with, for anyone checking a result offline.
  app.get<{ Params: ProvinceParams }>("/:province/verify/ca.pem", async (request, reply) => {
    const ctx = request.serviceContext();
    const anchors = await listTrustAnchors(ctx.db, ctx.province.scopeIds);
    if (anchors.length === 0) throw new NotFoundError();
    return reply
      .header("content-type", "application/x-pem-file")
      .header("content-disposition", `attachment; filename="${request.params.province}-ca.pem"`)
      .send(anchors.join("\n"));
  });

  const renderVerify = async (
    request: FastifyRequest<{ Params: ProvinceParams & { token?: string } }>,
    reply: FastifyReply,
    state: { upload: UploadCheck | null; form: FormState; status?: number },
  ) => {
    const ctx = request.serviceContext();
    const token = request.params.token ?? null;
    const check = token ? await checkIssuedResult(ctx, token) : null;
    // The verification link is the key to the record: never sent on as a referrer, never indexed.
    reply.header("referrer-policy", "no-referrer").header("x-robots-tag", "noindex");
    const action = token
      ? `/${request.params.province}/verify/${encodeURIComponent(token)}`
      : `/${request.params.province}/verify`;
    return reply.render(
      <VerifyPage check={check} upload={state.upload} form={state.form} action={action} />,
      state.status,
    );
  };

  const verifyUpload = async (
    request: FastifyRequest<{ Params: ProvinceParams & { token?: string } }>,
    reply: FastifyReply,
  ) => {
    const ctx = request.serviceContext();
    const parsed = await readMultipart(request);
    try {
      const upload = await checkUploadedPdf(ctx, {
        token: request.params.token ?? null,
        files: parsed.files.document ?? [],
      });
      return renderVerify(request, reply, { upload, form: emptyForm() });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderVerify(request, reply, {
        upload: null,
        form: { values: {}, issues: error.issues },
        status: 422,
      });
    }
  };

  app.get<{ Params: ProvinceParams }>("/:province/verify", (request, reply) =>
    renderVerify(request, reply, { upload: null, form: emptyForm() }),
  );
  app.post<{ Params: ProvinceParams }>("/:province/verify", { config: verifyUploadLimit }, verifyUpload);
  app.get<{ Params: TokenParams }>("/:province/verify/:token", (request, reply) =>
    renderVerify(request, reply, { upload: null, form: emptyForm() }),
  );
  app.post<{ Params: TokenParams }>("/:province/verify/:token", { config: verifyUploadLimit }, verifyUpload);
}
