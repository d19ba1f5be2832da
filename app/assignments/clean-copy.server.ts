// The copy of an attachment that peer reviewers get in an anonymous mode (issue 16): identifying metadata removed,
// stored once beside the original. Made at upload for an assignment that is anonymous then; for older uploads (and
// an assignment made anonymous later) at the first download by a reviewer. A file that cannot be cleaned is
// marked so and never reaches a reviewer in an anonymous mode; its author is told why.
import type { CleanCopyState } from "@prisma/client";
import { db } from "~/db.server";
import { fileStore } from "~/storage/storage.server";
import { stripMetadata } from "./strip-metadata.server";

export type CleanCopyFields =
  | { cleanState: "CLEANED"; cleanStorageKey: string; cleanSha256: string; cleanSize: number; cleanProblem: null }
  | { cleanState: "UNCLEANABLE"; cleanStorageKey: null; cleanSha256: null; cleanSize: null; cleanProblem: string };

/** Cleans the bytes and stores the copy (before any row points at it, like every stored file). */
export async function storeCleanCopy(mediaType: string, bytes: Uint8Array): Promise<CleanCopyFields> {
  const result = await stripMetadata(mediaType, bytes);
  if (!result.ok)
    return {
      cleanState: "UNCLEANABLE",
      cleanStorageKey: null,
      cleanSha256: null,
      cleanSize: null,
      cleanProblem: result.reason,
    };
  const { key, sha256 } = await fileStore().put(result.bytes);
  return {
    cleanState: "CLEANED",
    cleanStorageKey: key,
    cleanSha256: sha256,
    cleanSize: result.bytes.length,
    cleanProblem: null,
  };
}

type AttachmentForCopy = {
  id: string;
  mediaType: string;
  storageKey: string;
  cleanState: CleanCopyState | null;
  cleanStorageKey: string | null;
};

export const cleanCopySelect = {
  id: true,
  mediaType: true,
  storageKey: true,
  cleanState: true,
  cleanStorageKey: true,
} as const;

/** The clean copy's bytes, made now if there is none yet; null when the file cannot be cleaned. Never the original. */
export async function cleanCopyBytes(attachment: AttachmentForCopy): Promise<Buffer | null> {
  if (attachment.cleanState === "UNCLEANABLE") return null;
  if (attachment.cleanState === "CLEANED" && attachment.cleanStorageKey)
    return fileStore().read(attachment.cleanStorageKey);
  const fields = await storeCleanCopy(attachment.mediaType, await fileStore().read(attachment.storageKey));
  // Only the first of two downloads at once records its copy; the other removes its own and uses the recorded one.
  const { count } = await db.attachment.updateMany({ where: { id: attachment.id, cleanState: null }, data: fields });
  if (count === 0) {
    if (fields.cleanStorageKey) await fileStore().remove(fields.cleanStorageKey);
    const current = await db.attachment.findUnique({ where: { id: attachment.id }, select: cleanCopySelect });
    return current && current.cleanState ? cleanCopyBytes(current) : null;
  }
  return fields.cleanStorageKey ? fileStore().read(fields.cleanStorageKey) : null;
}
