import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ActionInputError,
  ForbiddenActionError,
  IllegalTransitionError,
  InvalidHistoryError,
} from "./errors.ts";
import { applyAction, replay } from "./history.ts";
import type { Actor, DossierStatus, HistoryEntry } from "./history-types.ts";
import { at, context, historyReaching, people, sampleEntry } from "./test-fixtures.ts";

function status(history: readonly HistoryEntry[]): DossierStatus {
  return replay(history, context);
}

function attempt(history: readonly HistoryEntry[], entry: HistoryEntry): unknown {
  try {
    applyAction(status(history), entry, context);
  } catch (error) {
    return error;
  }
  return undefined;
}

const submit: HistoryEntry = { action: "submit", at: at(0), actor: people.applicant };
const receive: HistoryEntry = { action: "receive", at: at(1), actor: people.receptionist };
const toAppraisal: HistoryEntry = { action: "forward", at: at(2), actor: people.receptionist };
const inReview = [submit, receive, toAppraisal];

describe("replay: a full happy path through two steps in two units", () => {
  const history: HistoryEntry[] = [
    ...inReview,
    { action: "forward", at: at(3), actor: people.appraiser, assignTo: people.technician },
    { action: "propose", at: at(4), actor: people.technician, files: [{ id: "d", name: "du-thao.pdf" }] },
    { action: "approve", at: at(5), actor: people.director },
    { action: "return-result", at: at(6), actor: people.receptionist, deliveryMethod: "online" },
  ];

  it("ends completed with the receipt, decision and delivery recorded", () => {
    const result = status(history);
    expect(result).toMatchObject({
      state: "completed",
      currentStepId: null,
      holder: null,
      submittedAt: at(0),
      receivedAt: at(1),
      decidedAt: at(5),
      completedAt: at(6),
      pauses: [],
      deliveryMethod: "online",
      entryCount: 7,
    });
    expect(result.formsIssued).toEqual([{ form: "01", at: at(1), entryIndex: 1 }]);
  });

  it("records each step's stay for the control slip (form 06)", () => {
    expect(status(history).stepVisits).toEqual([
      { stepId: "appraisal", unitId: "phong-qltm", from: at(2), to: at(3) },
      { stepId: "technical-check", unitId: "phong-ktat", from: at(3), to: at(4) },
    ]);
  });

  it("hands the dossier to the named officer of the next unit and leaves it unheld otherwise", () => {
    expect(status(history.slice(0, 3)).holder).toBeNull();
    expect(status(history.slice(0, 4))).toMatchObject({
      currentStepId: "technical-check",
      holder: people.technician,
    });
  });

  it("reports the e-mail and form of the action being appended", () => {
    expect(applyAction(status([submit]), receive, context).effects).toEqual({
      from: "submitted",
      to: "received",
      clock: "start",
      form: "01",
      email: "dossier-received",
      controlSlipLine: true,
      registerEntry: true,
    });
    expect(applyAction(status([submit, receive]), toAppraisal, context).effects.email).toBeNull();
  });
});

describe("supplements (form 02)", () => {
  const request: HistoryEntry = {
    action: "request-supplement",
    at: at(3),
    actor: people.appraiser,
    comment: "Thiếu bản sao hợp đồng mua bán rượu",
  };
  const supply: HistoryEntry = {
    action: "supply",
    at: at(51),
    actor: people.applicant,
    files: [{ id: "f-2", name: "hop-dong.pdf" }],
  };

  it("pauses the clock during processing, resumes on supply at the same step with the same officer", () => {
    const waiting = status([...inReview, request]);
    expect(waiting).toMatchObject({
      state: "awaiting-supplement",
      currentStepId: "appraisal",
      holder: people.appraiser,
      pauses: [{ from: at(3), to: null }],
    });
    const resumed = status([...inReview, request, supply]);
    expect(resumed).toMatchObject({
      state: "in-review",
      currentStepId: "appraisal",
      holder: people.appraiser,
      pauses: [{ from: at(3), to: at(51) }],
    });
    const approved = status([
      ...inReview,
      request,
      supply,
      { action: "forward", at: at(52), actor: people.appraiser },
      { action: "propose", at: at(53), actor: people.technician },
      { action: "approve", at: at(54), actor: people.director },
    ]);
    expect(approved).toMatchObject({
      state: "approved",
      decidedAt: at(54),
      pauses: [{ from: at(3), to: at(51) }],
    });
    expect(approved.formsIssued.map((form) => form.form)).toEqual(["01", "02"]);
  });

  it("at reception sends the dossier back for completion without starting or pausing any clock", () => {
    const completion: HistoryEntry = { ...request, at: at(1), actor: people.receptionist };
    const back = status([submit, completion]);
    expect(back).toMatchObject({ state: "needs-completion", receivedAt: null, pauses: [], holder: null });
    expect(status([submit, completion, { ...supply, at: at(2) }]).state).toBe("submitted");
  });

  it("requires what is missing to be written down, and the supplement to carry files", () => {
    expect(attempt(inReview, { ...request, comment: "  " })).toMatchObject({ problem: "comment-required" });
    expect(attempt([...inReview, request], { ...supply, files: [] })).toMatchObject({
      problem: "files-required",
    });
  });

  it("lets only the dossier's own applicant supply", () => {
    expect(attempt([...inReview, request], { ...supply, actor: people.otherApplicant })).toMatchObject({
      reason: "not-owner",
    });
  });
});

describe("refusal at reception (form 03)", () => {
  it("ends the dossier refused with form 03 and no clock", () => {
    const refused = status([
      submit,
      { action: "refuse", at: at(1), actor: people.receptionist, comment: "Không thuộc thẩm quyền" },
    ]);
    expect(refused).toMatchObject({ state: "refused", receivedAt: null, decidedAt: null, holder: null });
    expect(refused.formsIssued).toEqual([{ form: "03", at: at(1), entryIndex: 1 }]);
  });

  it("needs a reason", () => {
    const error = attempt([submit], { action: "refuse", at: at(1), actor: people.receptionist });
    expect(error).toBeInstanceOf(ActionInputError);
    expect(error).toMatchObject({ action: "refuse", problem: "comment-required" });
  });
});

describe("extension with an apology and a new date (form 04)", () => {
  const extend = (newDueDate: string, hours = 3): HistoryEntry => ({
    action: "extend",
    at: at(hours),
    actor: people.director,
    comment: "Chờ ý kiến phối hợp của Công an tỉnh",
    newDueDate,
  });

  it("moves the due date and keeps the dossier where it is", () => {
    const extended = status([...inReview, extend("2026-12-10")]);
    expect(extended).toMatchObject({
      state: "in-review",
      currentStepId: "appraisal",
      extendedDueDate: "2026-12-10",
      extensions: [{ at: at(3), newDueDate: "2026-12-10", reason: "Chờ ý kiến phối hợp của Công an tỉnh" }],
    });
    expect(extended.formsIssued.at(-1)).toEqual({ form: "04", at: at(3), entryIndex: 3 });
  });

  it("refuses a date that is not later than the appointment it replaces, or not a real date", () => {
    expect(attempt(inReview, extend("2026-12-04"))).toMatchObject({ problem: "new-due-date-not-later" });
    expect(attempt(inReview, extend("2026-02-30"))).toMatchObject({ problem: "new-due-date-invalid" });
    expect(attempt(inReview, extend("10/12/2026"))).toMatchObject({ problem: "new-due-date-invalid" });
    const once = [...inReview, extend("2026-12-10")];
    expect(attempt(once, extend("2026-12-09", 4))).toMatchObject({ problem: "new-due-date-not-later" });
    expect(status([...once, extend("2026-12-15", 4)]).extendedDueDate).toBe("2026-12-15");
  });

  it("refuses a new date that is already past in Vietnam time", () => {
    // 2026-12-20T17:30Z is 00:30 on 21/12 in Vietnam: 21/12 is today there, so not a later date.
    const late = { ...extend("2026-12-21"), at: "2026-12-20T17:30:00.000Z" };
    expect(attempt(inReview, late)).toMatchObject({ problem: "new-due-date-not-later" });
  });

  it("is issued by a leader, not by the processing officer", () => {
    expect(attempt(inReview, { ...extend("2026-12-10"), actor: people.appraiser })).toMatchObject({
      reason: "role",
    });
  });
});

describe("stop (form 05)", () => {
  const request: HistoryEntry = {
    action: "request-supplement",
    at: at(3),
    actor: people.appraiser,
    comment: "Thiếu",
  };
  const stop: HistoryEntry = {
    action: "stop",
    at: at(300),
    actor: people.director,
    comment: "Quá hạn bổ sung hồ sơ",
  };

  it("ends processing, closes the open pause at the stop and frees the holder", () => {
    const stopped = status([...inReview, request, stop]);
    expect(stopped).toMatchObject({
      state: "stopped",
      currentStepId: null,
      holder: null,
      decidedAt: at(300),
      pauses: [{ from: at(3), to: at(300) }],
    });
    expect(stopped.formsIssued.map((form) => form.form)).toEqual(["01", "02", "05"]);
    expect(stopped.stepVisits.at(-1)).toEqual({
      stepId: "appraisal",
      unitId: "phong-qltm",
      from: at(2),
      to: at(300),
    });
  });

  it("after receipt replaces withdrawal: the applicant can no longer withdraw", () => {
    const error = attempt(inReview, { action: "withdraw", at: at(3), actor: people.applicant });
    expect(error).toMatchObject({ action: "withdraw", state: "in-review", reason: "not-in-table" });
    expect(status([submit, { action: "withdraw", at: at(1), actor: people.applicant }]).state).toBe(
      "withdrawn",
    );
  });
});

describe("the procedure's steps", () => {
  const atTechnicalCheck = [...inReview, { action: "forward", at: at(3), actor: people.appraiser } as const];

  it("lets the officer propose only at the last step", () => {
    const early = attempt(inReview, { action: "propose", at: at(3), actor: people.appraiser });
    expect(early).toBeInstanceOf(IllegalTransitionError);
    expect(early).toMatchObject({ action: "propose", state: "in-review", reason: "steps-remaining" });
    const proposed = status([
      ...atTechnicalCheck,
      { action: "propose", at: at(4), actor: people.technician },
    ]);
    expect(proposed).toMatchObject({ state: "proposed", currentStepId: null });
  });

  it("cannot forward past the last step", () => {
    expect(
      attempt(atTechnicalCheck, { action: "forward", at: at(4), actor: people.technician }),
    ).toMatchObject({
      reason: "no-next-step",
    });
  });

  it("sends back one step, or from the leader to the last step, always with a reason", () => {
    const sendBack: HistoryEntry = {
      action: "send-back",
      at: at(4),
      actor: people.technician,
      comment: "Thiếu",
    };
    expect(attempt(inReview, { ...sendBack, actor: people.appraiser })).toMatchObject({
      reason: "no-previous-step",
    });
    expect(status([...atTechnicalCheck, sendBack])).toMatchObject({
      state: "in-review",
      currentStepId: "appraisal",
    });
    const proposed = [
      ...atTechnicalCheck,
      { action: "propose", at: at(4), actor: people.technician } as const,
    ];
    const back = status([...proposed, { ...sendBack, at: at(5), actor: people.director }]);
    expect(back).toMatchObject({ state: "in-review", currentStepId: "technical-check", holder: null });
    expect(attempt(proposed, { action: "send-back", at: at(5), actor: people.director })).toMatchObject({
      problem: "comment-required",
    });
  });
});

describe("who may act", () => {
  const cases: [string, readonly HistoryEntry[], HistoryEntry, string][] = [
    ["an applicant cannot receive", [submit], { ...receive, actor: people.applicant }, "role"],
    [
      "a reception officer cannot approve",
      historyReaching.proposed,
      sampleEntry("approve", people.receptionist, at(9)),
      "role",
    ],
    [
      "a division head cannot sign a result of the directorate",
      historyReaching.proposed,
      sampleEntry("approve", people.divisionHead, at(9)),
      "unit",
    ],
    [
      "an officer of another unit cannot forward",
      historyReaching["in-review"],
      sampleEntry("forward", people.technician, at(9)),
      "unit",
    ],
    [
      "a reception officer of another province cannot receive",
      [submit],
      { ...receive, actor: people.otherProvinceReceptionist },
      "unit",
    ],
    [
      "another applicant cannot withdraw",
      [submit],
      sampleEntry("withdraw", people.otherApplicant, at(9)),
      "not-owner",
    ],
  ];

  it.each(cases)("%s", (_name, history, entry, reason) => {
    const error = attempt(history, entry);
    expect(error).toBeInstanceOf(ForbiddenActionError);
    expect(error).toMatchObject({ action: entry.action, reason, statusCode: 403 });
  });

  it("lets the directorate stop a dossier at any unit's step", () => {
    expect(status([...inReview, sampleEntry("stop", people.director, at(3))]).state).toBe("stopped");
  });
});

describe("one officer holds a dossier at a time", () => {
  const claim = (actor: Actor, hours: number): HistoryEntry => ({ action: "claim", at: at(hours), actor });
  const claimed = [...inReview, claim(people.appraiser, 3)];

  it("blocks a second officer from claiming or acting while the first holds it", () => {
    expect(status(claimed).holder).toEqual(people.appraiser);
    expect(attempt(claimed, claim(people.secondAppraiser, 4))).toMatchObject({ reason: "held-by-other" });
    expect(attempt(claimed, sampleEntry("forward", people.secondAppraiser, at(4)))).toMatchObject({
      reason: "held-by-other",
    });
    expect(attempt(claimed, sampleEntry("release", people.secondAppraiser, at(4)))).toMatchObject({
      reason: "not-holder",
    });
  });

  it("lets the holder release it for a colleague to claim", () => {
    const released = [...claimed, { action: "release", at: at(4), actor: people.appraiser } as const];
    expect(status(released).holder).toBeNull();
    expect(status([...released, claim(people.secondAppraiser, 5)]).holder).toEqual(people.secondAppraiser);
  });

  it("lets the unit's leader reassign, but only to an officer who works that stage", () => {
    const assign = (assignee: typeof people.appraiser, actor: Actor = people.divisionHead): HistoryEntry => ({
      action: "assign",
      at: at(4),
      actor,
      assignee,
    });
    expect(status([...claimed, assign(people.secondAppraiser)]).holder).toEqual(people.secondAppraiser);
    expect(attempt(claimed, assign(people.technician))).toMatchObject({ problem: "assignee-ineligible" });
    expect(attempt(claimed, assign(people.secondAppraiser, people.appraiser))).toMatchObject({
      reason: "role",
    });
  });

  it("an officer acting on an unheld dossier takes it; a hand-over to the wrong unit is refused", () => {
    const request = sampleEntry("request-supplement", people.appraiser, at(3));
    expect(status([...inReview, request]).holder).toEqual(people.appraiser);
    const wrongHandOver: HistoryEntry = {
      action: "forward",
      at: at(3),
      actor: people.appraiser,
      assignTo: people.secondAppraiser,
    };
    expect(attempt(inReview, wrongHandOver)).toMatchObject({ problem: "assignee-ineligible" });
  });
});

describe("replay", () => {
  afterEach(() => vi.useRealTimers());

  const history = [
    ...inReview,
    sampleEntry("request-supplement", people.appraiser, at(3)),
    sampleEntry("supply", people.applicant, at(20)),
    sampleEntry("extend", people.director, at(21)),
  ];

  it("is deterministic: same history, same status, whatever the wall clock says", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    const first = replay(history, context);
    vi.setSystemTime(new Date("2031-06-15T12:00:00Z"));
    const second = replay(history, context);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("equals replaying a prefix then applying the rest one by one", () => {
    let stepwise = replay(history.slice(0, 3), context);
    for (const entry of history.slice(3)) stepwise = applyAction(stepwise, entry, context).status;
    expect(stepwise).toEqual(replay(history, context));
  });

  it("refuses an illegal history and names the entry", () => {
    let thrown: unknown;
    try {
      replay([submit, sampleEntry("approve", people.director, at(1))], context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidHistoryError);
    expect(thrown).toMatchObject({ index: 1, cause: { action: "approve", state: "submitted" } });
  });

  it("checks the step an entry claims it was taken at", () => {
    const forward: HistoryEntry = {
      action: "forward",
      at: at(3),
      actor: people.appraiser,
      stepId: "appraisal",
    };
    expect(status([...inReview, forward]).currentStepId).toBe("technical-check");
    expect(attempt(inReview, { ...forward, stepId: "technical-check" })).toMatchObject({
      problem: "step-mismatch",
    });
  });

  it("refuses a history that goes back in time", () => {
    expect(() => replay([submit, { ...receive, at: "2026-11-22T00:00:00.000Z" }], context)).toThrow(
      InvalidHistoryError,
    );
  });
});
