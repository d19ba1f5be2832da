// The Bitstring Status List encoding (W3C VC Bitstring Status List): a bitstring of at least 16 KB, bit 0 the
// left-most bit of the first byte, GZIP-compressed, base64url without padding, multibase prefix "u".
import { gunzipSync, gzipSync } from "node:zlib";

/** 131,072 entries (16 KB): the minimum the specification asks, so a revocation does not single anyone out. */
export const STATUS_LIST_LENGTH = 131072;

export function encodeStatusList(setBits: Iterable<number>, length = STATUS_LIST_LENGTH): string {
  const bytes = new Uint8Array(length / 8);
  for (const index of setBits) bytes[index >> 3]! |= 0x80 >> (index & 7);
  return `u${gzipSync(bytes).toString("base64url")}`;
}

export function statusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith("u")) throw new Error("Not a base64url multibase string");
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), "base64url"));
  if (index < 0 || index >= bytes.length * 8) throw new RangeError("Status index outside the list");
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}
