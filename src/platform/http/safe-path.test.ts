import { expect, test } from "vitest";
import { toSameSitePath } from "./safe-path.ts";

test.each(["/ba-ria-vung-tau/plans/1", "/", "/dong-thap/plans?page=2#budget"])(
  "keeps the same-site path %s",
  (path) => {
    expect(toSameSitePath(path)).toBe(path);
  },
);

test.each([
  ["another site", "//evil.example"],
  ["a backslash browsers read as a slash", "/\\evil.example"],
  ["a tab browsers strip", "/\t/evil.example"],
  ["a newline", "/x\n/evil"],
  ["an absolute URL", "https://evil.example/"],
  ["a relative path", "evil"],
  ["not a string", 42],
])("refuses %s", (_name, value) => {
  expect(toSameSitePath(value)).toBeUndefined();
});
