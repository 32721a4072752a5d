import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import type { Executor } from "../db/client.ts";
import { ValidationError } from "./errors.ts";
import { uploadedFiles } from "./schema.ts";

/** What a form may accept. Types are decided from the bytes (magic numbers), never from the name. */
export const uploadKinds = {
  image: { types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 5 * 1024 * 1024 },
  document: {
    types: [
      "application/pdf",
      "image/jpeg",
      "image/png",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    maxBytes: 5 * 1024 * 1024,
  },
} as const;
export type UploadKind = keyof typeof uploadKinds;

export type IncomingFile = { filename: string; bytes: Buffer };
export type StoredFile = typeof uploadedFiles.$inferSelect;

const thumbnailWidth = 400;
const maxImagePixels = 40_000_000;

let storeRoot: string | null = null;

/** Where files live (DATA_DIR/files by default); set once at start-up. */
export function configureFileStore(root: string): void {
  storeRoot = root;
}

function rootDir(): string {
  if (!storeRoot) throw new Error("File store not configured");
  return storeRoot;
}

function extensionOf(contentType: string): string {
  const known: Record<string, string> = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  };
  return known[contentType] ?? "bin";
}

async function writeAtomically(key: string, bytes: Buffer): Promise<void> {
  const path = join(rootDir(), key);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

/**
 * Checks one upload against its kind and returns the detected type, or throws a ValidationError on `field`
 * naming the reason (too big, empty, a type the form does not accept, an image that cannot be decoded).
 */
export async function checkUpload(
  file: IncomingFile,
  kind: UploadKind,
  field: string,
): Promise<{ contentType: string; width: number | null; height: number | null }> {
  const rule = uploadKinds[kind];
  if (file.bytes.length === 0) throw new ValidationError([{ field, messageKey: "files.validation.empty" }]);
  if (file.bytes.length > rule.maxBytes) {
    throw new ValidationError([
      { field, messageKey: "files.validation.tooBig", params: { max: rule.maxBytes / 1024 / 1024 } },
    ]);
  }
  const detected = await fileTypeFromBuffer(file.bytes);
  const contentType = detected?.mime ?? "application/octet-stream";
  if (!(rule.types as readonly string[]).includes(contentType)) {
    throw new ValidationError([{ field, messageKey: `files.validation.type.${kind}` }]);
  }
  if (!contentType.startsWith("image/")) return { contentType, width: null, height: null };
  try {
    const meta = await sharp(file.bytes, { limitInputPixels: maxImagePixels }).metadata();
    return { contentType, width: meta.width ?? null, height: meta.height ?? null };
  } catch {
    throw new ValidationError([{ field, messageKey: "files.validation.unreadableImage" }]);
  }
}

/**
 * Stores a checked upload and records it. Images are re-encoded without their metadata (EXIF GPS…) and get a
 * WebP thumbnail {@link thumbnailWidth} px wide. The storage key is random: it is the file's public address.
 */
export async function storeUpload(
  db: Executor,
  {
    file,
    kind,
    field,
    provinceId,
    ownerUserId,
    visibility = "public",
  }: {
    file: IncomingFile;
    kind: UploadKind;
    field: string;
    provinceId: number | null;
    ownerUserId: number | null;
    /**
     * `private` files (dossier documents, signed results: personal data) are stored under `private/` and never
     * served by `/files/*`; their module serves them after its own authorisation check.
     */
    visibility?: "public" | "private";
  },
): Promise<StoredFile> {
  const checked = await checkUpload(file, kind, field);
  const now = new Date();
  const base = `${visibility === "private" ? "private/" : ""}${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomBytes(16).toString("hex")}`;
  let bytes = file.bytes;
  let thumbnailKey: string | null = null;
  if (checked.contentType.startsWith("image/")) {
    const image = sharp(file.bytes, { limitInputPixels: maxImagePixels }).rotate();
    bytes = await image.clone().toBuffer();
    thumbnailKey = `${base}.thumb.webp`;
    const thumbnail = await image
      .clone()
      .resize({ width: thumbnailWidth, withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer();
    await writeAtomically(thumbnailKey, thumbnail);
  }
  const storageKey = `${base}.${extensionOf(checked.contentType)}`;
  await writeAtomically(storageKey, bytes);
  const [row] = await db
    .insert(uploadedFiles)
    .values({
      provinceId,
      ownerUserId,
      storageKey,
      thumbnailKey,
      originalName: file.filename.slice(0, 200),
      contentType: checked.contentType,
      byteSize: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      width: checked.width,
      height: checked.height,
    })
    .returning();
  return row!;
}

/** The public address of a stored file (or of its thumbnail when there is one). */
export function fileUrl(
  file: Pick<StoredFile, "storageKey" | "thumbnailKey">,
  variant: "full" | "thumbnail" = "full",
): string {
  const key = variant === "thumbnail" && file.thumbnailKey ? file.thumbnailKey : file.storageKey;
  return `/files/${key}`;
}

export async function findStoredFile(db: Executor, id: number): Promise<StoredFile | null> {
  const [row] = await db.select().from(uploadedFiles).where(eq(uploadedFiles.id, id));
  return row ?? null;
}

/** Reads a stored object by key; null when the key is not a well-formed key or the file is missing. */
export async function readStoredObject(key: string): Promise<Buffer | null> {
  if (!/^(private\/)?\d{4}\/\d{2}\/[0-9a-f]{32}(\.thumb)?\.(jpg|png|webp|pdf|docx|xlsx)$/.test(key))
    return null;
  try {
    return await readFile(join(rootDir(), key));
  } catch {
    return null;
  }
}
