// What may be attached, judged by the file's content (its first bytes, and for a ZIP its real entries), not only
// by its name.
import { strFromU8, unzipSync } from "fflate";
import { formatFileSize } from "~/format";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES = 10;
/** One upload request in all: as many full-size files as a draft may hold, plus room for the form's own fields. */
export const MAX_UPLOAD_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;

export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const ODT = "application/vnd.oasis.opendocument.text";

type Kind = { mediaType: string; extensions: string[]; image: boolean };

const KINDS: Kind[] = [
  { mediaType: "application/pdf", extensions: ["pdf"], image: false },
  { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"], image: true },
  { mediaType: "image/png", extensions: ["png"], image: true },
  { mediaType: "image/gif", extensions: ["gif"], image: true },
  { mediaType: "image/webp", extensions: ["webp"], image: true },
  { mediaType: DOCX, extensions: ["docx"], image: false },
  { mediaType: "application/msword", extensions: ["doc"], image: false },
  { mediaType: ODT, extensions: ["odt"], image: false },
];

function startsWith(bytes: Uint8Array, signature: number[], offset = 0) {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** The media type the content really has, among the allowed ones; null when it is none of them. */
export function sniffMediaType(head: Uint8Array): string | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return "image/gif";
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  // A .docx or .odt is a ZIP; which one (if any) its entries tell, see zipMediaType.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "application/zip";
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "application/msword";
  return null;
}

/**
 * The document type a ZIP really is, by the entries in its central directory: Word needs `[Content_Types].xml` and
 * `word/document.xml`, OpenDocument text a `mimetype` entry saying so and `content.xml`. Nothing is inflated but
 * the few bytes of `mimetype`. Null for any other or a broken ZIP; a name merely written inside a file is no entry.
 */
export function zipMediaType(bytes: Uint8Array): string | null {
  const entries = new Set<string>();
  let found: Record<string, Uint8Array>;
  try {
    found = unzipSync(bytes, {
      filter: (file) => {
        entries.add(file.name);
        return file.name === "mimetype" && file.originalSize <= 100;
      },
    });
  } catch {
    return null;
  }
  if (entries.has("[Content_Types].xml") && entries.has("word/document.xml")) return DOCX;
  if (found.mimetype && strFromU8(found.mimetype).trim() === ODT && entries.has("content.xml")) return ODT;
  return null;
}

function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name);
  return match?.[1]?.toLowerCase() ?? "";
}

export function isImage(mediaType: string) {
  return KINDS.some((k) => k.mediaType === mediaType && k.image);
}

export type FileCheck = { ok: true; mediaType: string; name: string } | { ok: false; error: string };

/**
 * Checks a file's name and content. `zipType` is, for a ZIP, the document type its entries make it (zipMediaType).
 */
export function checkFile(
  originalName: string,
  head: Uint8Array,
  size: number,
  zipType: string | null = null,
): FileCheck {
  const name = safeFileName(originalName);
  if (!name)
    return {
      ok: false,
      error: `De bestandsnaam ‘${originalName.slice(0, 60)}’ is niet bruikbaar. Geef het bestand een gewone naam.`,
    };
  if (size === 0) return { ok: false, error: `${name} is leeg.` };
  if (size > MAX_FILE_BYTES)
    return {
      ok: false,
      error: `${name} is groter dan ${formatFileSize(MAX_FILE_BYTES)}. Maak het bestand kleiner of verdeel het.`,
    };
  const kind = KINDS.find((k) => k.extensions.includes(extensionOf(name)));
  if (!kind)
    return {
      ok: false,
      error: `${name}: dit soort bestand kun je niet toevoegen. Wel: PDF, Word (.docx, .doc), OpenDocument-tekst (.odt) en foto's (JPG, PNG, GIF, WebP).`,
    };
  let sniffed = sniffMediaType(head);
  if (sniffed === "application/zip") sniffed = zipType;
  if (sniffed !== kind.mediaType) {
    return {
      ok: false,
      error: `${name} heet een ${extensionOf(name).toUpperCase()}-bestand, maar de inhoud is dat niet. Bewaar het opnieuw in het juiste formaat.`,
    };
  }
  return { ok: true, mediaType: kind.mediaType, name };
}

/**
 * A file name fit to show and to offer for download: no folders, no control characters, no invisible direction
 * marks (a right-to-left override shows "scan\u202Efdp.exe" as "scanexe.pdf"), at most 200 characters. Null when
 * nothing usable is left or the name tries to climb out of a folder.
 */
export function safeFileName(original: string): string | null {
  if (original.includes("\0") || /(^|[\\/])\.\.([\\/]|$)/.test(original) || original.length > 255) return null;
  const base = original.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  if (!cleaned || cleaned === "." || cleaned === "..") return null;
  return cleaned.slice(0, 200);
}

/**
 * Headers for sending a stored file: never rendered by the browser unless `inline` (real images only), the name
 * in both the ASCII and the UTF-8 form, sandboxed, not cached.
 */
export function downloadHeaders(file: { name: string; mediaType: string; size: number }, inline = false): HeadersInit {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return {
    "Content-Type": file.mediaType,
    "Content-Length": String(file.size),
    "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    // X-Content-Type-Options: nosniff is set on every response by the HTTP server.
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
    "Cache-Control": "private, no-store",
  };
}

/** What the grading desk may show inside its own page: PDFs (in the browser's viewer) and real images. */
export function isPreviewable(mediaType: string) {
  return mediaType === "application/pdf" || isImage(mediaType);
}

/**
 * Headers for showing a PDF or an image inside a page of Gilde (the grading desk's preview): inline, and
 * frameable by our own pages only. Still sandboxed where the browser's PDF viewer allows it: a PDF viewer does
 * not run in a sandboxed document, so a PDF gets no sandbox but also no scripts, styles or connections of its own.
 */
export function previewHeaders(file: { name: string; mediaType: string; size: number }): HeadersInit {
  const pdf = file.mediaType === "application/pdf";
  return {
    ...downloadHeaders(file, true),
    "Content-Security-Policy": pdf
      ? "default-src 'none'; frame-ancestors 'self'"
      : "default-src 'none'; img-src 'self'; frame-ancestors 'self'; sandbox",
    "X-Frame-Options": "SAMEORIGIN",
  };
}
