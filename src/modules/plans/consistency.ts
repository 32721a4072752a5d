import type { Translate } from "../../platform/i18n.ts";
import {
  amountInWords,
  amountWordsMatch,
  formatMillionDong,
  formatNumber,
  parseAmountToDong,
} from "../../platform/vn-format.ts";
import type { BudgetLine, FundingSource, PlanDocument, StatedTotal } from "./plan-document.ts";

/**
 * The consistency check of a plan as printed: recomputes every total the document states from its budget
 * lines and reports what does not agree. Findings carry codes and params only; pages render them from the
 * `consistency.*` message catalogues (see `describeFinding`).
 */

export type PlanTotals = {
  grand: bigint;
  /** Lines with a year, by year. */
  byYear: Map<number, bigint>;
  bySource: Map<FundingSource, bigint>;
  /** Lines with an activity, by activity number. */
  byActivity: Map<string, bigint>;
  /** Lines with an activity, keyed "activityNumber:source" like a stated total's key. */
  byActivitySource: Map<string, bigint>;
  /** Lines with year null: amounts the document gives for the whole period only. */
  wholePeriod: bigint;
};

export const findingCodes = [
  "sum-mismatch",
  "malformed-number",
  "line-product-mismatch",
  "words-mismatch",
  "target-differs",
  "decision-number-differs",
] as const;
export type FindingCode = (typeof findingCodes)[number];

export type FindingScope = StatedTotal["scope"] | "budget-line" | "words" | "target" | "decision";

export type ConsistencyFinding = {
  code: FindingCode;
  /** error: the figures disagree; warning: a misprint or a discrepancy in the text that needs a reader. */
  severity: "error" | "warning";
  scope: FindingScope;
  /** The stated total's key, the target's code, the budget line's activity number; "" when none. */
  key: string;
  /** Where in the document, as recorded with the figure. */
  location: string;
  /** What the document prints. */
  stated?: string;
  /** What it should print, formatted like the printed figure. */
  expected?: string;
  /** The catalogue key to render the finding with: `consistency.<code>` or, for sums, `.<scope>` added. */
  messageKey: string;
  /** Language-neutral values for the message placeholders (codes and numbers, never sentences). */
  params: Record<string, string>;
};

const ACTIVITY_SOURCE_SEPARATOR = ":";

function addTo<K>(map: Map<K, bigint>, key: K, amount: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + amount);
}

export function computeTotals(doc: PlanDocument): PlanTotals {
  const totals: PlanTotals = {
    grand: 0n,
    byYear: new Map(),
    bySource: new Map(),
    byActivity: new Map(),
    byActivitySource: new Map(),
    wholePeriod: 0n,
  };
  for (const line of doc.budgetLines) {
    totals.grand += line.amountDong;
    addTo(totals.bySource, line.source, line.amountDong);
    if (line.year === null) totals.wholePeriod += line.amountDong;
    else addTo(totals.byYear, line.year, line.amountDong);
    if (line.activityNumber !== null) {
      addTo(totals.byActivity, line.activityNumber, line.amountDong);
      addTo(
        totals.byActivitySource,
        `${line.activityNumber}${ACTIVITY_SOURCE_SEPARATOR}${line.source}`,
        line.amountDong,
      );
    }
  }
  return totals;
}

/** The recomputed amount a stated total should equal; a key that names nothing adds up to 0. */
function computedTotalFor(stated: StatedTotal, totals: PlanTotals): bigint {
  switch (stated.scope) {
    case "grand":
      return totals.grand;
    case "year":
      return totals.byYear.get(Number(stated.key)) ?? 0n;
    case "source":
      return totals.bySource.get(stated.key as FundingSource) ?? 0n;
    case "activity":
      return totals.byActivity.get(stated.key) ?? 0n;
    case "activity-source":
      return totals.byActivitySource.get(stated.key) ?? 0n;
  }
}

function formatInUnit(dong: bigint, unit: StatedTotal["printedUnit"]): string {
  return unit === "million" ? formatMillionDong(dong) : formatNumber(dong);
}

/** The parts of a stated total's key as message params: year, source, activity. */
function keyParams(stated: StatedTotal): Record<string, string> {
  switch (stated.scope) {
    case "grand":
      return {};
    case "year":
      return { year: stated.key };
    case "source":
      return { source: stated.key };
    case "activity":
      return { activity: stated.key };
    case "activity-source": {
      const separator = stated.key.lastIndexOf(ACTIVITY_SOURCE_SEPARATOR);
      return { activity: stated.key.slice(0, separator), source: stated.key.slice(separator + 1) };
    }
  }
}

function checkStatedTotal(stated: StatedTotal, totals: PlanTotals): ConsistencyFinding | null {
  const computed = computedTotalFor(stated, totals);
  const expected = formatInUnit(computed, stated.printedUnit);
  const base = {
    scope: stated.scope,
    key: stated.key,
    location: stated.location,
    stated: stated.printed,
    expected,
  };
  const params = {
    ...keyParams(stated),
    scope: stated.scope,
    unit: stated.printedUnit,
    expectedDong: computed.toString(),
  };
  const parsed = parseAmountToDong(stated.printed, stated.printedUnit);
  if (!parsed.ok) {
    return {
      ...base,
      code: "malformed-number",
      severity: "warning",
      messageKey: "consistency.malformed-number",
      params: { ...params, reason: String(parsed.reason) },
    };
  }
  if (parsed.dong === computed) return null;
  return {
    ...base,
    code: "sum-mismatch",
    severity: "error",
    messageKey: `consistency.sum-mismatch.${stated.scope}`,
    params: { ...params, statedDong: parsed.dong.toString() },
  };
}

/** unitPrice × quantity in đồng, exact for a decimal quantity; null when the line has no breakdown. */
function lineProduct(line: BudgetLine): bigint | null {
  if (line.unitPriceDong === null || line.quantity === null) return null;
  const [whole = "0", fraction = ""] = String(line.quantity).split(".");
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null; // exponent notation: not a real count
  const scale = 10n ** BigInt(fraction.length);
  const scaledProduct = line.unitPriceDong * BigInt(whole + fraction);
  return scaledProduct % scale === 0n ? scaledProduct / scale : null;
}

function checkLineProduct(line: BudgetLine): ConsistencyFinding | null {
  const product = lineProduct(line);
  if (product === null || product === line.amountDong) return null;
  return {
    code: "line-product-mismatch",
    severity: "error",
    scope: "budget-line",
    key: line.activityNumber ?? "",
    location: line.label ?? "",
    stated: formatNumber(line.amountDong),
    expected: formatNumber(product),
    messageKey: "consistency.line-product-mismatch",
    params: {
      activity: line.activityNumber ?? "",
      label: line.label ?? "",
      year: line.year === null ? "" : String(line.year),
      source: line.source,
      unitPrice: formatNumber(line.unitPriceDong ?? 0n),
      quantity: formatNumber(line.quantity ?? 0),
      quantityUnit: line.quantityUnit ?? "",
    },
  };
}

/** Decision numbers are compared as printed, ignoring spaces and case ("93 /QĐ-UBND" is "93/QĐ-UBND"). */
function normaliseDecisionNumber(number: string): string {
  return number.normalize("NFC").replace(/\s+/g, "").toUpperCase();
}

/** Every disagreement in the document, in a stable order: totals, budget lines, words, targets, citations. */
export function checkPlanConsistency(doc: PlanDocument): ConsistencyFinding[] {
  const totals = computeTotals(doc);
  const findings: ConsistencyFinding[] = [];

  for (const stated of doc.statedTotals) {
    const finding = checkStatedTotal(stated, totals);
    if (finding) findings.push(finding);
  }

  for (const line of doc.budgetLines) {
    const finding = checkLineProduct(line);
    if (finding) findings.push(finding);
  }

  const expectedWords = amountInWords(totals.grand);
  for (const words of doc.statedWords) {
    if (amountWordsMatch(words.text, totals.grand)) continue;
    findings.push({
      code: "words-mismatch",
      severity: "warning",
      scope: "words",
      key: "",
      location: words.location,
      stated: words.text,
      expected: expectedWords,
      messageKey: "consistency.words-mismatch",
      params: { expectedAmount: formatNumber(totals.grand), expectedDong: totals.grand.toString() },
    });
  }

  for (const objective of doc.objectives) {
    for (const target of objective.targets) {
      for (const variant of target.variants) {
        findings.push({
          code: "target-differs",
          severity: "warning",
          scope: "target",
          key: target.code,
          location: variant.location,
          stated: variant.valueText,
          expected: target.valueText ?? "",
          messageKey: "consistency.target-differs",
          params: { objective: objective.code, target: target.code, targetLocation: target.location },
        });
      }
    }
  }

  const decisionNumber = normaliseDecisionNumber(doc.decisionNumber);
  for (const citation of doc.decisionCitations) {
    if (normaliseDecisionNumber(citation.number) === decisionNumber) continue;
    findings.push({
      code: "decision-number-differs",
      severity: "warning",
      scope: "decision",
      key: "",
      location: citation.location,
      stated: citation.number,
      expected: doc.decisionNumber,
      messageKey: "consistency.decision-number-differs",
      params: {},
    });
  }

  return findings;
}

/**
 * The finding as a sentence in the translator's language. Codes in params (source, unit, severity) are
 * turned into their catalogue labels as `sourceLabel`, `unitLabel`, `severityLabel`. The sentence does not
 * repeat `finding.location`: pages and exports show it beside the message.
 */
export function describeFinding(finding: ConsistencyFinding, t: Translate): string {
  const { source, unit } = finding.params;
  return t(finding.messageKey, {
    ...finding.params,
    location: finding.location,
    stated: finding.stated,
    expected: finding.expected,
    sourceLabel: source ? t(`consistency.source.${source}`) : undefined,
    unitLabel: unit ? t(`consistency.unit.${unit}`) : undefined,
    severityLabel: t(`consistency.severity.${finding.severity}`),
  });
}
