import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DatabaseLockedError, openDatabase } from "./client.ts";

test.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "a second opener of the same embedded DATA_DIR gets a clear error instead of corrupting it",
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cong-tmdt-lock-"));
    const first = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by another process/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    expect(await again.ping()).toBe(true);
    await again.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
);
