import { createHash } from "node:crypto";
import { foldVietnamese } from "../../../platform/text.ts";
import { parseAmountToDong } from "../../../platform/vn-format.ts";
import { currentYearInVietnam, normalizeEmail, normalizePhone, normalizeWebsite } from "../inputs.ts";
import type { LegalForm } from "../schema.ts";
import { validateTaxCode } from "../tax-code.ts";
import { isVsicSection, type VsicSection } from "../vsic.ts";
import { sectionOfVsicCode } from "../vsic-division.ts";

/*
 * Maps the business register as Sở Kế hoạch và Đầu tư (now Sở Tài chính) exports it — one enterprise per row,
 * headers in Vietnamese typed with or without diacritics — to normalised rows, and reports each problem with
 * the row number the officer sees in the spreadsheet and the column's own header.
 */

export const importColumns = [
  "taxCode",
  "name",
  "nameEn",
  "legalForm",
  "vsic",
  "addressLine",
  "commune",
  "formerDistrict",
  "phone",
  "email",
  "website",
  "founded",
  "employees",
  "capital",
  "revenue",
  "representativeName",
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** Header texts folded (no diacritics, lower case, punctuation as spaces); a header matches an alias or starts with one. */
const HEADER_ALIASES: Readonly<Record<ImportColumn, readonly string[]>> = {
  taxCode: ["ma so thue", "mst", "ma so doanh nghiep", "ma doanh nghiep", "ma so dn"],
  name: ["ten doanh nghiep", "ten cong ty", "ten dn", "ten tieng viet", "ten don vi"],
  nameEn: ["ten tieng anh", "ten nuoc ngoai", "ten giao dich nuoc ngoai", "ten bang tieng nuoc ngoai"],
  legalForm: ["loai hinh doanh nghiep", "loai hinh dn", "loai hinh"],
  vsic: [
    "nganh nghe kinh doanh chinh",
    "nganh nghe chinh",
    "nganh kinh doanh chinh",
    "ma nganh chinh",
    "ma nganh",
    "ma vsic",
  ],
  addressLine: ["dia chi tru so chinh", "dia chi tru so", "dia chi"],
  commune: ["xa phuong", "phuong xa", "xa phuong dac khu", "xa", "phuong"],
  formerDistrict: ["quan huyen cu", "quan huyen", "huyen cu", "huyen"],
  phone: ["dien thoai", "so dien thoai", "sdt"],
  email: ["email", "e mail", "thu dien tu", "dia chi email", "dia chi thu dien tu"],
  website: ["website", "trang web", "trang thong tin dien tu"],
  founded: ["ngay thanh lap", "nam thanh lap", "ngay cap", "ngay dang ky lan dau"],
  employees: ["so lao dong", "lao dong"],
  capital: ["von dieu le", "von"],
  revenue: ["doanh thu"],
  representativeName: ["nguoi dai dien theo phap luat", "nguoi dai dien", "dai dien phap luat"],
};

// Longest aliases first, so "địa chỉ email" is an e-mail column and not the address.
const ALIASES_LONGEST_FIRST = Object.entries(HEADER_ALIASES)
  .flatMap(([column, aliases]) => aliases.map((alias) => ({ column: column as ImportColumn, alias })))
  .sort((a, b) => b.alias.length - a.alias.length);

export function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function columnOfHeader(text: string): ImportColumn | null {
  const key = headerKey(text);
  if (!key) return null;
  const match = ALIASES_LONGEST_FIRST.find(({ alias }) => key === alias || key.startsWith(`${alias} `));
  return match?.column ?? null;
}

export type HeaderColumn = { index: number; label: string; unit: "dong" | "million" };
export type HeaderMap = { rowIndex: number; columns: Partial<Record<ImportColumn, HeaderColumn>> };

/**
 * Finds the header row among the first rows (exports often start with a title and a date line): the first row
 * naming both the tax code and the name columns. Null when there is none.
 */
export function findHeader(grid: readonly string[][]): HeaderMap | null {
  for (let rowIndex = 0; rowIndex < Math.min(grid.length, 15); rowIndex += 1) {
    const columns: HeaderMap["columns"] = {};
    grid[rowIndex]!.forEach((cell, index) => {
      const column = columnOfHeader(cell);
      if (column && !columns[column]) {
        // Amounts are in đồng unless the header says "triệu" (million đồng).
        const unit = /\btrieu\b/.test(headerKey(cell)) ? "million" : "dong";
        columns[column] = { index, label: cell.trim(), unit };
      }
    });
    if (columns.taxCode && columns.name) return { rowIndex, columns };
  }
  return null;
}

/** A valid row, normalised. Amounts are decimal strings of đồng (JSON has no bigint). */
export type ImportedRow = {
  taxCode: string;
  name: string;
  nameEn: string | null;
  legalForm: LegalForm | null;
  vsicSection: VsicSection;
  vsicCode: string | null;
  addressLine: string | null;
  communeName: string | null;
  formerDistrict: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  foundedYear: number | null;
  employees: number | null;
  capitalDong: string | null;
  revenueDong: string | null;
  representativeName: string | null;
};

export type RowProblem = {
  row: number;
  column: string;
  messageKey: string;
  params?: Record<string, string | number>;
};

const LEGAL_FORM_PATTERNS: readonly [RegExp, LegalForm][] = [
  [/\bchi nhanh\b|\bvan phong dai dien\b|\bdia diem kinh doanh\b/, "branch"],
  [/\bnha nuoc\b|\bdnnn\b/, "state-owned"],
  [/\b(tnhh|trach nhiem huu han)\b.*\b(mot thanh vien|1 thanh vien|mtv)\b/, "llc-single-member"],
  [/\b(tnhh|trach nhiem huu han)\b/, "llc-multi-member"],
  [/\b(co phan|ctcp|cp)\b/, "joint-stock"],
  [/\bhop danh\b/, "partnership"],
  [/\bhop tac xa\b|\bhtx\b/, "cooperative"],
  [/\bho kinh doanh\b/, "household-business"],
  [/\b(doanh nghiep tu nhan|dntn)\b/, "private-enterprise"],
];

/** The legal form from its Vietnamese name ("Công ty TNHH một thành viên"), or from the enterprise's name. */
export function legalFormOf(text: string): LegalForm | null {
  const key = headerKey(text);
  if (!key) return null;
  return LEGAL_FORM_PATTERNS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** "4620 - Bán buôn nông, lâm sản…", "46201", "C" → the section and (when given) the code. */
export function vsicOf(text: string): { section: VsicSection; code: string | null } | { error: string } {
  const trimmed = text.trim();
  if (/^[A-Ua-u]$/.test(trimmed)) return { section: trimmed.toUpperCase() as VsicSection, code: null };
  const digits = /(?:^|\D)(\d{3,5})(?:\D|$)/.exec(trimmed)?.[1];
  if (!digits) return { error: "enterprises.import.problem.vsicFormat" };
  // A spreadsheet that stored "0111" as a number shows 111: section A codes lose their leading zero.
  const code = digits.length === 3 ? `0${digits}` : digits;
  const section = sectionOfVsicCode(code);
  if (!section || !isVsicSection(section)) return { error: "enterprises.import.problem.vsicUnknown" };
  return { section, code };
}

/** A year from "15/03/2010", "2010-03-15" or "2010". */
export function yearOf(text: string): number | null {
  const trimmed = text.trim();
  const match = /^(?:\d{1,2}[/.-]\d{1,2}[/.-](\d{4})|(\d{4})(?:-\d{1,2}-\d{1,2})?(?:T.*)?)$/.exec(trimmed);
  const year = Number(match?.[1] ?? match?.[2]);
  return Number.isInteger(year) && year >= 1900 && year <= currentYearInVietnam() ? year : null;
}

/** Đồng as the register writes them: "5.000.000.000", "5000000000", "5,000,000,000", "1.250,5" triệu. */
export function amountOf(text: string, unit: "dong" | "million"): bigint | null {
  let value = text.replace(/\s|đ|₫|VNĐ|VND/gi, "");
  if (/^\d{1,3}(,\d{3})+$/.test(value)) value = value.replaceAll(",", "");
  const parsed = parseAmountToDong(value, unit);
  return parsed.ok && parsed.dong >= 0n ? parsed.dong : null;
}

function firstPhone(text: string): string | null {
  for (const candidate of [text, ...text.split(/[;,/]| - |\s-\s/)]) {
    const phone = normalizePhone(candidate);
    if (phone) return phone;
  }
  return null;
}

/** Maps one data row; `rowNumber` is the spreadsheet's row number (1-based, the header counted). */
export function mapRow(
  cells: readonly string[],
  header: HeaderMap,
  rowNumber: number,
): { row: ImportedRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const cell = (column: ImportColumn) => {
    const at = header.columns[column];
    return at ? (cells[at.index] ?? "").trim().replace(/\s+/g, " ") : "";
  };
  const problem = (column: ImportColumn, messageKey: string, params?: Record<string, string | number>) => {
    problems.push({
      row: rowNumber,
      column: header.columns[column]?.label ?? column,
      messageKey,
      ...(params ? { params } : {}),
    });
  };
  const optional = <T>(
    column: ImportColumn,
    parse: (text: string) => T | null,
    messageKey: string,
  ): T | null => {
    const text = cell(column);
    if (!text) return null;
    const value = parse(text);
    if (value === null) problem(column, messageKey, { value: text.slice(0, 60) });
    return value;
  };

  let taxCode = "";
  const taxText = cell("taxCode");
  if (!taxText) problem("taxCode", "enterprises.import.problem.required");
  else {
    const result = validateTaxCode(taxText.replace(/^'/, ""));
    if (result.ok) taxCode = result.taxCode;
    else
      problem("taxCode", `enterprises.validation.taxCode.${result.reason}`, { value: taxText.slice(0, 30) });
  }
  const name = cell("name");
  if (!name) problem("name", "enterprises.import.problem.required");

  let vsicSection: VsicSection | null = null;
  let vsicCode: string | null = null;
  const vsicText = cell("vsic");
  if (!vsicText) problem("vsic", "enterprises.import.problem.vsicMissing");
  else {
    const vsic = vsicOf(vsicText);
    if ("error" in vsic) problem("vsic", vsic.error, { value: vsicText.slice(0, 60) });
    else ({ section: vsicSection, code: vsicCode } = vsic);
  }

  const capitalUnit = header.columns.capital?.unit ?? "dong";
  const revenueUnit = header.columns.revenue?.unit ?? "dong";
  const row = {
    taxCode,
    name,
    nameEn: cell("nameEn") || null,
    legalForm:
      legalFormOf(cell("legalForm")) ?? legalFormOf(name) ?? (taxCode.includes("-") ? "branch" : null),
    vsicSection: vsicSection ?? "S",
    vsicCode,
    addressLine: cell("addressLine") || null,
    communeName: cell("commune") || null,
    formerDistrict: cell("formerDistrict") || null,
    phone: optional("phone", firstPhone, "enterprises.import.problem.phone"),
    email: optional("email", normalizeEmail, "enterprises.import.problem.email"),
    website: optional("website", normalizeWebsite, "enterprises.import.problem.website"),
    foundedYear: optional("founded", yearOf, "enterprises.import.problem.founded"),
    employees: optional(
      "employees",
      (text) => (/^\d{1,3}(\.\d{3})*$|^\d{1,7}$/.test(text) ? Number(text.replaceAll(".", "")) : null),
      "enterprises.import.problem.employees",
    ),
    capitalDong: optional(
      "capital",
      (text) => amountOf(text, capitalUnit)?.toString() ?? null,
      "enterprises.import.problem.amount",
    ),
    revenueDong: optional(
      "revenue",
      (text) => amountOf(text, revenueUnit)?.toString() ?? null,
      "enterprises.import.problem.amount",
    ),
    representativeName: cell("representativeName") || null,
  } satisfies ImportedRow;
  return { row: problems.length === 0 ? row : null, problems };
}

export type MappedTable = {
  rows: { rowNumber: number; row: ImportedRow }[];
  problems: RowProblem[];
  totalRows: number;
};

/** Maps every data row under the header; a tax code seen twice in the file is refused the second time. */
export function mapTable(grid: readonly string[][], header: HeaderMap): MappedTable {
  const rows: MappedTable["rows"] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  let totalRows = 0;
  for (let index = header.rowIndex + 1; index < grid.length; index += 1) {
    const cells = grid[index]!;
    if (cells.every((text) => text.trim() === "")) continue;
    totalRows += 1;
    const rowNumber = index + 1;
    const mapped = mapRow(cells, header, rowNumber);
    problems.push(...mapped.problems);
    if (!mapped.row) continue;
    const earlier = firstRowOf.get(mapped.row.taxCode);
    if (earlier !== undefined) {
      problems.push({
        row: rowNumber,
        column: header.columns.taxCode!.label,
        messageKey: "enterprises.import.problem.duplicate",
        params: { row: earlier },
      });
      continue;
    }
    firstRowOf.set(mapped.row.taxCode, rowNumber);
    rows.push({ rowNumber, row: mapped.row });
  }
  return { rows, problems, totalRows };
}

/** SHA-256 of the normalised row, keys in a fixed order: equal rows give equal digests across imports. */
export function importDigest(row: ImportedRow): string {
  const ordered = Object.fromEntries(
    Object.keys(row)
      .sort()
      .map((key) => [key, row[key as keyof ImportedRow]]),
  );
  return createHash("sha256").update(JSON.stringify(ordered)).digest("hex");
}
