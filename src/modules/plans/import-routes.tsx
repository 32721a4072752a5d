import type { MultipartFile, MultipartValue } from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { handleForm } from "../../platform/http/forms.ts";
import { idFromParam } from "../../platform/http/route-id.ts";
import { formatNumber } from "../../platform/vn-format.ts";
import { emptyForm } from "../../views/components.tsx";
import { getPlanForEdit, importBudgetTable } from "./index.ts";
import type { BudgetUpload } from "./services/import-budget.ts";
import { BudgetImportPage } from "./views/budget-import-page.tsx";

type Params = { province: string; plan: string };
type MultipartBody = Record<string, MultipartValue<string> | MultipartFile | undefined>;

function fieldValue(body: MultipartBody, name: string): string | undefined {
  const field = body[name];
  return field && field.type === "field" ? String(field.value) : undefined;
}

/** Reads the multipart form: an uploaded file wins over pasted text. */
async function readUpload(body: MultipartBody): Promise<BudgetUpload | null> {
  const file = body.file;
  if (file && file.type === "file" && file.filename) {
    return { kind: "file", filename: file.filename, bytes: await file.toBuffer() };
  }
  const pasted = fieldValue(body, "pasted");
  return pasted ? { kind: "pasted", text: pasted } : null;
}

export async function budgetImportRoutes(app: FastifyInstance) {
  app.get<{ Params: Params }>("/:province/plans/:plan/budget/import", async (request, reply) => {
    const { plan } = await getPlanForEdit({
      ctx: request.serviceContext(),
      planId: idFromParam(request.params.plan),
    });
    return reply.render(
      <BudgetImportPage
        plan={plan}
        form={emptyForm({ unit: plan.budgetDisplayUnit, defaultSource: "unspecified" })}
      />,
    );
  });

  app.post<{ Params: Params }>("/:province/plans/:plan/budget/import", async (request, reply) => {
    const ctx = request.serviceContext();
    const { plan } = await getPlanForEdit({ ctx, planId: idFromParam(request.params.plan) });
    const body = (request.isMultipart() ? request.body : {}) as MultipartBody;
    const values = {
      unit: fieldValue(body, "unit") ?? "",
      defaultSource: fieldValue(body, "defaultSource") ?? "",
      pasted: fieldValue(body, "pasted") ?? "",
    };
    return handleForm(request, reply, {
      run: async () =>
        importBudgetTable({
          ctx,
          planId: plan.id,
          upload: await readUpload(body),
          unit: values.unit,
          defaultSource: values.defaultSource,
        }),
      onSuccess: (result) =>
        reply.redirectWithFlash(`/${request.params.province}/plans/${plan.id}#budget`, {
          kind: "success",
          messageKey: "budgetImport.done",
          params: { count: String(result.lineCount), total: formatNumber(result.totalDong) },
        }),
      renderInvalid: (form) => <BudgetImportPage plan={plan} form={{ ...form, values }} />,
    });
  });
}
