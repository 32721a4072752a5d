// Test factories for the workflow tests: a two-step procedure, its people and a history reaching each state.

import type { Actor, DossierContext, HistoryEntry, StaffRef } from "./history-types.ts";
import { defineProcedureWorkflow } from "./procedure-steps.ts";
import type { DossierAction, DossierState } from "./transitions.ts";

/** Retail licence for alcohol: appraisal by the trade division, then a technical check by another unit. */
export const twoStepWorkflow = defineProcedureWorkflow({
  receptionUnitId: "mot-cua",
  approvalUnitId: "ban-giam-doc",
  steps: [
    { id: "appraisal", name: "Thẩm định hồ sơ", unitId: "phong-qltm", workingDays: 5 },
    { id: "technical-check", name: "Kiểm tra kỹ thuật an toàn", unitId: "phong-ktat", workingDays: 3 },
  ],
});

export const context: DossierContext = {
  workflow: twoStepWorkflow,
  applicantUserId: "dn-1",
  dueDate: "2026-12-04",
};

const staff = (userId: string, role: StaffRef["role"], unitId: string): StaffRef => ({
  userId,
  role,
  unitId,
});

export const people = {
  applicant: { userId: "dn-1", role: "applicant", unitId: null },
  otherApplicant: { userId: "dn-2", role: "applicant", unitId: null },
  receptionist: staff("tn-1", "reception-officer", "mot-cua"),
  otherProvinceReceptionist: staff("tn-9", "reception-officer", "mot-cua-tinh-khac"),
  appraiser: staff("cv-1", "processing-officer", "phong-qltm"),
  secondAppraiser: staff("cv-2", "processing-officer", "phong-qltm"),
  technician: staff("cv-3", "processing-officer", "phong-ktat"),
  divisionHead: staff("tp-1", "leader", "phong-qltm"),
  director: staff("gd-1", "leader", "ban-giam-doc"),
} satisfies Record<string, Actor>;

/** Monday 23/11/2026 08:00 Vietnam time plus `hours`. */
export function at(hours: number): string {
  return new Date(Date.UTC(2026, 10, 23, 1) + hours * 3_600_000).toISOString();
}

/** A well-formed entry for any action: every input the table could require is filled in. */
export function sampleEntry(
  action: DossierAction,
  actor: Actor,
  time: string,
  assignee: StaffRef = people.secondAppraiser,
): HistoryEntry {
  const base = { at: time, actor, comment: "Lý do", files: [{ id: "f-1", name: "bo-sung.pdf" }] };
  switch (action) {
    case "extend":
      return { ...base, action, newDueDate: "2026-12-10" };
    case "assign":
      return { ...base, action, assignee };
    case "return-result":
      return { ...base, action, deliveryMethod: "online" };
    default:
      return { ...base, action };
  }
}

const submit = sampleEntry("submit", people.applicant, at(0));
const receive = sampleEntry("receive", people.receptionist, at(1));
const toAppraisal = sampleEntry("forward", people.receptionist, at(2));
const toTechnicalCheck = sampleEntry("forward", people.appraiser, at(3));
const propose = sampleEntry("propose", people.technician, at(4));
const inReview = [submit, receive, toAppraisal];
const proposed = [...inReview, toTechnicalCheck, propose];

/** One history per state; typed as a full Record so a new state cannot be left without a fixture. */
export const historyReaching: Record<DossierState, readonly HistoryEntry[]> = {
  draft: [],
  submitted: [submit],
  "needs-completion": [submit, sampleEntry("request-supplement", people.receptionist, at(1))],
  received: [submit, receive],
  "in-review": inReview,
  "awaiting-supplement": [...inReview, sampleEntry("request-supplement", people.appraiser, at(3))],
  proposed,
  approved: [...proposed, sampleEntry("approve", people.director, at(5))],
  rejected: [...proposed, sampleEntry("reject", people.director, at(5))],
  completed: [
    ...proposed,
    sampleEntry("approve", people.director, at(5)),
    sampleEntry("return-result", people.receptionist, at(6)),
  ],
  refused: [submit, sampleEntry("refuse", people.receptionist, at(1))],
  stopped: [submit, receive, sampleEntry("stop", people.director, at(2))],
  withdrawn: [sampleEntry("withdraw", people.applicant, at(0))],
};
