import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one worker on a 2-core machine (cores − 1); the test files spend most of their time in
    // their own in-process database, so two workers use both cores.
    maxWorkers: 2,
  },
});
