// Signing and checking the Data Integrity proof (eddsa-rdfc-2022, proof purpose assertionMethod) with Digital
// Bazaar's maintained libraries and the bundled contexts only.
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import type { Ed25519KeyPair } from "@digitalbazaar/ed25519-multikey";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { staticDocumentLoader, type DocumentLoader } from "./contexts.server";

export async function signCredential<T extends object>(
  credential: T,
  pair: Ed25519KeyPair,
): Promise<T & { proof: object }> {
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite });
  // Sign a copy: the library adds the proof to the object it is given.
  const signed = await vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: staticDocumentLoader(),
  });
  return signed as T & { proof: object };
}

export type ProofCheck = { verified: true } | { verified: false; errors: Error[] };

/** Every error inside the library's result, flattened (it nests them per proof and per check). */
function collectErrors(value: unknown, into: Error[] = []): Error[] {
  if (!value || typeof value !== "object") return into;
  const error = value as { errors?: unknown[]; error?: unknown; results?: unknown[] };
  if (value instanceof Error && !Array.isArray(error.errors)) into.push(value);
  for (const nested of [...(error.errors ?? []), ...(error.results ?? []), error.error]) collectErrors(nested, into);
  return into;
}

/**
 * Checks the proof against a controller document (`{ id, assertionMethod: [key urls] }`) whose keys `documents`
 * holds. `checkStatus` answers for a credential with a credentialStatus.
 */
export async function checkProof(
  credential: object,
  {
    documents,
    controller,
    checkStatus = async () => ({ verified: true }),
    now = new Date(),
  }: {
    documents: Map<string, object>;
    controller: { id: string; assertionMethod: string[] };
    checkStatus?: () => Promise<{ verified: boolean; error?: Error }>;
    now?: Date;
  },
): Promise<ProofCheck> {
  const documentLoader: DocumentLoader = staticDocumentLoader(documents);
  try {
    const result = await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader,
      controller,
      checkStatus,
      now,
    });
    return result.verified ? { verified: true } : { verified: false, errors: collectErrors(result) };
  } catch (error) {
    return { verified: false, errors: collectErrors(error) };
  }
}
