import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageFromQuery } from "../../../../platform/http/forms.ts";
import { type RegisterFilters, readRegisterFilters } from "./register-filters.ts";
import { RegisterPage } from "./register-page.tsx";
import {
  getRegisterOptions,
  getRegisterPage,
  listRegisterForExport,
  REGISTER_PAGE_SIZE,
} from "./register-query.ts";

type RegisterRequest = FastifyRequest<{
  Params: { province: string };
  Querystring: Record<string, string | undefined>;
}>;

/** A refused period: the page with the problems and the filters as typed, no rows, 422. */
async function renderRefused(
  request: RegisterRequest,
  reply: FastifyReply,
  read: ReturnType<typeof readRegisterFilters>,
) {
  const options = await getRegisterOptions(request.serviceContext());
  return reply.render(
    <RegisterPage
      options={options}
      register={null}
      filters={read.filters}
      form={{ values: read.values, issues: read.issues }}
    />,
    422,
  );
}

const fileNameOf = (slug: string, filters: RegisterFilters) =>
  `so-theo-doi-ho-so-${slug}-${filters.from}-${filters.to}.xlsx`;

/** `/{slug}/admin/services/register`: the one-stop tracking register (form 07), page and XLSX. */
export async function registerRoutes(app: FastifyInstance) {
  app.get("/:province/admin/services/register", async (request: RegisterRequest, reply) => {
    const read = readRegisterFilters(request.query);
    if (read.issues.length > 0) return renderRefused(request, reply, read);
    const { page } = pageFromQuery(request.query, REGISTER_PAGE_SIZE);
    const register = await getRegisterPage(request.serviceContext(), read.filters, page);
    return reply.render(
      <RegisterPage
        options={register}
        register={register}
        filters={read.filters}
        form={{ values: read.values, issues: [] }}
      />,
    );
  });

  app.get("/:province/admin/services/register.xlsx", async (request: RegisterRequest, reply) => {
    const read = readRegisterFilters(request.query);
    if (read.issues.length > 0) return renderRefused(request, reply, read);
    const ctx = request.serviceContext();
    const { rows, total } = await listRegisterForExport(ctx, read.filters);
    // exceljs is heavy: loaded on first export, as the other workbooks are.
    const { exportRegisterXlsx } = await import("./register-xlsx.ts");
    const bytes = await exportRegisterXlsx({
      rows,
      total,
      filters: read.filters,
      agency: request.t("services.processing.register.agency", {
        kind: ctx.province.kind,
        name: ctx.province.name,
      }),
      t: request.t,
      locale: request.locale,
    });
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="${fileNameOf(ctx.province.slug, read.filters)}"`)
      .send(bytes);
  });
}
