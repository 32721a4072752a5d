import { defineConfig } from "vitest/config";

/** End-to-end journeys: a real server process driven by a real browser (chromium via playwright-core). */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
