import { expect, test } from "vitest";
import { z } from "zod";
import { ValidationError } from "./errors.ts";
import { parseInput } from "./validation.ts";

test("decomposed Vietnamese from the keyboard is stored composed (NFC)", () => {
  const decomposed = "Kế hoạch Đồng Tháp".normalize("NFD");
  expect(decomposed).not.toBe("Kế hoạch Đồng Tháp");
  const parsed = parseInput(z.object({ title: z.string(), tags: z.array(z.string()) }), {
    title: decomposed,
    tags: [decomposed],
  });
  expect(parsed.title).toBe("Kế hoạch Đồng Tháp");
  expect(parsed.tags[0]).toBe("Kế hoạch Đồng Tháp");
});

test("each field's first problem becomes one issue with a catalogue key and its parameters", () => {
  const schema = z.object({
    name: z.string().min(1, "validation.required").max(3, "validation.tooLong"),
    year: z.number(),
  });
  try {
    parseInput(schema, { name: "quá dài", year: "x" });
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { field: "name", messageKey: "validation.tooLong", params: { max: 3 } },
      { field: "year", messageKey: "validation.invalid" },
    ]);
  }
});
