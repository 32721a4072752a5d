import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { loadConfig } from "./config.ts";
import { backupDatabase, restoreDatabase } from "./db/backup.ts";
import { findProvinceBySlug, hostProvince, importCommunes } from "./modules/geo/index.ts";
import { insertUser, type Role, roles } from "./modules/identity/index.ts";
import { hashPassword } from "./modules/identity/password.ts";
import { findUserByEmail } from "./modules/identity/queries.ts";
import { users } from "./modules/identity/schema.ts";
import {
  configureMarketplaceLinks,
  sendTradeDigests,
  sendYesterdaysDigests,
} from "./modules/marketplace/index.ts";
import { queueDeadlineRecompute, runDeadlineRecompute } from "./modules/services/dossiers/index.ts";
import { recordAudit } from "./platform/audit.ts";
import { prepareDatabase } from "./startup.ts";
import { loadDemoData, loadDemoDossiersOnce } from "./workflows/demo-data.ts";

const usage = `Usage: npm run cli -- <command> [options]

  migrate                          apply migrations and load reference provinces
  seed                             load the demo data (not in production)
  host-province --province <slug>  open a portal for a province
  create-user --province <slug> --email <e-mail> --name <full name> --role <role> [--role …] --password <password>
                                   roles: ${roles.join(", ")}; --province is omitted for an operator
  reset-password --province <slug> --email <e-mail> --password <password>
  import-communes --province <slug> --file <communes.csv>   (or a file with a "tinh" column and no --province)
  digest [--date yyyy-mm-dd]       queue the trade-opportunities digest of a day (default: yesterday, Vietnam time)
  recompute-deadlines --province <slug> [--from yyyy-mm-dd]
                                   recompute the due dates of open dossiers from the holiday table (all of them,
                                   or those due on or after --from): queued as a run and worked through here
  backup --file <path>             back up the database (embedded: stop the server first)
  restore --file <path>            restore a backup (embedded: stop the server first)`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      province: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", multiple: true },
      password: { type: "string" },
      file: { type: "string" },
      date: { type: "string" },
      from: { type: "string" },
    },
  });
  const config = loadConfig();
  const need = (name: keyof typeof values): string => {
    const value = values[name];
    if (typeof value !== "string" || !value) throw new Error(`--${name} is required\n\n${usage}`);
    return value;
  };

  if (command === "backup")
    return backupDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file: need("file") });
  if (command === "restore")
    return restoreDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file: need("file") });
  if (
    !command ||
    ![
      "migrate",
      "seed",
      "host-province",
      "create-user",
      "reset-password",
      "import-communes",
      "digest",
      "recompute-deadlines",
    ].includes(command)
  ) {
    console.log(usage);
    process.exitCode = command ? 2 : 0;
    return;
  }

  const { database } = await prepareDatabase(config, { withDemoData: false });
  try {
    const db = database.db;
    switch (command) {
      case "migrate":
        console.log("Migrations applied; reference provinces loaded.");
        break;
      case "seed": {
        if (config.isProduction) throw new Error("Demo data is never loaded with NODE_ENV=production.");
        const { loaded } = await loadDemoData(db);
        await loadDemoDossiersOnce(db);
        console.log(loaded ? "Demo data loaded." : "Demo data was already loaded; nothing changed.");
        break;
      }
      case "digest": {
        configureMarketplaceLinks(config);
        const { sent } = values.date
          ? await sendTradeDigests(db, { date: values.date })
          : await sendYesterdaysDigests(db);
        console.log(`Trade digests queued: ${sent}.`);
        break;
      }
      case "recompute-deadlines": {
        const province = await findProvinceBySlug(db, need("province"));
        if (!province?.isHosted) throw new Error(`Province ${values.province} is not hosted.`);
        const runId = await db.transaction((tx) =>
          queueDeadlineRecompute(tx, {
            provinceId: province.id,
            from: values.from ?? null,
            trigger: "cli",
            userId: null,
          }),
        );
        console.log(`Recomputation run ${runId} queued.`);
        const result = await runDeadlineRecompute(db, runId, {
          onProgress: (run) =>
            console.log(`Examined ${run.examined} / ${run.total ?? "?"}; moved ${run.changed}.`),
        });
        if (result.status !== "done") {
          // A failed attempt (the server's worker retries it), or another run of the province is going.
          console.log(
            result.error
              ? `Run ${runId} is ${result.status} after ${result.attempts} attempt(s): ${result.error}`
              : `Run ${runId} is ${result.status}; the server's worker continues it.`,
          );
          process.exitCode = result.error ? 1 : 0;
          break;
        }
        console.log(`Open dossiers examined: ${result.examined}; due date moved: ${result.changed}.`);
        break;
      }
      case "host-province": {
        await hostProvince(db, { slug: need("province"), actorUserId: null });
        console.log(`Province ${values.province} is hosted.`);
        break;
      }
      case "create-user": {
        const selected = (values.role ?? []) as Role[];
        const unknown = selected.filter((role) => !roles.includes(role));
        if (selected.length === 0 || unknown.length)
          throw new Error(`--role must be one or more of: ${roles.join(", ")}`);
        const isOperator = selected.includes("operator");
        const province = isOperator ? undefined : await findProvinceBySlug(db, need("province"));
        if (!isOperator && !province?.isHosted)
          throw new Error(`Province ${values.province} is not hosted (host it first).`);
        const password = need("password");
        if (password.length < 10) throw new Error("The password must have at least 10 characters.");
        const userId = await db.transaction(async (tx) => {
          const id = await insertUser(tx, {
            provinceId: province?.id ?? null,
            email: need("email"),
            fullName: need("name"),
            phone: null,
            password,
            unitId: null,
            roles: selected,
          });
          await recordAudit(tx, {
            provinceId: province?.id ?? null,
            actorUserId: null,
            action: "user.create",
            entityType: "user",
            entityId: id,
            after: { email: values.email, roles: selected, via: "cli" },
          });
          return id;
        });
        console.log(`User ${values.email} created (id ${userId}).`);
        break;
      }
      case "reset-password": {
        const province = await findProvinceBySlug(db, need("province"));
        const user = province ? await findUserByEmail(db, province.id, need("email")) : undefined;
        if (!user) throw new Error(`No account ${values.email} in ${values.province}.`);
        const password = need("password");
        if (password.length < 10) throw new Error("The password must have at least 10 characters.");
        const passwordHash = await hashPassword(password);
        await db.transaction(async (tx) => {
          await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
          await recordAudit(tx, {
            provinceId: user.provinceId,
            actorUserId: null,
            action: "user.resetPassword",
            entityType: "user",
            entityId: user.id,
            after: { via: "cli" },
          });
        });
        console.log(`Password of ${values.email} reset.`);
        break;
      }
      case "import-communes": {
        const result = await importCommunes(db, {
          provinceSlug: values.province,
          csv: readFileSync(need("file"), "utf8"),
          actorUserId: null,
        });
        console.log(
          `Communes: ${result.inserted} added, ${result.updated} updated, ${result.unchanged} unchanged.`,
        );
        break;
      }
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const issues = (error as { issues?: { field: string; messageKey: string; params?: object }[] }).issues;
  console.error(
    issues
      ? issues
          .map((issue) => `${issue.field}: ${issue.messageKey} ${JSON.stringify(issue.params ?? {})}`)
          .join("\n")
      : error instanceof Error
        ? error.message
        : error,
  );
  process.exit(1);
});
