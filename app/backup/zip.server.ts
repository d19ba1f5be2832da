// The backup archive is a plain .zip: written with fflate's streaming `Zip`, one file at a time, never the whole
// archive in memory; read back through its central directory with random access. fflate's streaming `Unzip` is not
// used for reading: for entries written with a data descriptor it looks for the next "PK" signature in the data, and
// a stored .docx (itself a zip) or any binary file can contain one, which would cut the entry short.
import crypto from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { Zip, ZipPassThrough } from "fflate";
import { BackupError } from "./errors.server";

// fflate writes the classic zip format without ZIP64: offsets and sizes are 32-bit, the entry count 16-bit.
// Past these limits it would silently write a broken archive, so we stop before that.
const MAX_ZIP_BYTES = 0xffff_ffff;
const MAX_ZIP_ENTRIES = 0xffff;

export type WrittenEntry = { path: string; size: number; sha256: string };

/** Writes a zip file entry by entry; every entry is stored (uploads and dumps are compressed already). */
export class ZipWriter {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | undefined;
  private entries = 0;
  bytesWritten = 0;

  private constructor(private readonly handle: fs.promises.FileHandle) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure ??= error;
      else this.pending.push(chunk);
    });
  }

  /** Opens a new file; refuses to overwrite an existing one. */
  static async create(file: string) {
    return new ZipWriter(await fs.promises.open(file, "wx"));
  }

  /** Adds one entry from a stream of chunks and returns its size and SHA-256. */
  async add(name: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<WrittenEntry> {
    if (++this.entries > MAX_ZIP_ENTRIES) throw tooLarge();
    const entry = new ZipPassThrough(name);
    this.zip.add(entry);
    const hash = crypto.createHash("sha256");
    let size = 0;
    for await (const chunk of source) {
      if (chunk.length === 0) continue;
      hash.update(chunk);
      size += chunk.length;
      entry.push(chunk);
      await this.flush();
    }
    entry.push(new Uint8Array(0), true);
    await this.flush();
    return { path: name, size, sha256: hash.digest("hex") };
  }

  /** Finishes the archive (central directory) and closes the file. */
  async finish() {
    this.zip.end();
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
  }

  async abort() {
    this.zip.terminate();
    await this.handle.close().catch(() => {});
  }

  private async flush() {
    if (this.failure) throw this.failure;
    while (this.pending.length > 0) {
      const chunk = this.pending.shift()!;
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
      this.bytesWritten += chunk.length;
      if (this.bytesWritten >= MAX_ZIP_BYTES) throw tooLarge();
    }
  }
}

function tooLarge() {
  return new BackupError(
    "De back-up wordt groter dan 4 GiB of bevat meer dan 65.535 bestanden; dat past niet in het zip-formaat dat deze versie schrijft (zonder ZIP64). " +
      "Maak de database- en bijlagenback-up zolang met de eigen middelen van de server (pg_dump en een kopie van DATA_DIR/uploads).",
  );
}

/** Whether a back-up of this many bytes (content) in this many entries fits in the zip format we write. */
export function fitsInZip(contentBytes: number, entryCount: number, nameBytes: number) {
  // Per entry: local header (30) + data descriptor (16) + central directory record (46), each name twice; plus the end record.
  const overhead = entryCount * (30 + 16 + 46) + 2 * nameBytes + 22;
  return entryCount <= MAX_ZIP_ENTRIES && contentBytes + overhead < MAX_ZIP_BYTES;
}

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

/** An entry name that stays inside the directory it is extracted to: relative, no `..`, no backslashes. */
export function isSafeEntryName(name: string) {
  if (name.length === 0 || name.length > 1024) return false;
  if (name.includes("\0") || name.includes("\\")) return false;
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return false;
  return name.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** A zip file opened for reading: its entries from the central directory, each readable as a stream. */
export class ZipReader {
  private constructor(
    private readonly file: string,
    private readonly handle: fs.promises.FileHandle,
    readonly entries: ZipEntry[],
  ) {}

  static async open(file: string): Promise<ZipReader> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, "r");
    } catch (error) {
      throw new BackupError(`Het archief ${file} is niet te openen: ${(error as Error).message}`);
    }
    try {
      return new ZipReader(file, handle, await readCentralDirectory(file, handle));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  find(name: string) {
    return this.entries.find((entry) => entry.name === name);
  }

  /** The entry's uncompressed bytes as a stream. */
  async stream(entry: ZipEntry): Promise<Readable> {
    const header = await readExactly(this.handle, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== 0x04034b50) throw broken(this.file, `kop van ${entry.name} ontbreekt`);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const localName = (await readExactly(this.handle, nameLength, entry.localHeaderOffset + 30)).toString("utf8");
    if (localName !== entry.name) throw broken(this.file, `de namen ${entry.name} en ${localName} verschillen`);
    const start = entry.localHeaderOffset + 30 + nameLength + extraLength;
    const raw =
      entry.compressedSize === 0
        ? Readable.from([])
        : fs.createReadStream(this.file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    if (entry.method === 0) return raw;
    if (entry.method === 8) return raw.pipe(zlib.createInflateRaw());
    throw broken(this.file, `${entry.name} gebruikt een onbekende compressie (${entry.method})`);
  }

  /** Reads a small entry completely (the manifest). */
  async readAll(entry: ZipEntry, limit = 16 * 1024 * 1024): Promise<Buffer> {
    if (entry.size > limit) throw broken(this.file, `${entry.name} is onverwacht groot`);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Size and SHA-256 of the entry's content, read as a stream. */
  async checksum(entry: ZipEntry): Promise<{ size: number; sha256: string }> {
    const hash = crypto.createHash("sha256");
    let size = 0;
    for await (const chunk of await this.stream(entry)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { size, sha256: hash.digest("hex") };
  }

  close() {
    return this.handle.close();
  }
}

function broken(file: string, why: string) {
  return new BackupError(`Het archief ${file} is geen geldig back-uparchief: ${why}.`);
}

async function readExactly(handle: fs.promises.FileHandle, length: number, position: number) {
  const buffer = Buffer.alloc(length);
  let offset = 0;
  while (offset < length) {
    const { bytesRead } = await handle.read(buffer, offset, length - offset, position + offset);
    if (bytesRead === 0)
      throw new BackupError("Het archief is afgekapt: het houdt eerder op dan zijn inhoudsopgave zegt.");
    offset += bytesRead;
  }
  return buffer;
}

async function readCentralDirectory(file: string, handle: fs.promises.FileHandle): Promise<ZipEntry[]> {
  const { size } = await handle.stat();
  // The end record is the last 22 bytes, followed by a comment of at most 65,535 bytes.
  const tailLength = Math.min(size, 22 + 0xffff);
  if (tailLength < 22) throw broken(file, "het bestand is te klein");
  const tail = await readExactly(handle, tailLength, size - tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken(file, "het einde van de inhoudsopgave ontbreekt (is het wel een zip-bestand?)");
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset === 0xffffffff || directorySize === 0xffffffff)
    throw broken(file, "ZIP64 wordt niet ondersteund");
  if (directoryOffset + directorySize > size) throw broken(file, "de inhoudsopgave valt buiten het bestand");
  const directory = await readExactly(handle, directorySize, directoryOffset);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at < directory.length) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50)
      throw broken(file, "de inhoudsopgave is beschadigd");
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString("utf8", at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localHeaderOffset === 0xffffffff)
      throw broken(file, "ZIP64 wordt niet ondersteund");
    if (entry.localHeaderOffset + entry.compressedSize > directoryOffset)
      throw broken(file, `${entry.name} valt buiten het bestand`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
