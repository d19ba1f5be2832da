// Where attachment bytes live. Local directory under DATA_DIR/uploads by default; keys are made by the server
// (random, never from a file name), so no upload can choose where it lands.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "~/db/adapter.server";
import { db } from "~/db.server";

export interface FileStore {
  put(bytes: Uint8Array): Promise<{ key: string; sha256: string }>;
  /** Takes over a received file (see receiveFile), which is gone from its temporary place afterwards. */
  adopt(file: ReceivedFile): Promise<{ key: string; sha256: string }>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

/**
 * An upload streamed to a temporary file under DATA_DIR/uploads (`<shard>/<random>.tmp`, which the sweep below
 * removes if nobody adopts or discards it), hashed on the way. `path` is null when the file went over the limit:
 * it was then read to its end and counted, but not kept.
 */
export type ReceivedFile = { path: string | null; size: number; sha256: string };

function uploadsRoot() {
  return path.join(dataDir(), "uploads");
}

const WRITE_BATCH_BYTES = 1024 * 1024;

/** Streams `data` to a temporary file, keeping at most `maxBytes` (beyond that only counting). */
export async function receiveFile(data: AsyncIterable<Uint8Array>, maxBytes: number): Promise<ReceivedFile> {
  const key = crypto.randomBytes(20).toString("hex");
  const file = path.join(uploadsRoot(), key.slice(0, 2), `${key}.tmp`);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.promises.open(file, "wx");
  const hash = crypto.createHash("sha256");
  let size = 0;
  let kept = true;
  // Chunks arrive as the network gives them (often 16-64 KB): written in batches of about WRITE_BATCH_BYTES, a 5 MB
  // file takes a handful of writes instead of hundreds, each of which would wait its turn in libuv's thread pool.
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length) await handle.writev(batch);
    batch = [];
    batchBytes = 0;
  };
  try {
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (!kept) continue;
      if (size > maxBytes) {
        kept = false;
        batch = [];
        await handle.close();
        await fs.promises.rm(file, { force: true });
        continue;
      }
      hash.update(chunk);
      batch.push(chunk);
      batchBytes += chunk.byteLength;
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    }
    if (kept) await flush();
  } catch (error) {
    await discardReceived({ path: file, size, sha256: "" });
    throw error;
  } finally {
    if (kept) await handle.close().catch(() => undefined);
  }
  return { path: kept ? file : null, size, sha256: kept ? hash.digest("hex") : "" };
}

/** A received file's bytes (it is never larger than the limit it was received with). */
export function readReceived(file: ReceivedFile): Promise<Buffer> {
  if (!file.path) throw new Error("Dit bestand is niet bewaard.");
  return fs.promises.readFile(file.path);
}

/** The first `bytes` bytes of a received file, without reading the rest. */
export async function readReceivedHead(file: ReceivedFile, bytes: number): Promise<Uint8Array> {
  if (!file.path) return new Uint8Array(0);
  const handle = await fs.promises.open(file.path, "r");
  try {
    const head = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(head, 0, bytes, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Removes a received file nobody adopted; harmless when it is already gone. */
export async function discardReceived(file: ReceivedFile) {
  if (file.path) await fs.promises.rm(file.path, { force: true });
}

class LocalStore implements FileStore {
  constructor(private readonly root: string) {}

  private file(key: string) {
    if (!/^[a-f0-9]{40}$/.test(key)) throw new Error("Ongeldige opslagsleutel.");
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Uint8Array) {
    const key = crypto.randomBytes(20).toString("hex");
    const file = this.file(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(`${file}.tmp`, bytes);
    await fs.promises.rename(`${file}.tmp`, file);
    return { key, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
  }

  async adopt(received: ReceivedFile) {
    if (!received.path) throw new Error("Dit bestand is niet bewaard.");
    const key = crypto.randomBytes(20).toString("hex");
    const file = this.file(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.rename(received.path, file);
    return { key, sha256: received.sha256 };
  }

  read(key: string) {
    return fs.promises.readFile(this.file(key));
  }

  async remove(key: string) {
    await fs.promises.rm(this.file(key), { force: true });
  }
}

let store: FileStore | undefined;

export function fileStore(): FileStore {
  store ??= new LocalStore(uploadsRoot());
  return store;
}

/**
 * Removes stored files that no attachment refers to (as original or as clean copy) nor a consent paper and that are older than
 * `minAgeMs`: what a crash between writing the bytes and committing the row leaves behind (and `.tmp` files of
 * interrupted writes and uploads). The age margin keeps files another instance is about to commit. Runs at start;
 * returns how many files went.
 */
export async function sweepOrphanFiles(minAgeMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
  const root = uploadsRoot();
  const shards = await fs.promises.readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const shard of shards.filter((name) => /^[a-f0-9]{2}$/.test(name))) {
    const dir = path.join(root, shard);
    const names = await fs.promises.readdir(dir);
    for (let i = 0; i < names.length; i += 500) {
      const old: string[] = [];
      for (const name of names.slice(i, i + 500)) {
        const stat = await fs.promises.stat(path.join(dir, name)).catch(() => null);
        if (stat?.isFile() && now - stat.mtimeMs > minAgeMs) old.push(name);
      }
      const keys = old.filter((name) => /^[a-f0-9]{40}$/.test(name));
      const rows = await db.attachment.findMany({
        where: { OR: [{ storageKey: { in: keys } }, { cleanStorageKey: { in: keys } }] },
        select: { storageKey: true, cleanStorageKey: true },
      });
      // Consent papers (issue 24) live in the same store.
      const papers = await db.consent.findMany({
        where: { paperStorageKey: { in: keys } },
        select: { paperStorageKey: true },
      });
      const referenced = new Set([
        ...rows.flatMap((a) => [a.storageKey, a.cleanStorageKey ?? ""]),
        ...papers.map((p) => p.paperStorageKey ?? ""),
      ]);
      for (const name of old) {
        if (referenced.has(name)) continue;
        await fs.promises.rm(path.join(dir, name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
