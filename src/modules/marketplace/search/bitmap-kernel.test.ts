import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import wabtInit from "wabt";
import { kernel, kernelBytes, kernelWords, slot, slotView } from "./bitmap-kernel.ts";
import { bitCount } from "./floor-index.ts";

const words = 256;

/** Deterministic chunks (a xorshift generator), with runs of empty words as real bitmaps have. */
function chunks(seed: number, count: number): Int32Array[] {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state | 0;
  };
  return Array.from({ length: count }, () => {
    const chunk = new Int32Array(words);
    for (let index = 0; index < words; index += 1) chunk[index] = (next() & 3) === 0 ? 0 : next() & next();
    return chunk;
  });
}

const put = (chunk: Int32Array, at: number) => {
  kernelWords.set(chunk, at / 4);
  return at;
};

describe("the bitmap kernel (WebAssembly)", () => {
  test("its bytes are the compilation of bitmap-kernel.wat", async () => {
    const wabt = await wabtInit();
    const source = readFileSync(new URL("./bitmap-kernel.wat", import.meta.url), "utf8");
    const module = wabt.parseWat("bitmap-kernel.wat", source);
    module.validate();
    const compiled = Buffer.from(module.toBinary({}).buffer);
    module.destroy();
    // On a change of the .wat, paste this into bitmap-kernel.ts.
    expect(kernelBytes.toString("base64"), compiled.toString("base64")).toBe(compiled.toString("base64"));
  });

  test("andAndNot, andInto and andNotInto agree with the same operations on 32-bit words", () => {
    const [a, b, x, c] = chunks(7, 4) as [Int32Array, Int32Array, Int32Array, Int32Array];
    kernel.andAndNot(put(a, slot.first), put(b, slot.second), put(x, slot.excluded), slot.words);
    const expected = a.map((word, index) => word & b[index]! & ~x[index]!);
    expect([...slotView(slot.words)]).toEqual([...expected]);
    const left = kernel.andInto(put(c, slot.other), slot.words);
    const anded = expected.map((word, index) => word & c[index]!);
    expect([...slotView(slot.words)]).toEqual([...anded]);
    expect(left).toBe(anded.reduce((sum, word) => sum + bitCount(word), 0));
    expect(left).toBeGreaterThan(0);
    kernel.andNotInto(put(a, slot.other), slot.words);
    expect([...slotView(slot.words)]).toEqual([...anded.map((word, index) => word & ~a[index]!)]);
    // The fixed slots: nothing absent, everything for a missing second set.
    kernel.andAndNot(put(a, slot.first), slot.ones, slot.zeros, slot.words);
    expect([...slotView(slot.words)]).toEqual([...a]);
    expect(kernel.andInto(slot.ones, slot.words)).toBe(a.reduce((sum, word) => sum + bitCount(word), 0));
    expect(kernel.andInto(slot.zeros, slot.words)).toBe(0);
  });

  test("countAndKeep counts matches, offers and enterprises and keeps each type's matches", () => {
    const [w, o, e] = chunks(11, 3) as [Int32Array, Int32Array, Int32Array];
    // Offers and enterprises are disjoint, as document types are.
    for (let index = 0; index < words; index += 1) e[index] = e[index]! & ~o[index]!;
    const count = (chunk: Int32Array) => chunk.reduce((sum, word) => sum + bitCount(word), 0);
    const types = {
      all: [-1, -1, -1],
      offer: [-1, 0, 0],
      enterprise: [0, -1, 0],
      product: [0, 0, -1],
    } as const;
    const expectedKept = {
      all: w,
      offer: w.map((word, index) => word & o[index]!),
      enterprise: w.map((word, index) => word & e[index]!),
      product: w.map((word, index) => word & ~(o[index]! | e[index]!)),
    };
    for (const [type, [ko, ke, kp]] of Object.entries(types) as [keyof typeof types, readonly number[]][]) {
      const found = kernel.countAndKeep(
        put(w, slot.words),
        put(o, slot.offers),
        put(e, slot.enterprises),
        slot.kept,
        ko!,
        ke!,
        kp!,
      );
      expect(found).toBe(count(w));
      expect(kernel.offers.value).toBe(count(w.map((word, index) => word & o[index]!)));
      expect(kernel.enterprises.value).toBe(count(w.map((word, index) => word & e[index]!)));
      expect([...slotView(slot.kept)], type).toEqual([...expectedKept[type]]);
      expect(kernel.kept.value).toBe(expectedKept[type].some((word) => word !== 0) ? 1 : 0);
    }
    // Whole words of ones: 64-bit counts, no sign trouble.
    const full = new Int32Array(words).fill(-1);
    expect(kernel.countAndKeep(put(full, slot.words), slot.zeros, slot.zeros, slot.kept, -1, -1, -1)).toBe(
      words * 32,
    );
  });
});
