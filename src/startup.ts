import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { loadDemoData, loadDemoDossiersOnce } from "./workflows/demo-data.ts";
import { loadReferenceData } from "./workflows/reference-data.ts";

/**
 * Opens the database and brings it up to date: migrations, reference provinces, and (outside production)
 * the demo data, once. Shared by the server and the CLI.
 */
export async function prepareDatabase(
  config: Config,
  options: { withDemoData: boolean },
): Promise<{ database: DatabaseHandle; demoLoaded: boolean }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    await loadReferenceData(database.db);
    const demoLoaded = options.withDemoData ? (await loadDemoData(database.db)).loaded : false;
    if (options.withDemoData) await loadDemoDossiersOnce(database.db);
    return { database, demoLoaded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
