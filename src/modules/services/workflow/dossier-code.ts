// Dossier codes: the processing agency's code, the receipt date and the day's sequence, as the National
// Public Service Portal prints them: "000.00.21.H56-251122-0001" (issue 4; Circular 03/2025/TT-VPCP governs
// "mã hồ sơ", whose text could not be read here: the default pattern follows codes seen on the portal).
// The pattern is configurable with tokens {agency} {yyyy} {yy} {MM} {dd} {seq:N}; the sequence itself is
// allocated by the database per (agency, Vietnamese calendar day) and passed in.

import { DomainError } from "../../../platform/errors.ts";
import { type CalendarDate, formatIsoDate, isRealDate, toVietnamDate } from "./vietnam-date.ts";

export const NATIONAL_PORTAL_PATTERN = "{agency}-{yy}{MM}{dd}-{seq:4}";

/**
 * Agency electronic identifier of Decision 20/2020/QĐ-TTg (amended by Decision 09/2025/QĐ-TTg), read as
 * four levels from right to left: level 1 a letter and two digits (H56 = a province), then two, two and
 * three digits, e.g. 000.00.21.H56. Unverified here beyond real codes seen in public repositories.
 */
export const AGENCY_CODE_PATTERN = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}/;

export class DossierCodePatternError extends DomainError {
  constructor(readonly problem: string) {
    super(500, "services.dossierCode.invalidPattern", { problem });
  }
}

/** The day's sequence no longer fits the pattern's width: widen {seq:N} rather than print a longer code. */
export class DossierSequenceOverflowError extends DomainError {
  constructor(
    readonly sequence: number,
    readonly maximum: number,
  ) {
    super(409, "services.dossierCode.sequenceOverflow", { sequence, maximum });
  }
}

type DateToken = "yyyy" | "yy" | "MM" | "dd";
type Token =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "agency" }
  | { readonly kind: DateToken }
  | { readonly kind: "seq"; readonly width: number };

export type DossierCodePattern = {
  readonly source: string;
  readonly tokens: readonly Token[];
  readonly maxSequence: number;
  readonly agencyCodePattern: RegExp;
  readonly matcher: RegExp;
};

export type DossierCodeParts = {
  readonly agencyCode: string;
  readonly date: CalendarDate;
  readonly sequence: number;
};

const TOKEN = /\{([a-zA-Z]+)(?::(\d+))?\}/g;
const DATE_TOKENS: readonly string[] = ["yyyy", "yy", "MM", "dd"];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const match of source.matchAll(TOKEN)) {
    if (match.index > cursor) tokens.push({ kind: "literal", text: source.slice(cursor, match.index) });
    const [, name = "", width] = match;
    if (name === "agency" && width === undefined) tokens.push({ kind: "agency" });
    else if (DATE_TOKENS.includes(name) && width === undefined) tokens.push({ kind: name as DateToken });
    else if (name === "seq" && width !== undefined) {
      const digits = Number(width);
      if (digits < 1 || digits > 9) throw new DossierCodePatternError(`seq-width:${width}`);
      tokens.push({ kind: "seq", width: digits });
    } else throw new DossierCodePatternError(`unknown-token:${match[0]}`);
    cursor = match.index + match[0].length;
  }
  if (cursor < source.length) tokens.push({ kind: "literal", text: source.slice(cursor) });
  for (const token of tokens) {
    if (token.kind === "literal" && /[{}]/.test(token.text)) throw new DossierCodePatternError("stray-brace");
  }
  return tokens;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function tokenRegExp(token: Token, agency: RegExp): string {
  switch (token.kind) {
    case "literal":
      return escapeRegExp(token.text);
    case "agency":
      return `(?<agency>${agency.source})`;
    case "yyyy":
      return "(?<yyyy>\\d{4})";
    case "yy":
      return "(?<yy>\\d{2})";
    case "MM":
      return "(?<MM>\\d{2})";
    case "dd":
      return "(?<dd>\\d{2})";
    case "seq":
      return `(?<seq>\\d{${token.width}})`;
  }
}

/**
 * Compiles and checks a pattern. Each token at most once; {agency}, {seq:N}, {MM}, {dd} and one of
 * {yy}/{yyyy} are required, because the sequence restarts every day per agency: without them two
 * dossiers would share a code.
 */
export function compileDossierCodePattern(
  source: string,
  agencyCodePattern: RegExp = AGENCY_CODE_PATTERN,
): DossierCodePattern {
  const tokens = tokenize(source);
  const kinds = tokens.filter((token) => token.kind !== "literal").map((token) => token.kind);
  for (const kind of new Set(kinds)) {
    if (kinds.filter((other) => other === kind).length > 1)
      throw new DossierCodePatternError(`repeated:${kind}`);
  }
  for (const required of ["agency", "seq", "MM", "dd"] as const) {
    if (!kinds.includes(required)) throw new DossierCodePatternError(`missing:${required}`);
  }
  if (kinds.includes("yy") === kinds.includes("yyyy"))
    throw new DossierCodePatternError("year:one-of-yy-yyyy");
  const seq = tokens.find((token) => token.kind === "seq");
  const width = seq?.kind === "seq" ? seq.width : 0;
  const body = tokens.map((token) => tokenRegExp(token, agencyCodePattern)).join("");
  return {
    source,
    tokens,
    maxSequence: 10 ** width - 1,
    agencyCodePattern,
    matcher: new RegExp(`^${body}$`),
  };
}

/** The counter key for the day's sequence: the receipt instant's calendar day in Vietnam, "2025-11-22". */
export function getSequenceDay(receivedAt: Date): string {
  return formatIsoDate(toVietnamDate(receivedAt));
}

export function formatDossierCode(
  pattern: DossierCodePattern,
  input: { agencyCode: string; receivedAt: Date; sequence: number },
): string {
  const { agencyCode, sequence } = input;
  if (!new RegExp(`^(?:${pattern.agencyCodePattern.source})$`).test(agencyCode)) {
    throw new DossierCodePatternError(`agency-code:${agencyCode}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new DossierCodePatternError(`sequence:${sequence}`);
  if (sequence > pattern.maxSequence) throw new DossierSequenceOverflowError(sequence, pattern.maxSequence);
  const date = toVietnamDate(input.receivedAt);
  return pattern.tokens.map((token) => printToken(token, agencyCode, date, sequence)).join("");
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

function printToken(token: Token, agencyCode: string, date: CalendarDate, sequence: number): string {
  switch (token.kind) {
    case "literal":
      return token.text;
    case "agency":
      return agencyCode;
    case "yyyy":
      return pad(date.year, 4);
    case "yy":
      return pad(date.year % 100, 2);
    case "MM":
      return pad(date.month, 2);
    case "dd":
      return pad(date.day, 2);
    case "seq":
      return pad(sequence, token.width);
  }
}

/** Parses a code; undefined when it does not match the pattern, has a non-existent date or sequence 0. */
export function parseDossierCode(pattern: DossierCodePattern, code: string): DossierCodeParts | undefined {
  const groups = pattern.matcher.exec(code.trim())?.groups;
  if (!groups) return undefined;
  // {yy} means 20yy: dossier codes start with electronic one-stop systems, well after 2000.
  const year = groups.yyyy !== undefined ? Number(groups.yyyy) : 2000 + Number(groups.yy);
  const date = { year, month: Number(groups.MM), day: Number(groups.dd) };
  const sequence = Number(groups.seq);
  if (!isRealDate(date) || sequence < 1 || groups.agency === undefined) return undefined;
  return { agencyCode: groups.agency, date, sequence };
}

export function isValidDossierCode(pattern: DossierCodePattern, code: string): boolean {
  return parseDossierCode(pattern, code) !== undefined;
}
