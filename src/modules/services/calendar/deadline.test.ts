import { describe, expect, it } from "vitest";
import {
  calculateDeadline,
  classifyCompletion,
  countWorkingDaysLeft,
  findReceiptWorkingDate,
  summarizeDossierClock,
} from "./deadline.ts";
import { createWorkingCalendar } from "./working-days.ts";

const calendar = createWorkingCalendar();
const local = (dateTime: string) => `${dateTime}:00+07:00`;

describe("dossier clock: start and due dates", () => {
  it("skips weekends: received Thursday 05/03/2026, 3 working days → due Tuesday 10/03", () => {
    const deadline = calculateDeadline(calendar, local("2026-03-05T10:00"), 3);
    expect(deadline).toMatchObject({ startDate: "2026-03-05", dueDate: "2026-03-10", pausedDates: [] });
    expect(deadline.lateFrom).toBe("2026-03-11T00:00:00+07:00");
  });

  it("skips Tết 2026: received Friday 13/02, 5 working days → due Friday 27/02", () => {
    expect(calculateDeadline(calendar, local("2026-02-13T09:00"), 5).dueDate).toBe("2026-02-27");
  });

  it("counts a dossier received during Tết from the first working day after it", () => {
    const deadline = calculateDeadline(calendar, local("2026-02-17T09:00"), 1);
    expect(deadline).toMatchObject({ startDate: "2026-02-23", dueDate: "2026-02-24" });
  });

  it("applies the cut-off: 15:59 vs 16:01 on Friday 04/04/2025 before the Monday 07/04 holiday (10/3 lunar)", () => {
    expect(calculateDeadline(calendar, local("2025-04-04T15:59"), 1)).toMatchObject({
      startDate: "2025-04-04",
      dueDate: "2025-04-08",
    });
    expect(calculateDeadline(calendar, local("2025-04-04T16:01"), 1)).toMatchObject({
      startDate: "2025-04-08",
      dueDate: "2025-04-09",
    });
    // 16:00 sharp already counts as after the cut-off; the hour is configurable.
    expect(findReceiptWorkingDate(calendar, local("2025-04-04T16:00"))).toBe("2025-04-08");
    expect(findReceiptWorkingDate(calendar, local("2025-04-04T16:30"), "17:00")).toBe("2025-04-04");
  });

  it("reads instants in any offset as Vietnamese local time", () => {
    // 08:59Z is 15:59 in Hà Nội, 09:01Z is 16:01.
    expect(findReceiptWorkingDate(calendar, "2025-04-04T08:59:00Z")).toBe("2025-04-04");
    expect(findReceiptWorkingDate(calendar, "2025-04-04T09:01:00Z")).toBe("2025-04-08");
    // 23:30 on Thursday UTC is already Friday 06:30 in Hà Nội.
    expect(findReceiptWorkingDate(calendar, "2025-04-03T23:30:00Z")).toBe("2025-04-04");
  });

  it("rejects instants without an explicit offset and malformed cut-offs", () => {
    expect(() => calculateDeadline(calendar, "2026-03-05T10:00:00", 1)).toThrow();
    expect(() => calculateDeadline(calendar, local("2026-03-05T10:00"), 1, { cutOff: "4pm" })).toThrow();
    expect(() => calculateDeadline(calendar, local("2026-03-05T10:00"), -1)).toThrow();
  });

  it("makes a 0-day procedure due the same working day, or the next one after the cut-off or on a weekend", () => {
    expect(calculateDeadline(calendar, local("2026-03-11T10:00"), 0).dueDate).toBe("2026-03-11");
    expect(calculateDeadline(calendar, local("2026-03-11T16:30"), 0).dueDate).toBe("2026-03-12");
    expect(calculateDeadline(calendar, local("2026-03-14T10:00"), 0).dueDate).toBe("2026-03-16");
  });

  it("falls due on Friday 13/02/2026, the last working day before Tết, and is late from Saturday 00:00", () => {
    const deadline = calculateDeadline(calendar, local("2026-02-09T09:00"), 4);
    expect(deadline.dueDate).toBe("2026-02-13");
    expect(classifyCompletion(deadline, local("2026-02-13T23:59"))).toBe("on-time");
    expect(classifyCompletion(deadline, local("2026-02-14T00:00"))).toBe("late");
    expect(countWorkingDaysLeft(calendar, deadline, local("2026-02-12T08:00"))).toBe(1);
    expect(countWorkingDaysLeft(calendar, deadline, local("2026-02-13T08:00"))).toBe(0);
    expect(countWorkingDaysLeft(calendar, deadline, local("2026-02-18T08:00"))).toBe(0); // overdue, but Tết
    expect(countWorkingDaysLeft(calendar, deadline, local("2026-02-24T08:00"))).toBe(-2);
  });
});

describe("dossier clock: supplement pauses", () => {
  // Received Wednesday 22/04/2026; 27/04 (compensatory), 30/04 and 01/05 are off, 02–03/05 a weekend.
  const receivedAt = local("2026-04-22T09:00");

  it("without a pause, 5 working days from 22/04/2026 fall due on 04/05", () => {
    expect(calculateDeadline(calendar, receivedAt, 5).dueDate).toBe("2026-05-04");
  });

  it("a pause across the holidays only stops the clock for working days", () => {
    const deadline = calculateDeadline(calendar, receivedAt, 5, {
      pauses: [{ pausedAt: local("2026-04-24T10:00"), resumedAt: local("2026-05-05T09:00") }],
    });
    expect(deadline.pausedDates).toEqual(["2026-04-28", "2026-04-29", "2026-05-04", "2026-05-05"]);
    expect(deadline.dueDate).toBe("2026-05-08");
    expect(deadline.isPaused).toBe(false);
  });

  it("a supplement handed in after the cut-off counts from the next working day", () => {
    const deadline = calculateDeadline(calendar, receivedAt, 5, {
      pauses: [{ pausedAt: local("2026-04-24T10:00"), resumedAt: local("2026-05-05T16:30") }],
    });
    expect(deadline.dueDate).toBe("2026-05-11");
  });

  it("adds several pauses, and counts overlapping ones once", () => {
    const twoPauses = calculateDeadline(calendar, local("2026-03-02T09:00"), 5, {
      pauses: [
        { pausedAt: local("2026-03-03T09:00"), resumedAt: local("2026-03-04T09:00") },
        { pausedAt: local("2026-03-05T09:00"), resumedAt: local("2026-03-09T09:00") },
      ],
    });
    // Paused: 04/03, then 06/03 and 09/03 → 3 extra working days after 09/03.
    expect(twoPauses.pausedDates).toEqual(["2026-03-04", "2026-03-06", "2026-03-09"]);
    expect(twoPauses.dueDate).toBe("2026-03-12");
    const overlapping = calculateDeadline(calendar, local("2026-03-02T09:00"), 5, {
      pauses: [
        { pausedAt: local("2026-03-03T09:00"), resumedAt: local("2026-03-05T09:00") },
        { pausedAt: local("2026-03-04T09:00"), resumedAt: local("2026-03-05T10:00") },
      ],
    });
    expect(overlapping.pausedDates).toEqual(["2026-03-04", "2026-03-05"]);
    expect(overlapping.dueDate).toBe("2026-03-11");
  });

  it("a request made on the due day moves the due date to the day the supplement arrives", () => {
    const deadline = calculateDeadline(calendar, local("2026-03-02T09:00"), 2, {
      pauses: [{ pausedAt: local("2026-03-04T11:00"), resumedAt: local("2026-03-09T10:00") }],
    });
    expect(deadline.dueDate).toBe("2026-03-09");
    const sameDay = calculateDeadline(calendar, local("2026-03-02T09:00"), 0, {
      pauses: [{ pausedAt: local("2026-03-02T10:00"), resumedAt: local("2026-03-03T10:00") }],
    });
    expect(sameDay.dueDate).toBe("2026-03-03");
  });

  it("a request made after the due day does not rescue a late dossier", () => {
    const deadline = calculateDeadline(calendar, local("2026-03-02T09:00"), 2, {
      pauses: [{ pausedAt: local("2026-03-05T09:00"), resumedAt: local("2026-03-10T09:00") }],
    });
    expect(deadline.dueDate).toBe("2026-03-04");
  });

  it("an open pause is counted until `asOf` and marks the due date provisional", () => {
    const options = { pauses: [{ pausedAt: local("2026-03-03T09:00") }], asOf: local("2026-03-05T11:00") };
    const deadline = calculateDeadline(calendar, local("2026-03-02T09:00"), 3, options);
    expect(deadline.isPaused).toBe(true);
    expect(deadline.pausedDates).toEqual(["2026-03-04", "2026-03-05"]);
    expect(deadline.dueDate).toBe("2026-03-09");
    expect(() =>
      calculateDeadline(calendar, local("2026-03-02T09:00"), 3, { pauses: options.pauses }),
    ).toThrow();
    expect(() =>
      calculateDeadline(calendar, local("2026-03-02T09:00"), 3, {
        pauses: [{ pausedAt: local("2026-03-05T09:00"), resumedAt: local("2026-03-04T09:00") }],
      }),
    ).toThrow();
  });

  it("does not count paused days as days left", () => {
    const deadline = calculateDeadline(calendar, receivedAt, 5, {
      pauses: [{ pausedAt: local("2026-04-24T10:00"), resumedAt: local("2026-05-05T09:00") }],
    });
    expect(countWorkingDaysLeft(calendar, deadline, local("2026-04-24T12:00"))).toBe(3);
    expect(countWorkingDaysLeft(calendar, deadline, local("2026-05-05T12:00"))).toBe(3);
  });
});

describe("dossier clock: early, on time, late at the minute", () => {
  const deadline = calculateDeadline(calendar, local("2026-03-05T10:00"), 3); // due Tuesday 10/03/2026

  it.each([
    [local("2026-03-09T23:59"), "early"],
    [local("2026-03-10T00:00"), "on-time"],
    [local("2026-03-10T23:59"), "on-time"],
    [local("2026-03-11T00:00"), "late"],
    ["2026-03-10T16:59:59Z", "on-time"], // 23:59:59 in Hà Nội
    ["2026-03-10T17:00:00Z", "late"], // 00:00 on 11/03 in Hà Nội
  ])("completed at %s is %s", (completedAt, status) => {
    expect(classifyCompletion(deadline, completedAt)).toBe(status);
  });
});

describe("dossier clock summary", () => {
  const base = { receivedAt: local("2026-03-05T10:00"), processingWorkingDays: 3 }; // due 10/03/2026

  it("shows days left and no status while open, then overdue after the due day", () => {
    expect(summarizeDossierClock(calendar, { ...base, asOf: local("2026-03-06T09:00") })).toMatchObject({
      dueDate: "2026-03-10",
      workingDaysLeft: 2,
      status: undefined,
      isOverdue: false,
    });
    expect(summarizeDossierClock(calendar, { ...base, asOf: local("2026-03-12T09:00") })).toMatchObject({
      workingDaysLeft: -2,
      isOverdue: true,
    });
  });

  it("classifies a completed dossier and freezes its days left at completion", () => {
    expect(
      summarizeDossierClock(calendar, {
        ...base,
        completedAt: local("2026-03-09T15:00"),
        asOf: local("2026-03-20T09:00"),
      }),
    ).toMatchObject({ workingDaysLeft: 1, status: "early", isOverdue: false });
  });
});
