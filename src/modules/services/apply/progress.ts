// The task list of a draft (GOV.UK "complete multiple tasks" pattern): each section's status is worked out from
// what is stored, never kept in a column, so it cannot disagree with the answers themselves.

export type TaskStatus = "completed" | "in-progress" | "not-started";
export type DraftTask = "details" | "questions" | "documents" | "delivery";

export type ComponentFacts = { id: number; required: boolean; fileCount: number };

export type DraftFacts = {
  /** The applicant details pass the full rules. */
  detailsValid: boolean;
  /** The version asks extra questions at all. */
  hasQuestions: boolean;
  answersValid: boolean;
  answeredCount: number;
  components: readonly ComponentFacts[];
  deliveryValid: boolean;
};

export type DraftProgress = {
  tasks: { task: DraftTask; status: TaskStatus }[];
  /** Required components without a file: submission is refused while any is listed. */
  missingComponentIds: number[];
  isReadyToSubmit: boolean;
};

function documentsStatus(components: readonly ComponentFacts[], missing: readonly number[]): TaskStatus {
  if (missing.length === 0) return "completed";
  return components.some((component) => component.fileCount > 0) ? "in-progress" : "not-started";
}

export function computeDraftProgress(facts: DraftFacts): DraftProgress {
  const missingComponentIds = facts.components
    .filter((component) => component.required && component.fileCount === 0)
    .map((component) => component.id);
  const tasks: DraftProgress["tasks"] = [
    // The details are prefilled from the account, so they are never "not started".
    { task: "details", status: facts.detailsValid ? "completed" : "in-progress" },
  ];
  if (facts.hasQuestions) {
    const status: TaskStatus = facts.answersValid
      ? "completed"
      : facts.answeredCount > 0
        ? "in-progress"
        : "not-started";
    tasks.push({ task: "questions", status });
  }
  tasks.push({ task: "documents", status: documentsStatus(facts.components, missingComponentIds) });
  tasks.push({ task: "delivery", status: facts.deliveryValid ? "completed" : "in-progress" });
  return {
    tasks,
    missingComponentIds,
    isReadyToSubmit: tasks.every((task) => task.status === "completed"),
  };
}
