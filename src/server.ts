import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { DatabaseLockedError } from "./db/client.ts";
import { prepareDatabase } from "./startup.ts";
import { startBackgroundWork } from "./workflows/background.ts";
import { demoAccounts, demoPassword } from "./workflows/demo-data.ts";

async function main() {
  const config = loadConfig();
  const { database } = await prepareDatabase(config, { withDemoData: !config.isProduction });
  const app = await buildApp({ config, database });
  const stopBackgroundWork = startBackgroundWork(database.db, app.log);

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, "shutting down");
    stopBackgroundWork();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, "unclean shutdown");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  const lines = [`Cổng TMĐT is running at ${config.publicUrl} (database: ${database.kind})`];
  if (!config.isProduction) {
    lines.push(`Demo accounts (password: ${demoPassword}):`);
    for (const account of demoAccounts()) {
      lines.push(
        `  ${config.publicUrl}/${account.province}/sign-in  ${account.email.padEnd(34)} ${account.roles.join(", ")}`,
      );
    }
  }
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
