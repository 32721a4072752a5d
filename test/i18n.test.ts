import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { messageKeys } from "../src/platform/i18n.ts";

test("every Vietnamese message key exists in English and vice versa", () => {
  const vi = new Set(messageKeys("vi"));
  const en = new Set(messageKeys("en"));
  expect(vi.size).toBeGreaterThan(100);
  expect([...vi].filter((key) => !en.has(key))).toEqual([]);
  expect([...en].filter((key) => !vi.has(key))).toEqual([]);
});

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

test('every literal t("…") key used in src exists in the Vietnamese catalogue', () => {
  const vi = new Set(messageKeys("vi"));
  const used = new Map<string, string>();
  for (const file of sourceFiles(new URL("../src", import.meta.url).pathname)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\bt\(\s*["']([a-zA-Z][\w.-]*\.[\w.-]+)["']/g))
      used.set(match[1]!, file);
  }
  expect(used.size).toBeGreaterThan(50);
  expect([...used].filter(([key]) => !vi.has(key)).map(([key, file]) => `${key} (${file})`)).toEqual([]);
});
