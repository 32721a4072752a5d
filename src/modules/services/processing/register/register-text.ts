import type { Translate } from "../../../../platform/i18n.ts";
import type { RegisterRow } from "./register-query.ts";

/** The "result" column: early / on time / late once decided, "past the appointment" while late, else the state. */
export function registerResultText(row: RegisterRow, t: Translate): string {
  if (row.timeliness) return t(`services.processing.timeliness.${row.timeliness}`);
  if (row.isOverdue) return t("services.processing.register.result.overdue");
  return t(`services.state.${row.state}`);
}

/** The "notes" column: what happened to the dossier besides its dates (supplements, extensions, endings). */
export function registerNotesText(row: RegisterRow, t: Translate): string {
  return row.notes
    .map((note) =>
      t(`services.processing.register.note.${note}`, {
        count: note === "supplement-requested" ? row.supplementRequests : row.extensions,
      }),
    )
    .join("; ");
}

export const registerProcedureName = (row: RegisterRow, locale: string) =>
  locale === "en" ? row.procedureNameEn : row.procedureName;

export const registerUnitName = (row: RegisterRow, locale: string) =>
  locale === "en" ? row.leadUnitNameEn : row.leadUnitName;

/** The register's columns in order, as catalogue keys (page and workbook share them). */
export const REGISTER_COLUMNS = [
  "number",
  "code",
  "procedure",
  "applicant",
  "contact",
  "leadUnit",
  "received",
  "due",
  "forwarded",
  "result-date",
  "handedOver",
  "result",
  "notes",
] as const;

export const registerColumnLabel = (column: (typeof REGISTER_COLUMNS)[number], t: Translate) =>
  t(`services.processing.register.column.${column}`);
