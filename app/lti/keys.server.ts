// The tool's own RSA key pair (RS256): made at random the first time it is asked for and kept with the data
// (InstallSecret "lti-tool-key"), so every app instance on the database signs with the same key. The public half is
// published at /lti/jwks; the private half signs client assertions (AGS, NRPS) and deep-linking responses.
import crypto from "node:crypto";
import { exportJWK, importPKCS8, SignJWT, type JWK, type JWTPayload } from "jose";
import { installSecret } from "~/db/install-secret.server";

const KEY_SECRET_NAME = "lti-tool-key";
const ALG = "RS256";

type ToolKey = { privateKey: CryptoKey; publicJwk: JWK & { kid: string } };
let cached: Promise<ToolKey> | null = null;

function makeKeyPair(): string {
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

async function loadToolKey(): Promise<ToolKey> {
  const pem = await installSecret(KEY_SECRET_NAME, makeKeyPair);
  const publicKey = crypto.createPublicKey(pem);
  const jwk = (await exportJWK(publicKey)) as JWK;
  // The kid is the key's own thumbprint: stable across instances and restarts.
  const kid = crypto
    .createHash("sha256")
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest("base64url");
  return { privateKey: await importPKCS8(pem, ALG), publicJwk: { ...jwk, kid, alg: ALG, use: "sig" } };
}

function toolKey(): Promise<ToolKey> {
  cached ??= loadToolKey().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** The tool's public keys as a JWKS document. */
export async function toolJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await toolKey()).publicJwk] };
}

/** A JWT signed with the tool's key (RS256, our kid), valid for `lifetimeS` seconds from now. */
export async function signAsTool(payload: JWTPayload, lifetimeS = 300): Promise<string> {
  const key = await toolKey();
  return new SignJWT(payload)
    .setProtectedHeader({ alg: ALG, kid: key.publicJwk.kid, typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(`${lifetimeS}s`)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}
