// Where attachment bytes live. Local directory under DATA_DIR/uploads by default; keys are made by the server
// (random, never from a file name), so no upload can choose where it lands.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "~/db/adapter.server";

export interface FileStore {
  put(bytes: Uint8Array): Promise<{ key: string; sha256: string }>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
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

  read(key: string) {
    return fs.promises.readFile(this.file(key));
  }

  async remove(key: string) {
    await fs.promises.rm(this.file(key), { force: true });
  }
}

let store: FileStore | undefined;

export function fileStore(): FileStore {
  store ??= new LocalStore(path.join(dataDir(), "uploads"));
  return store;
}
