import { describe, expect, it } from "vitest";
import { IllegalTransitionError } from "./errors.ts";
import { applyAction, replay } from "./history.ts";
import type { Actor, DossierStatus, StaffRef } from "./history-types.ts";
import { getStage } from "./procedure-steps.ts";
import { at, context, historyReaching, people, sampleEntry } from "./test-fixtures.ts";
import {
  DOSSIER_ACTIONS,
  DOSSIER_STATES,
  type DossierAction,
  type DossierState,
  findEdge,
  isTerminal,
  listAllowedActions,
  type Role,
  TERMINAL_STATES,
  WORKFLOW_TABLE,
} from "./transitions.ts";

/** Someone of `role` in the unit that handles the dossier now (so only the table can refuse them). */
function actorFor(role: Role, status: DossierStatus): Actor {
  if (role === "applicant") return people.applicant;
  if (role === "leader") return people.director;
  if (role === "reception-officer") return people.receptionist;
  const stage = getStage(context.workflow, status.state, status.currentStepId);
  return stage?.unitId === "phong-ktat" ? people.technician : people.appraiser;
}

/**
 * The workflow written out by hand, independently of WORKFLOW_TABLE: if someone adds, removes or redirects
 * an edge in the table, this specification (and so the illegal-pair test below) fails until it is updated.
 */
const SPECIFICATION: Record<DossierState, Partial<Record<DossierAction, DossierState | "unchanged">>> = {
  draft: { submit: "submitted", withdraw: "withdrawn" },
  submitted: {
    withdraw: "withdrawn",
    receive: "received",
    "request-supplement": "needs-completion",
    refuse: "refused",
    ...holding(),
  },
  "needs-completion": { withdraw: "withdrawn", supply: "submitted" },
  received: { forward: "in-review", extend: "unchanged", stop: "stopped", ...holding() },
  "in-review": {
    "request-supplement": "awaiting-supplement",
    forward: "in-review",
    "send-back": "in-review",
    propose: "proposed",
    extend: "unchanged",
    stop: "stopped",
    ...holding(),
  },
  "awaiting-supplement": { supply: "in-review", extend: "unchanged", stop: "stopped", ...holding() },
  proposed: {
    "send-back": "in-review",
    approve: "approved",
    reject: "rejected",
    extend: "unchanged",
    stop: "stopped",
    ...holding(),
  },
  approved: { "return-result": "completed", ...holding() },
  rejected: { "return-result": "completed", ...holding() },
  completed: {},
  refused: {},
  stopped: {},
  withdrawn: {},
};

function holding() {
  return { assign: "unchanged", claim: "unchanged", release: "unchanged" } as const;
}

const allPairs = DOSSIER_STATES.flatMap((state) => DOSSIER_ACTIONS.map((action) => ({ state, action })));
const legalPairs = allPairs.filter(({ state, action }) => SPECIFICATION[state][action] !== undefined);
const illegalPairs = allPairs.filter(({ state, action }) => SPECIFICATION[state][action] === undefined);

describe("the transition table", () => {
  it("matches the hand-written specification edge for edge", () => {
    for (const state of DOSSIER_STATES) {
      const actual = Object.fromEntries(
        listAllowedActions(state).map((action) => [action, findEdge(state, action)!.to]),
      );
      expect(actual, state).toEqual(SPECIFICATION[state]);
    }
  });

  it("has both legal and illegal pairs, and together they cover every (state, action)", () => {
    expect(legalPairs.length + illegalPairs.length).toBe(DOSSIER_STATES.length * DOSSIER_ACTIONS.length);
    expect(legalPairs.length).toBeGreaterThan(40);
    expect(illegalPairs.length).toBeGreaterThan(100);
  });

  it.each(illegalPairs)("refuses $action from $state with an error naming both", ({ state, action }) => {
    const status = replay(historyReaching[state], context);
    expect(status.state).toBe(state);
    // The director is used on purpose: a powerful role must still be refused by the table itself.
    const entry = sampleEntry(action, people.director, at(20));
    let thrown: unknown;
    try {
      applyAction(status, entry, context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IllegalTransitionError);
    expect(thrown).toMatchObject({ action, state, reason: "not-in-table", statusCode: 409 });
  });

  // The in-review fixture sits at the FIRST of two steps: send-back has nowhere to go and propose must wait
  // for the last step. Both are proven legal at the right step in history.test.ts.
  const provableLegalPairs = legalPairs.filter(
    (pair) => !(pair.state === "in-review" && (pair.action === "send-back" || pair.action === "propose")),
  );

  it.each(provableLegalPairs)("allows $action from $state to the right actor", ({ state, action }) => {
    let status = replay(historyReaching[state], context);
    const edge = WORKFLOW_TABLE[action].edges[state]!;
    const role = edge.roles[0]!;
    if (action === "release") {
      status = applyAction(
        status,
        sampleEntry("claim", actorFor(stageRole(status), status), at(19)),
        context,
      ).status;
    }
    const actor =
      action === "claim" || action === "release"
        ? actorFor(stageRole(status), status)
        : actorFor(role, status);
    const assignee = { ...actorFor(stageRole(status), status), userId: "other-officer" } as StaffRef;
    const outcome = applyAction(status, sampleEntry(action, actor, at(20), assignee), context);
    expect(outcome.status.state).toBe(edge.to === "unchanged" ? state : edge.to);
    expect(outcome.effects).toMatchObject({
      from: state,
      clock: edge.clock,
      form: WORKFLOW_TABLE[action].form,
    });
  });

  it("gives terminal states no way out, and every other state a path to a terminal state", () => {
    for (const state of TERMINAL_STATES) expect(listAllowedActions(state)).toEqual([]);
    const reachesTerminal = (start: DossierState): boolean => {
      const seen = new Set<DossierState>();
      const queue = [start];
      while (queue.length > 0) {
        const state = queue.pop()!;
        if (isTerminal(state)) return true;
        if (seen.has(state)) continue;
        seen.add(state);
        for (const action of listAllowedActions(state)) {
          const to = findEdge(state, action)!.to;
          queue.push(to === "unchanged" ? state : to);
        }
      }
      return false;
    };
    for (const state of DOSSIER_STATES) expect(reachesTerminal(state), state).toBe(true);
  });

  it("issues each Circular 03/2025 form from the action that produces it", () => {
    const formOf = (action: DossierAction) => WORKFLOW_TABLE[action].form;
    expect(DOSSIER_ACTIONS.filter((action) => formOf(action) !== null).map((a) => [a, formOf(a)])).toEqual([
      ["receive", "01"],
      ["request-supplement", "02"],
      ["refuse", "03"],
      ["extend", "04"],
      ["stop", "05"],
    ]);
  });

  it("pauses the clock only for a supplement during processing and resumes it only on supply", () => {
    const effects = legalPairs.map(({ state, action }) => ({
      state,
      action,
      clock: findEdge(state, action)!.clock,
    }));
    expect(effects.filter((edge) => edge.clock === "pause")).toEqual([
      { state: "in-review", action: "request-supplement", clock: "pause" },
    ]);
    expect(effects.filter((edge) => edge.clock === "resume")).toEqual([
      { state: "awaiting-supplement", action: "supply", clock: "resume" },
    ]);
    expect(effects.filter((edge) => edge.clock === "start").map((edge) => edge.action)).toEqual(["receive"]);
  });

  it("requires a reason where the form states one and a new date for an extension", () => {
    const needsComment = DOSSIER_ACTIONS.filter((action) => WORKFLOW_TABLE[action].requires.comment);
    expect(needsComment).toEqual(["request-supplement", "refuse", "send-back", "reject", "extend", "stop"]);
    expect(WORKFLOW_TABLE.extend.requires.newDueDate).toBe(true);
    expect(WORKFLOW_TABLE.supply.requires.files).toBe(true);
  });

  it("offers a submitted dossier exactly the reception officer's choices plus withdraw and holding", () => {
    expect(listAllowedActions("submitted")).toEqual([
      "withdraw",
      "receive",
      "request-supplement",
      "refuse",
      "assign",
      "claim",
      "release",
    ]);
  });
});

function stageRole(status: DossierStatus): Role {
  return getStage(context.workflow, status.state, status.currentStepId)?.role ?? "reception-officer";
}
