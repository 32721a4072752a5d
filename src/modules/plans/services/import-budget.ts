import { eq } from "drizzle-orm";
import { type FieldIssue, ValidationError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { detectTableKind, readTable, type TableInput } from "../../../platform/table-reader.ts";
import { parseBudgetTable } from "../budget-import/parse-budget-table.ts";
import { type FundingSource, fundingSources } from "../plan-document.ts";
import { planActivities, planBudgetLines } from "../schema.ts";
import { getManageablePlan, recordPlanChange } from "./plan-access.ts";

export type BudgetUpload =
  | { kind: "file"; filename: string; bytes: Buffer }
  | { kind: "pasted"; text: string };

/**
 * Replaces a plan's budget lines with an uploaded or pasted table. All or nothing: one bad cell refuses the
 * whole table, and every bad cell is named by row and column.
 */
export async function importBudgetTable(input: {
  ctx: ServiceContext;
  planId: number;
  upload: BudgetUpload | null;
  unit: string | undefined;
  defaultSource: string | undefined;
}): Promise<{ lineCount: number; totalDong: bigint }> {
  const { ctx, planId } = input;
  const { plan } = await getManageablePlan(ctx, planId);
  const unit = input.unit === "dong" || input.unit === "million" ? input.unit : plan.budgetDisplayUnit;
  const defaultSource = (fundingSources as readonly string[]).includes(input.defaultSource ?? "")
    ? (input.defaultSource as FundingSource)
    : "unspecified";
  const table = toTableInput(input.upload);
  let grid: string[][];
  try {
    grid = await readTable(table);
  } catch {
    throw new ValidationError([{ field: "file", messageKey: "budgetImport.unreadableFile" }]);
  }
  // Activities are read in the transaction that writes the lines, so none can vanish in between.
  return ctx.db.transaction(async (tx) => {
    const activities = await tx
      .select({ id: planActivities.id, number: planActivities.number })
      .from(planActivities)
      .where(eq(planActivities.planId, planId));
    const parsed = parseBudgetTable(grid, {
      unit,
      activityNumbers: activities.map((activity) => activity.number),
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      defaultSource,
    });
    if (!parsed.ok) {
      const issues: FieldIssue[] = parsed.errors.map((error) => ({
        field: "file",
        messageKey: error.messageKey,
        params: {
          row: error.row,
          column: error.column,
          cell: `${error.column}${error.row}`,
          header: error.header ?? "",
          ...error.params,
        },
      }));
      throw new ValidationError(issues);
    }
    const activityId = new Map(activities.map((activity) => [activity.number, activity.id]));
    const before = await tx.delete(planBudgetLines).where(eq(planBudgetLines.planId, planId)).returning();
    if (parsed.lines.length) {
      await tx.insert(planBudgetLines).values(
        parsed.lines.map((line, position) => ({
          planId,
          provinceId: plan.provinceId,
          position,
          activityId: line.activityNumber === null ? null : activityId.get(line.activityNumber)!,
          year: line.year,
          source: line.source,
          amountDong: line.amountDong,
          label: line.label,
          unitPriceDong: line.unitPriceDong,
          quantity: line.quantity,
          quantityUnit: line.quantityUnit,
        })),
      );
    }
    const totalDong = parsed.lines.reduce((sum, line) => sum + line.amountDong, 0n);
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.budget.import",
      entityType: "plan",
      entityId: planId,
      before: { lines: before.length, totalDong: before.reduce((sum, line) => sum + line.amountDong, 0n) },
      after: { lines: parsed.lines.length, totalDong, unit, source: input.upload?.kind },
    });
    return { lineCount: parsed.lines.length, totalDong };
  });
}

function toTableInput(upload: BudgetUpload | null): TableInput {
  if (
    !upload ||
    (upload.kind === "pasted" && !upload.text.trim()) ||
    (upload.kind === "file" && upload.bytes.length === 0)
  ) {
    throw new ValidationError([{ field: "file", messageKey: "budgetImport.nothingSent" }]);
  }
  if (upload.kind === "pasted") return { kind: "tsv", text: upload.text };
  const kind = detectTableKind(upload.filename, upload.bytes);
  if (kind === null)
    throw new ValidationError([{ field: "file", messageKey: "budgetImport.unsupportedFile" }]);
  return kind === "xlsx" ? { kind, bytes: upload.bytes } : { kind, text: upload.bytes.toString("utf8") };
}
