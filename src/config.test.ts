import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const created: string[] = [];
const dataDir = () => {
  const directory = mkdtempSync(join(tmpdir(), "cong-tmdt-config-"));
  created.push(directory);
  return directory;
};
afterAll(() => {
  for (const directory of created) rmSync(directory, { recursive: true, force: true });
});

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

test("payments: without VNPay settings the simulator is the gateway, with its own stable secret", () => {
  const directory = dataDir();
  const config = loadConfig({ DATA_DIR: directory, PUBLIC_URL: "https://tmdt.example.vn" });
  expect(config.payments.gateway).toBe("simulator");
  expect(config.payments.vnpay?.paymentUrl).toBe("https://tmdt.example.vn/payment-simulator/pay");
  expect(config.payments.vnpay?.tmnCode).toMatch(/^[A-Za-z0-9]{8}$/);
  expect(config.payments.vnpay?.hashSecret).not.toBe(config.sessionSecret);
  expect(loadConfig({ DATA_DIR: directory }).payments.vnpay?.hashSecret).toBe(
    config.payments.vnpay?.hashSecret,
  );
  expect(config.payments.vietQr?.isDemo).toBe(true);
});

test("payments: VNPay settings select the real gateway (sandbox page unless VNPAY_PAYMENT_URL)", () => {
  const config = loadConfig({
    DATA_DIR: dataDir(),
    VNPAY_TMN_CODE: "DEMOV210",
    VNPAY_HASH_SECRET: "TESTSECRETTESTSECRETTESTSECRET00",
  });
  expect(config.payments).toMatchObject({
    gateway: "vnpay",
    vnpay: {
      tmnCode: "DEMOV210",
      hashSecret: "TESTSECRETTESTSECRETTESTSECRET00",
      paymentUrl: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
    },
  });
});

test("payments: production without VNPay has no gateway (never the simulator) and no demo bank account", () => {
  const config = loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production" });
  expect(config.payments.gateway).toBe("none");
  expect(config.payments.vnpay).toBeUndefined();
  expect(config.payments.vietQr).toBeUndefined();
  const withAccount = loadConfig({
    DATA_DIR: dataDir(),
    NODE_ENV: "production",
    VIETQR_BANK_BIN: "970415",
    VIETQR_ACCOUNT_NUMBER: "113000012345",
    VIETQR_ACCOUNT_NAME: "SO CONG THUONG TINH DONG THAP",
  });
  expect(withAccount.payments.vietQr).toEqual({
    bankBin: "970415",
    accountNumber: "113000012345",
    accountName: "SO CONG THUONG TINH DONG THAP",
    isDemo: false,
  });
});

test("payments: half a VNPay terminal, a bad terminal code or half a bank account is refused", () => {
  expect(() => loadConfig({ DATA_DIR: dataDir(), VNPAY_TMN_CODE: "DEMOV210" })).toThrow(/VNPAY_HASH_SECRET/);
  expect(() =>
    loadConfig({ DATA_DIR: dataDir(), VNPAY_TMN_CODE: "DEMO", VNPAY_HASH_SECRET: "x".repeat(32) }),
  ).toThrow(/VNPAY_TMN_CODE/);
  expect(() => loadConfig({ DATA_DIR: dataDir(), VIETQR_BANK_BIN: "970415" })).toThrow(
    /VIETQR_ACCOUNT_NUMBER/,
  );
  expect(() => loadConfig({ DATA_DIR: dataDir(), VIETQR_BANK_BIN: "97041" })).toThrow(ConfigError);
});
