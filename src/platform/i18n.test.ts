import { expect, test } from "vitest";
import { createTranslator } from "./i18n.ts";

test("placeholders are filled from params, a missing one stays visible, and the same message fills anew each time", () => {
  const t = createTranslator("vi");
  expect(t("pagination.pageOf", { page: 2, pageCount: 399 })).toBe("Trang 2/399");
  expect(t("pagination.pageOf", { page: 3, pageCount: 4 })).toBe("Trang 3/4");
  expect(t("pagination.pageOf", { page: 3 })).toBe("Trang 3/{pageCount}");
  expect(t("pagination.pageOf", { page: 3, pageCount: null })).toBe("Trang 3/{pageCount}");
  expect(createTranslator("en")("pagination.pageOf", { page: 1, pageCount: 2 })).toBe("Page 1 of 2");
});

test("a parameter that is a catalogue key is translated; an unknown key prints itself, filled", () => {
  const t = createTranslator("en");
  expect(t("catalogue.myStorefront.reason", { reason: "error.forbidden" })).toBe(
    `${t("catalogue.myStorefront.reason", { reason: "" })}Your account is not allowed to do this.`,
  );
  expect(t("no.such.key")).toBe("no.such.key");
  expect(t("no {such} key", { such: "x" })).toBe("no x key");
});
