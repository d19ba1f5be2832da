// A copy of an attachment without the metadata that names its author (issue 16): what peer reviewers get in an
// anonymous mode. Document properties, XMP, EXIF and the like go; the text and pictures themselves stay as they are
// (a name typed in the text is the author's to remove). When a type cannot be cleaned, or cleaning fails, the result
// says why in Dutch and the caller must not share the file.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, PDFString, type PDFObject } from "pdf-lib";
import sharp from "sharp";
import { DOCX, ODT } from "./files";

export type StripResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Unpacked size a Word or OpenDocument file may have before we refuse to rewrite it (a ZIP bomb guard). */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export async function stripMetadata(mediaType: string, bytes: Uint8Array): Promise<StripResult> {
  try {
    switch (mediaType) {
      case "application/pdf":
        return await stripPdf(bytes);
      case "image/jpeg":
      case "image/png":
      case "image/gif":
      case "image/webp":
        return { ok: true, bytes: await stripImage(mediaType, bytes) };
      case DOCX:
        return await stripZipDocument(bytes, "docx");
      case ODT:
        return await stripZipDocument(bytes, "odt");
      case "application/msword":
        return { ok: false, reason: "de eigenschappen van een oud Word-bestand (.doc) kunnen we niet verwijderen." };
      default:
        return { ok: false, reason: "dit soort bestand kunnen we niet opschonen." };
    }
  } catch {
    return { ok: false, reason: "het bestand kon niet worden gelezen om de eigenschappen te verwijderen." };
  }
}

// ---- PDF ----

const INFO_FIELDS = ["Title", "Author", "Subject", "Keywords", "Creator", "Producer"] as const;

async function stripPdf(bytes: Uint8Array): Promise<StripResult> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    if (error instanceof Error && /encrypt/i.test(error.message))
      return { ok: false, reason: "de PDF is beveiligd (versleuteld)." };
    return { ok: false, reason: "de PDF kon niet worden gelezen." };
  }
  const { context, catalog } = doc;
  const names = catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  if (names?.has(PDFName.of("EmbeddedFiles")))
    return { ok: false, reason: "de PDF bevat ingesloten bestanden, die we niet kunnen nakijken." };

  // A fresh, empty document information dictionary instead of the old one (and of older ones left by edits).
  const info = context.obj({});
  for (const field of INFO_FIELDS) info.set(PDFName.of(field), PDFString.of(""));
  context.trailerInfo.Info = context.register(info);

  // XMP packets (document, pages, pictures), private application data, and annotation authors (/T of a comment;
  // a form field's /T is its name, so widgets keep theirs).
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    dict.delete(PDFName.of("Metadata"));
    dict.delete(PDFName.of("PieceInfo"));
    const subtype = dict.lookupMaybe(PDFName.of("Subtype"), PDFName);
    if (dict.has(PDFName.of("Rect")) && subtype && subtype !== PDFName.of("Widget")) dict.delete(PDFName.of("T"));
    if (subtype === PDFName.of("FileAttachment"))
      return { ok: false, reason: "de PDF bevat ingesloten bestanden, die we niet kunnen nakijken." };
  }
  dropUnreachable(doc);
  // No object streams: what is left can be read (and checked) as plain text.
  return {
    ok: true,
    bytes: await doc.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false }),
  };
}

/** Removes every object the document no longer refers to: old Info dictionaries and XMP of earlier saves among them. */
function dropUnreachable(doc: PDFDocument) {
  const { context } = doc;
  const reached = new Set<string>();
  const visit = (object: PDFObject | undefined) => {
    if (!object) return;
    if (object instanceof PDFRef) {
      if (reached.has(object.tag)) return;
      reached.add(object.tag);
      visit(context.lookup(object));
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) visit(value);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) visit(object.get(i));
    } else if (object instanceof PDFStream) {
      visit(object.dict);
    }
  };
  visit(context.trailerInfo.Root);
  visit(context.trailerInfo.Info);
  visit(context.trailerInfo.Encrypt);
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref.tag)) context.delete(ref);
}

// ---- Images ----

/** Decoded and encoded again: EXIF (camera owner, GPS), XMP, IPTC, comments and PNG text chunks do not survive. */
async function stripImage(mediaType: string, bytes: Uint8Array): Promise<Uint8Array> {
  const animated = mediaType === "image/gif" || mediaType === "image/webp";
  // Turn the pixels as the EXIF orientation says before that tag goes, so the photo still stands upright.
  const image = sharp(bytes, { animated, failOn: "error" }).autoOrient();
  const encoded =
    mediaType === "image/jpeg"
      ? image.jpeg({ quality: 92 })
      : mediaType === "image/png"
        ? image.png()
        : mediaType === "image/gif"
          ? image.gif()
          : image.webp({ quality: 92 });
  return new Uint8Array(await encoded.toBuffer());
}

// ---- Word (.docx) and OpenDocument (.odt) ----

const NEUTRAL_DOCX: Record<string, string> = {
  "docProps/core.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>',
  "docProps/app.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>',
  "docProps/custom.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>',
};

function neutralOdf(root: "document-meta" | "document-settings", original: string) {
  const version = /office:version="([^"]*)"/.exec(original)?.[1] ?? "1.2";
  const inner = root === "document-meta" ? "<office:meta/>" : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:${root} xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="${version}">${inner}</office:${root}>`;
}

const NEUTRAL_NAME = "Auteur";

/** Names of people in the body of a document's XML: comment and tracked-change authors, author fields. */
function neutralizePeople(xml: string): string {
  return (
    xml
      // Word: w:author, w15:author, w:initials, w15:userId (often an e-mail address), w15:providerId.
      .replace(/(\s[A-Za-z0-9]+:author)="[^"]*"/g, `$1="${NEUTRAL_NAME}"`)
      .replace(/(\s[A-Za-z0-9]+:initials)="[^"]*"/g, '$1="A"')
      .replace(/(\s[A-Za-z0-9]+:(?:userId|providerId))="[^"]*"/g, '$1=""')
      // OpenDocument: <dc:creator> of comments and changes, author fields, initials.
      .replace(/<dc:creator>[^<]*<\/dc:creator>/g, `<dc:creator>${NEUTRAL_NAME}</dc:creator>`)
      .replace(
        /<meta:creator-initials>[^<]*<\/meta:creator-initials>/g,
        "<meta:creator-initials>A</meta:creator-initials>",
      )
      .replace(
        /(<text:(?:author-name|author-initials|initial-creator|creator)\b[^>]*>)[^<]*(<\/text:)/g,
        `$1${NEUTRAL_NAME}$2`,
      )
  );
}

/** An external link to a local file (a Word template under C:\Users\<name>\…) keeps only its file name. */
function neutralizeRelationships(xml: string): string {
  return xml.replace(/<Relationship\b[^>]*>/g, (tag) => {
    if (!/TargetMode="External"/.test(tag)) return tag;
    return tag.replace(/Target="file:[^"]*?([^"/\\]*)"/, 'Target="$1"');
  });
}

async function stripZipDocument(bytes: Uint8Array, kind: "docx" | "odt"): Promise<StripResult> {
  let unpacked = 0;
  const entries = unzipSync(bytes, {
    filter: (file) => {
      unpacked += file.originalSize;
      return true;
    },
  });
  if (
    unpacked > MAX_UNPACKED_BYTES ||
    Object.values(entries).reduce((sum, e) => sum + e.length, 0) > MAX_UNPACKED_BYTES
  ) {
    return { ok: false, reason: "het document is uitgepakt te groot om na te kijken." };
  }
  const out: Zippable = {};
  // A fixed date on every entry: the archive tells nothing about when or where (time zone) it was made.
  const mtime = new Date("2000-01-01T00:00:00Z");
  // OpenDocument wants "mimetype" first and stored uncompressed; fflate keeps the order entries are added in.
  if (kind === "odt") {
    if (!entries.mimetype)
      return { ok: false, reason: "het document kon niet worden gelezen om de eigenschappen te verwijderen." };
    out.mimetype = [entries.mimetype, { mtime, level: 0 }];
  }
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith("/") || name === "mimetype") continue;
    // XML in UTF-16 (rare) we would garble by rewriting it: better not to share than to break or half-clean it.
    if (name.endsWith(".xml") || name.endsWith(".rels")) {
      if ((data[0] === 0xfe && data[1] === 0xff) || (data[0] === 0xff && data[1] === 0xfe))
        return { ok: false, reason: "het document gebruikt een tekenset die we niet kunnen nakijken." };
    }
    let content: Uint8Array = data;
    if (kind === "docx" && NEUTRAL_DOCX[name]) content = strToU8(NEUTRAL_DOCX[name]);
    else if (kind === "odt" && name === "meta.xml") content = strToU8(neutralOdf("document-meta", strFromU8(data)));
    else if (kind === "odt" && name === "settings.xml")
      content = strToU8(neutralOdf("document-settings", strFromU8(data)));
    else if (name.endsWith(".rels")) content = strToU8(neutralizeRelationships(strFromU8(data)));
    else if (name.endsWith(".xml")) content = strToU8(neutralizePeople(strFromU8(data)));
    else if (/\.(jpe?g|png)$/i.test(name))
      content = await stripImage(/\.png$/i.test(name) ? "image/png" : "image/jpeg", data);
    out[name] = [content, { mtime, level: 6 }];
  }
  return { ok: true, bytes: zipSync(out) };
}
