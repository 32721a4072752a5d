/**
 * The AND/count kernel of the search's bitmaps in WebAssembly (source: bitmap-kernel.wat, compiled by wabt;
 * bitmap-kernel.test.ts checks these bytes are that source's). JavaScript has no popcount and works 32 bits at a
 * time; the kernel reads 64-bit words and counts with `i64.popcnt`. Chunks (256 words, 1,024 bytes) are copied
 * into fixed slots of its one page of memory, which never grows, so the views below stay valid.
 */
export const kernelBytes = Buffer.from(
  "AGFzbQEAAAABHgRgBH9/f38AYAJ/fwF/YAJ/fwBgB39/f39/f38BfwMFBAABAgMFAwEAAQYQA38BQQALfwFBAAt/AUEACwdaCAZtZW1vcnkCAAZvZmZlcnMDAAtlbnRlcnByaXNlcwMBBGtlcHQDAglhbmRBbmROb3QAAAdhbmRJbnRvAAEKYW5kTm90SW50bwACDGNvdW50QW5kS2VlcAADCtcCBDsBAX8DQCADIARqIAAgBGopAwAgASAEaikDAIMgAiAEaikDAEJ/hYM3AwAgBEEIaiEEIARBgAhJDQALC0ACAX8CfgNAIAEgAmopAwAgACACaikDAIMhBCABIAJqIAQ3AwAgAyAEe3whAyACQQhqIQIgAkGACEkNAAsgA6cLMgEBfwNAIAEgAmogASACaikDACAAIAJqKQMAQn+FgzcDACACQQhqIQIgAkGACEkNAAsLpAECAX8LfiAErCEQIAWsIREgBqwhEgNAIAAgB2opAwAhDCABIAdqKQMAIQ0gAiAHaikDACEOIAggDHt8IQggCSAMIA2De3whCSAKIAwgDoN7fCEKIAwgDSAQgyAOIBGDhCANIA6EQn+FIBKDhIMhDyADIAdqIA83AwAgCyAPhCELIAdBCGohByAHQYAISQ0ACyALQgBSJAIgCackACAKpyQBIAinCw==",
  "base64",
);

type KernelExports = {
  memory: WebAssembly.Memory;
  offers: WebAssembly.Global;
  enterprises: WebAssembly.Global;
  kept: WebAssembly.Global;
  andAndNot(a: number, b: number, x: number, out: number): void;
  andInto(a: number, out: number): number;
  andNotInto(a: number, out: number): void;
  countAndKeep(w: number, o: number, e: number, out: number, ko: number, ke: number, kp: number): number;
};

const chunkBytes = 1024;
/** Byte offsets of the slots. */
export const slot = {
  first: 0,
  second: chunkBytes,
  excluded: 2 * chunkBytes,
  words: 3 * chunkBytes,
  offers: 4 * chunkBytes,
  enterprises: 5 * chunkBytes,
  kept: 6 * chunkBytes,
  other: 7 * chunkBytes,
  titles: 8 * chunkBytes,
  /** Never written: an absent chunk. */
  zeros: 9 * chunkBytes,
  /** Every bit set: the second set of a search with one. */
  ones: 10 * chunkBytes,
} as const;

export const kernel = new WebAssembly.Instance(new WebAssembly.Module(kernelBytes)).exports as KernelExports;
/** The kernel's memory as words; slot `s` starts at word `s / 4`. */
export const kernelWords = new Int32Array(kernel.memory.buffer);
kernelWords.fill(-1, slot.ones / 4, slot.ones / 4 + chunkBytes / 4);

/** The words of slot `at` (a view: valid until the next write to the slot). */
export const slotView = (at: number) => kernelWords.subarray(at / 4, at / 4 + chunkBytes / 4);

/** The slots JavaScript reads or writes in place: the matches, the kept matches, the title matches. */
export const slotViews = {
  words: slotView(slot.words),
  kept: slotView(slot.kept),
  titles: slotView(slot.titles),
};

/** Copies a chunk into the slot at byte offset `slotAt`; returns the offset (for the kernel's arguments). */
export function at(words: Int32Array, slotAt: number): number {
  kernelWords.set(words, slotAt / 4);
  return slotAt;
}
