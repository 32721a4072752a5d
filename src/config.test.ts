import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const dataDir = () => mkdtempSync(join(tmpdir(), "cong-tmdt-config-"));

test("defaults: port 3000, embedded database, a session secret generated once and kept in DATA_DIR", () => {
  const directory = dataDir();
  const first = loadConfig({ DATA_DIR: directory });
  expect(first.port).toBe(3000);
  expect(first.databaseUrl).toBeUndefined();
  expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
  expect(loadConfig({ DATA_DIR: directory }).sessionSecret).toBe(first.sessionSecret);
  expect(first.publicUrl).toBe("http://127.0.0.1:3000");
});

test("every invalid variable is named in one clear error", () => {
  const load = () =>
    loadConfig({ DATA_DIR: dataDir(), PORT: "70000", DATABASE_URL: "mysql://x", SESSION_SECRET: "short" });
  expect(load).toThrow(ConfigError);
  try {
    load();
  } catch (error) {
    const message = (error as Error).message;
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("SESSION_SECRET");
  }
});

test("production is recognised and PUBLIC_URL loses its trailing slash", () => {
  const config = loadConfig({
    DATA_DIR: dataDir(),
    NODE_ENV: "production",
    PUBLIC_URL: "https://tmdt.example.vn/",
  });
  expect(config.isProduction).toBe(true);
  expect(config.publicUrl).toBe("https://tmdt.example.vn");
});
