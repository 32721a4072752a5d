import { formatLocalInstant, toLocalDateTime } from "../calendar/dates.ts";
import { findReceiptWorkingDate, type WorkingCalendar } from "../calendar/index.ts";
import type { ActionRequest } from "../dossiers/index.ts";
import type { ProcedureWorkflow } from "../workflow/index.ts";

/**
 * The life of one demo dossier, planned before it is played through the core: who acts, what, and when. Pure
 * (the random source and the calendar are given), so the same seed plans the same life. Times only move
 * forward: a step planned before the previous one is moved to a few minutes after it.
 *
 * The mix (of dossiers that get that far): 3% refused at reception (form 03); for applicants with an account
 * 5% withdrawn before receipt, 10% asked to complete at reception and 15% asked for a supplement during
 * processing (only an applicant can supply); decisions 75% early, 15% on the due day, 10% late (half with an
 * apology and a new date, form 04); 2% stopped (form 05), 6% rejected, the rest approved; 4% of online fees
 * never paid (the dossier waits for payment); about half of the returned results rated, mostly 4–5.
 */

export type DemoRandom = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
};

export type PlannedStep = {
  at: Date;
  kind: "action" | "pay" | "rate";
  by?: "applicant" | "reception" | "leader" | "officer";
  /** The unit whose officer acts (a processing step's unit). */
  unitId?: string;
  request?: ActionRequest;
  score?: number;
  comment?: string;
};

export type DemoPlan = { steps: PlannedStep[] };

const completionRequests = [
  "Thiếu bản sao Giấy chứng nhận đăng ký doanh nghiệp.",
  "Đơn đề nghị chưa có chữ ký, đóng dấu của người đại diện theo pháp luật.",
  "Thiếu bản vẽ mặt bằng, sơ đồ vị trí địa điểm kinh doanh.",
];
const supplementRequests = [
  "Đề nghị bổ sung hợp đồng thuê địa điểm kinh doanh còn hiệu lực.",
  "Đề nghị bổ sung văn bản nghiệm thu về phòng cháy, chữa cháy của cửa hàng.",
  "Đề nghị bổ sung danh sách thương nhân cung cấp hàng hóa và hợp đồng nguyên tắc.",
];
const refusals = [
  "Hồ sơ không thuộc thẩm quyền giải quyết của Sở Công Thương; đề nghị nộp tại UBND cấp xã.",
  "Ngành nghề kinh doanh đã đăng ký không phù hợp với nội dung đề nghị cấp phép.",
];
const rejections = [
  "Địa điểm kinh doanh không bảo đảm khoảng cách an toàn theo quy chuẩn kỹ thuật.",
  "Kết quả kiểm tra thực tế cho thấy cơ sở chưa đáp ứng điều kiện kinh doanh theo quy định.",
];
const stops = ["Dừng giải quyết theo văn bản đề nghị của người nộp hồ sơ."];
const extensions = [
  "Sở Công Thương xin lỗi vì cần thêm thời gian kiểm tra thực tế tại cơ sở do lịch kiểm tra liên ngành thay đổi.",
];
const ratingComments = [
  "Cán bộ hướng dẫn tận tình.",
  "Thủ tục nhanh, trả kết quả trước hẹn.",
  "Nên gửi thông báo sớm hơn khi cần bổ sung hồ sơ.",
];

const MINUTE = 60_000;

/** An instant at `minute` past local midnight of a Vietnam calendar day. */
export function localInstant(day: string, minute: number): Date {
  const hours = String(Math.floor(minute / 60)).padStart(2, "0");
  return new Date(`${day}T${hours}:${String(minute % 60).padStart(2, "0")}:00+07:00`);
}

export function planDemoDossier(input: {
  random: DemoRandom;
  calendar: WorkingCalendar;
  cutOffTime: string;
  submittedAt: Date;
  workflow: ProcedureWorkflow;
  processingWorkingDays: number;
  isOwned: boolean;
  paysOnline: boolean;
  deliveryMethod: "counter" | "online" | "post";
}): DemoPlan {
  const { random, calendar, workflow } = input;
  const steps: PlannedStep[] = [];
  let cursor = input.submittedAt.getTime() - MINUTE;
  const push = (at: Date, step: Omit<PlannedStep, "at">) => {
    const time = Math.max(at.getTime(), cursor + random.int(3, 12) * MINUTE);
    cursor = time;
    steps.push({ ...step, at: new Date(time) });
    return new Date(time);
  };
  const slot = (day: string, from: number, to: number) => localInstant(day, random.int(from, to));
  const act = (by: PlannedStep["by"], request: ActionRequest, unitId?: string) =>
    ({ kind: "action", by, request, ...(unitId ? { unitId } : {}) }) as const;
  const officerOf = (index: number) => workflow.steps[index]!.unitId;

  push(input.submittedAt, act(input.isOwned ? "applicant" : "reception", { action: "submit" }));
  if (input.paysOnline) {
    if (!random.chance(0.96)) return { steps };
    push(new Date(input.submittedAt.getTime() + random.int(3, 40) * MINUTE), { kind: "pay" });
  }
  const submitted = toLocalDateTime(input.submittedAt.getTime());
  let receptionDay =
    calendar.isWorkingDay(submitted.date) && submitted.minuteOfDay < 15 * 60
      ? submitted.date
      : calendar.findNextWorkingDay(submitted.date);
  if (random.chance(0.3)) receptionDay = calendar.addWorkingDays(receptionDay, 1);
  if (input.isOwned && random.chance(0.05)) {
    push(slot(receptionDay, 8 * 60, 11 * 60), act("applicant", { action: "withdraw" }));
    return { steps };
  }
  if (random.chance(0.03)) {
    push(
      slot(receptionDay, 8 * 60, 16 * 60),
      act("reception", { action: "refuse", comment: random.pick(refusals) }),
    );
    return { steps };
  }
  if (input.isOwned && random.chance(0.1)) {
    push(
      slot(receptionDay, 8 * 60, 11 * 60),
      act("reception", { action: "request-supplement", comment: random.pick(completionRequests) }),
    );
    receptionDay = calendar.addWorkingDays(receptionDay, random.int(1, 3));
    push(slot(receptionDay, 7 * 60 + 30, 9 * 60), act("applicant", { action: "supply" }));
  }
  const receivedAt = push(slot(receptionDay, 8 * 60, 16 * 60 + 30), act("reception", { action: "receive" }));
  const startDate = findReceiptWorkingDate(
    calendar,
    formatLocalInstant(receivedAt.getTime()),
    input.cutOffTime,
  );
  push(
    new Date(receivedAt.getTime() + random.int(20, 150) * MINUTE),
    act("reception", { action: "forward" }),
  );

  const allowed = input.processingWorkingDays;
  const roll = random.next();
  const timeliness = roll < 0.1 ? "late" : roll < 0.25 || allowed === 0 ? "on-time" : "early";
  const target =
    timeliness === "early"
      ? random.int(0, allowed - 1)
      : timeliness === "on-time"
        ? allowed
        : allowed + random.int(1, 4);
  let pause = 0;
  let firstFreeDay = startDate;
  if (input.isOwned && random.chance(0.15)) {
    pause = random.int(2, 4);
    const requestDay = calendar.addWorkingDays(startDate, Math.min(1, target));
    push(
      slot(requestDay, 8 * 60 + 30, 9 * 60 + 30),
      act(
        "officer",
        { action: "request-supplement", comment: random.pick(supplementRequests) },
        officerOf(0),
      ),
    );
    firstFreeDay = calendar.addWorkingDays(requestDay, pause);
    push(slot(firstFreeDay, 8 * 60, 9 * 60), act("applicant", { action: "supply" }));
  }
  const dayAfter = (offset: number) => {
    const day = calendar.addWorkingDays(startDate, offset + pause);
    // ISO dates: a later day sorts after an earlier one.
    return day.localeCompare(firstFreeDay) < 0 ? firstFreeDay : day;
  };
  for (let index = 1; index < workflow.steps.length; index += 1) {
    const day = dayAfter(Math.floor((target * index) / workflow.steps.length));
    push(slot(day, 10 * 60, 11 * 60 + 30), act("officer", { action: "forward" }, officerOf(index - 1)));
  }
  const decisionDay = dayAfter(target);
  const dueDay = calendar.addWorkingDays(startDate, allowed + pause);
  const extend = timeliness === "late" && random.chance(0.5);
  const extensionAt = slot(dueDay, 8 * 60, 8 * 60 + 20);
  const pushExtensionBefore = (planned: Date) => {
    if (!extend || extensionAt.getTime() >= planned.getTime() || extensionAt.getTime() <= cursor) return;
    const newDueDate = calendar.addWorkingDays(decisionDay, 2);
    push(extensionAt, act("leader", { action: "extend", comment: random.pick(extensions), newDueDate }));
  };
  const outcome = random.next();
  if (outcome < 0.02) {
    const stopAt = slot(decisionDay, 15 * 60, 16 * 60 + 30);
    pushExtensionBefore(stopAt);
    push(stopAt, act("leader", { action: "stop", comment: random.pick(stops) }));
    return { steps };
  }
  const proposeAt = slot(decisionDay, 13 * 60, 14 * 60 + 30);
  pushExtensionBefore(proposeAt);
  push(proposeAt, act("officer", { action: "propose" }, officerOf(workflow.steps.length - 1)));
  const decideAt = slot(decisionDay, 15 * 60, 16 * 60 + 30);
  pushExtensionBefore(decideAt);
  const rejected = outcome < 0.08;
  push(
    decideAt,
    act("leader", rejected ? { action: "reject", comment: random.pick(rejections) } : { action: "approve" }),
  );
  const returnDay = calendar.addWorkingDays(decisionDay, random.int(0, 2));
  const returnedAt = push(
    slot(returnDay, 8 * 60, 11 * 60),
    act("reception", { action: "return-result", deliveryMethod: input.deliveryMethod }),
  );
  if (random.chance(0.5)) {
    const scoreRoll = random.next();
    const score =
      scoreRoll < 0.03 ? 1 : scoreRoll < 0.08 ? 2 : scoreRoll < 0.2 ? 3 : scoreRoll < 0.55 ? 4 : 5;
    push(new Date(returnedAt.getTime() + random.int(30, 3 * 24 * 60) * MINUTE), {
      kind: "rate",
      score,
      ...(random.chance(0.3) ? { comment: random.pick(ratingComments) } : {}),
    });
  }
  return { steps };
}
