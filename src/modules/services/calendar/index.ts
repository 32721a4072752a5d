export {
  type ControlSlipInput,
  classifyProcessingSteps,
  type ProcessingStep,
  type StepResult,
} from "./control-slip.ts";
export { addDays, dayOfWeek, type IsoDate } from "./dates.ts";
export {
  type ClockOptions,
  type ClockPause,
  type ClockStatus,
  calculateDeadline,
  classifyCompletion,
  countWorkingDaysLeft,
  DEFAULT_CUT_OFF,
  type DossierClockInput,
  type DossierClockSummary,
  type DossierDeadline,
  findReceiptWorkingDate,
  summarizeDossierClock,
} from "./deadline.ts";
export {
  applyHolidayOverrides,
  generatePublicHolidays,
  type HolidayKind,
  type HolidayOverride,
  type HolidayRules,
  type LocalizedName,
  type NationalDayAdjacentDay,
  type PublicHoliday,
  type WorkingDayOverride,
  type YearDaysOff,
} from "./holidays.ts";
export { findLeapMonth, findLunarNewYear, fromLunarDate, type LunarDate, toLunarDate } from "./lunar.ts";
export { createWorkingCalendar, type WorkingCalendar, type WorkingCalendarOptions } from "./working-days.ts";
