import { describe, expect, it } from "vitest";
import { classifyProcessingSteps } from "./control-slip.ts";
import { createWorkingCalendar } from "./working-days.ts";

const calendar = createWorkingCalendar();
const local = (dateTime: string) => `${dateTime}:00+07:00`;

describe("processing control slip (form 06): each step early, on time or late", () => {
  const steps = [
    { name: "Tiếp nhận", allottedWorkingDays: 1, finishedAt: local("2026-03-03T10:00") },
    { name: "Thẩm định", allottedWorkingDays: 3, finishedAt: local("2026-03-05T15:00") },
    { name: "Phê duyệt", allottedWorkingDays: 1, finishedAt: local("2026-03-09T09:00") },
    { name: "Trả kết quả", allottedWorkingDays: 1 },
  ];

  it("times each step from the handover to it, and stops at the step still running", () => {
    const results = classifyProcessingSteps(calendar, {
      receivedAt: local("2026-03-02T09:00"),
      steps,
      asOf: local("2026-03-10T09:00"),
    });
    expect(results.map((step) => [step.name, step.deadline.dueDate, step.status])).toEqual([
      ["Tiếp nhận", "2026-03-03", "on-time"], // due the next working day, done on it
      ["Thẩm định", "2026-03-06", "early"], // from 03/03, due 06/03, done 05/03
      ["Phê duyệt", "2026-03-06", "late"], // from 05/03, due 06/03, done Monday 09/03
      ["Trả kết quả", "2026-03-10", undefined], // from 09/03, due 10/03, still running
    ]);
    expect(results[3]?.isOverdue).toBe(false);
  });

  it("flags the running step overdue from midnight after its due day", () => {
    const at = (asOf: string) =>
      classifyProcessingSteps(calendar, { receivedAt: local("2026-03-02T09:00"), steps, asOf }).at(-1);
    expect(at(local("2026-03-10T23:59"))?.isOverdue).toBe(false);
    expect(at(local("2026-03-11T00:00"))?.isOverdue).toBe(true);
  });

  it("extends the step that was running during a supplement pause, across the Tết 2026 holidays", () => {
    const results = classifyProcessingSteps(calendar, {
      receivedAt: local("2026-02-10T09:00"),
      steps: [{ name: "Thẩm định", allottedWorkingDays: 3, finishedAt: local("2026-02-26T10:00") }],
      pauses: [{ pausedAt: local("2026-02-11T09:00"), resumedAt: local("2026-02-24T09:00") }],
    });
    // Counted: 11/02, then paused 12, 13, 23, 24/02 (Tết 16–20/02 is not a working day), then 25 and 26/02.
    expect(results[0]?.deadline.pausedDates).toEqual([
      "2026-02-12",
      "2026-02-13",
      "2026-02-23",
      "2026-02-24",
    ]);
    expect(results[0]?.deadline.dueDate).toBe("2026-02-26");
    expect(results[0]?.status).toBe("on-time");
  });

  it("refuses a step finished before it started", () => {
    expect(() =>
      classifyProcessingSteps(calendar, {
        receivedAt: local("2026-03-02T09:00"),
        steps: [{ name: "Tiếp nhận", allottedWorkingDays: 1, finishedAt: local("2026-03-01T09:00") }],
      }),
    ).toThrow();
  });
});
