import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/** Every setting the platform reads from the environment, validated once at start. */
const EnvironmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PUBLIC_URL: z.url().optional(),
  /** Proxies in front of the app whose X-Forwarded-For is believed: a hop count, addresses/CIDRs, or "true". */
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Cổng TMĐT <no-reply@localhost>"),
  /** VNPay terminal (vnp_TmnCode, 8 letters or digits) and its HMAC-SHA512 key, both issued by VNPay. */
  VNPAY_TMN_CODE: z
    .string()
    .regex(/^[A-Za-z0-9]{8}$/, "must be the 8-character terminal code VNPay issued")
    .optional(),
  VNPAY_HASH_SECRET: z
    .string()
    .min(16, "must be the secret VNPay issued (at least 16 characters)")
    .optional(),
  /** VNPay's payment page; defaults to VNPay's sandbox. */
  VNPAY_PAYMENT_URL: z.url().optional(),
  /** The Department's bank account for VietQR transfers: the bank's 6-digit BIN, the account, its holder. */
  VIETQR_BANK_BIN: z
    .string()
    .regex(/^\d{6}$/, "must be the bank's 6-digit BIN")
    .optional(),
  VIETQR_ACCOUNT_NUMBER: z
    .string()
    .regex(/^[A-Za-z0-9]{1,19}$/, "must be 1–19 letters or digits")
    .optional(),
  VIETQR_ACCOUNT_NAME: z.string().max(100).optional(),
});

export type Config = {
  environment: "development" | "production" | "test";
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  publicUrl: string;
  logLevel: string;
  /** Fastify's trustProxy: false (default) uses the socket address, so X-Forwarded-For cannot be forged. */
  trustProxy: boolean | number | string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  payments: PaymentSettings;
};

/** A VNPay 2.1.0 terminal: the real gateway's or the built-in simulator's (same protocol, its own secret). */
export type GatewaySettings = { tmnCode: string; hashSecret: string; paymentUrl: string };

export type PaymentSettings = {
  /**
   * `vnpay`: VNPAY_TMN_CODE and VNPAY_HASH_SECRET are set. `simulator`: they are not, outside production.
   * `none`: they are not, in production — fees are never marked paid by a simulator in a live installation.
   */
  gateway: "vnpay" | "simulator" | "none";
  vnpay: GatewaySettings | undefined;
  /** The Department's account for VietQR transfers; without VIETQR_* only the development demo account. */
  vietQr: { bankBin: string; accountNumber: string; accountName: string; isDemo: boolean } | undefined;
};

const VNPAY_SANDBOX_URL = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html";
/** The simulator's terminal code; any 8 characters do, as long as both ends agree. */
export const SIMULATOR_TMN_CODE = "TMDTSIMU";
/** Path of the simulator's payment page (payments/simulator.ts behind `services/pay`). */
export const SIMULATOR_PATH = "/payment-simulator/pay";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the environment; throws a ConfigError that names every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ""));
  const parsed = EnvironmentSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const values = parsed.data;
  const hasTerminal = values.VNPAY_TMN_CODE !== undefined;
  if (hasTerminal !== (values.VNPAY_HASH_SECRET !== undefined)) {
    throw new ConfigError(
      "Invalid configuration:\n  VNPAY_TMN_CODE, VNPAY_HASH_SECRET: set both (VNPay issues them together) or neither",
    );
  }
  const vietQrParts = [values.VIETQR_BANK_BIN, values.VIETQR_ACCOUNT_NUMBER, values.VIETQR_ACCOUNT_NAME];
  if (vietQrParts.some((part) => part !== undefined) && vietQrParts.some((part) => part === undefined)) {
    throw new ConfigError(
      "Invalid configuration:\n  VIETQR_BANK_BIN, VIETQR_ACCOUNT_NUMBER, VIETQR_ACCOUNT_NAME: set all three or none",
    );
  }
  const dataDir = resolve(values.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const sessionSecret = values.SESSION_SECRET ?? readOrCreateSessionSecret(dataDir);
  const publicUrl = (values.PUBLIC_URL ?? `http://${displayHost(values.HOST)}:${values.PORT}`).replace(
    /\/$/,
    "",
  );
  return {
    environment: values.NODE_ENV,
    isProduction: values.NODE_ENV === "production",
    port: values.PORT,
    host: values.HOST,
    dataDir,
    databaseUrl: values.DATABASE_URL,
    sessionSecret,
    publicUrl,
    logLevel: values.LOG_LEVEL,
    trustProxy: parseTrustProxy(values.TRUST_PROXY),
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    payments: paymentSettings(values, { sessionSecret, publicUrl }),
  };
}

function paymentSettings(
  values: z.output<typeof EnvironmentSchema>,
  derived: { sessionSecret: string; publicUrl: string },
): PaymentSettings {
  const isProduction = values.NODE_ENV === "production";
  const vietQr =
    values.VIETQR_BANK_BIN && values.VIETQR_ACCOUNT_NUMBER && values.VIETQR_ACCOUNT_NAME
      ? {
          bankBin: values.VIETQR_BANK_BIN,
          accountNumber: values.VIETQR_ACCOUNT_NUMBER,
          accountName: values.VIETQR_ACCOUNT_NAME,
          isDemo: false,
        }
      : isProduction
        ? undefined
        : // A demonstration account so the QR shows in development; the page marks it "do not transfer".
          {
            bankBin: "970415",
            accountNumber: "0000000000",
            accountName: "SO CONG THUONG (DEMO)",
            isDemo: true,
          };
  if (values.VNPAY_TMN_CODE && values.VNPAY_HASH_SECRET) {
    return {
      gateway: "vnpay",
      vnpay: {
        tmnCode: values.VNPAY_TMN_CODE,
        hashSecret: values.VNPAY_HASH_SECRET,
        paymentUrl: values.VNPAY_PAYMENT_URL ?? VNPAY_SANDBOX_URL,
      },
      vietQr,
    };
  }
  if (isProduction) return { gateway: "none", vnpay: undefined, vietQr };
  // The simulator's key is derived from the session secret: stable across restarts and across the web
  // processes of one installation, different in every installation, never configured by hand.
  const hashSecret = createHmac("sha512", derived.sessionSecret).update("vnpay-simulator").digest("hex");
  return {
    gateway: "simulator",
    vnpay: { tmnCode: SIMULATOR_TMN_CODE, hashSecret, paymentUrl: `${derived.publicUrl}${SIMULATOR_PATH}` },
    vietQr,
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (!value || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function displayHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "localhost" : host;
}

/** Without SESSION_SECRET, a secret is generated once and kept in DATA_DIR so sessions survive restarts. */
function readOrCreateSessionSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
