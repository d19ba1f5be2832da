// LTI Dynamic Registration 1.0 (/lti/register): the LMS admin opens our registration address with the platform's
// OpenID configuration URL (and often a registration token). Gilde reads and checks that configuration, shows who
// wants to register, and on "Gilde registreren" sends its client registration (tool-config.ts) to the platform's
// registration endpoint. The platform answers with Gilde's client id and the deployment id; the platform is stored
// through platforms.server.ts, waiting for a Gilde admin unless one is signed in and registered it.
//
// Anyone on the internet can open the address, so: every address the configuration names must be https (loopback
// only outside production) and, in production, must not resolve to a private network; the confirmation carries a
// signed, short-lived, single-use proof bound to the configuration URL (the page may be framed by the LMS, where no
// SameSite=Lax cookie of ours exists); and a registration by itself never lets a launch in.
import crypto from "node:crypto";
import dns from "node:dns/promises";
import { Prisma } from "@prisma/client";
import { installSecret } from "~/db/install-secret.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { RefusedError } from "~/errors.server";
import { LmsError, lmsFetch } from "./lms-fetch.server";
import { callableUrl, isPrivateAddress } from "./outbound-address";
import { productName } from "./product-names";
import { storeSelfRegistration, type SelfRegistrationOutcome } from "./platforms.server";
import { clientRegistration, TOOL_CONFIGURATION_CLAIM } from "./tool-config";

export const PROOF_LIFETIME_MS = 30 * 60 * 1000;
const MAX_ANSWER_BYTES = 256 * 1024;
const PLATFORM_CONFIGURATION_CLAIM = "https://purl.imsglobal.org/spec/lti-platform-configuration";

const NO_CONFIGURATION =
  "Dit adres is voor je leeromgeving: open het via ‘Tool registreren’ (dynamische registratie) in Brightspace, Canvas of Moodle. De leeromgeving geeft dan zelf mee waar haar configuratie staat.";
const PROOF_INVALID =
  "Deze bevestiging is verlopen of klopt niet. Start de registratie opnieuw vanuit je leeromgeving.";
const PROOF_USED =
  "Deze bevestiging is al gebruikt: Gilde registreert zich maar één keer per keer dat je de registratie start. Start de registratie opnieuw vanuit je leeromgeving als het niet gelukt is.";

export type PlatformConfiguration = {
  configurationUrl: string;
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  registrationEndpoint: string;
  productFamily: string;
  productVersion: string | null;
};

const production = () => env().NODE_ENV === "production";

/** An address from the configuration that Gilde may call, or a Dutch refusal naming it. */
async function checkedAddress(value: unknown, what: string): Promise<string> {
  const url = callableUrl(value, { production: production() });
  if (!url)
    throw new RefusedError(
      `De configuratie van je leeromgeving noemt als ${what} geen bruikbaar https-adres${typeof value === "string" ? ` (${value.slice(0, 200)})` : ""}.`,
      400,
    );
  if (production()) {
    // A name that leads into a private network is refused: nobody may use Gilde to look around inside it.
    // (A name that changes its answer between this lookup and the call itself is not caught here.)
    const hostname = url.hostname.replace(/^\[|\]$/g, "");
    const addresses = await dns.lookup(hostname, { all: true }).catch(() => []);
    if (addresses.length === 0) throw unreachable(url.toString());
    if (addresses.some((a) => isPrivateAddress(a.address)))
      throw new RefusedError(`Het ${what} van je leeromgeving (${url.host}) ligt niet op het openbare internet.`, 400);
  }
  return url.toString();
}

function unreachable(url: string) {
  return new RefusedError(
    `Gilde kon je leeromgeving niet bereiken (${new URL(url).host}). Controleer of ze online is en start de registratie opnieuw.`,
    502,
  );
}

/** A call to the platform within the LMS time limit; not reachable becomes the Dutch refusal. */
async function callPlatform(url: string, init: RequestInit): Promise<Response> {
  try {
    return await lmsFetch(url, init);
  } catch (error) {
    if (error instanceof LmsError) throw unreachable(url);
    throw error;
  }
}

/** A JSON answer of at most MAX_ANSWER_BYTES, or null when it is anything else. */
async function readJsonObject(response: Response): Promise<Record<string, unknown> | null> {
  const reader = response.body?.getReader();
  if (!reader) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const bearer = (registrationToken: string | null): Record<string, string> =>
  registrationToken ? { Authorization: `Bearer ${registrationToken}` } : {};

/** The issuer is a prefix of the configuration URL, ending at a path boundary ("https://lms.nl" ≠ "https://lms.nl.evil"). */
function issuerMatches(issuer: string, configurationUrl: string): boolean {
  if (!configurationUrl.startsWith(issuer)) return false;
  const rest = configurationUrl.slice(issuer.length);
  return issuer.endsWith("/") || rest === "" || rest.startsWith("/") || rest.startsWith("?");
}

/** Fetches and checks the platform's OpenID configuration (Dynamic Registration § 3.4 and 3.5.1). */
export async function discoverPlatform(
  configurationUrl: string,
  registrationToken: string | null,
): Promise<PlatformConfiguration> {
  if (!configurationUrl) throw new RefusedError(NO_CONFIGURATION, 400);
  const address = await checkedAddress(configurationUrl, "configuratie-adres");
  const response = await callPlatform(address, {
    headers: { Accept: "application/json", ...bearer(registrationToken) },
  });
  if (!response.ok)
    throw new RefusedError(
      `Je leeromgeving gaf haar configuratie niet (HTTP ${response.status}). Start de registratie opnieuw vanuit de leeromgeving; de link is maar kort geldig.`,
      502,
    );
  const config = await readJsonObject(response);
  if (!config)
    throw new RefusedError("Wat je leeromgeving als configuratie stuurde, is geen OpenID-configuratie (JSON).", 502);
  const required = ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint"];
  const missing = required.filter((key) => typeof config[key] !== "string" || config[key] === "");
  const platform = config[PLATFORM_CONFIGURATION_CLAIM] as Record<string, unknown> | undefined;
  const family = platform && typeof platform === "object" ? platform.product_family_code : undefined;
  if (typeof family !== "string" || family.trim() === "" || family.length > 100)
    missing.push(`${PLATFORM_CONFIGURATION_CLAIM} (product_family_code)`);
  if (missing.length > 0)
    throw new RefusedError(
      `De configuratie van je leeromgeving is onvolledig: ${missing.join(", ")} ontbreekt. Zonder die gegevens kan Gilde zich niet registreren.`,
      400,
    );
  await checkedAddress(config.issuer, "issuer");
  // The issuer as the platform wrote it (new URL would add a slash): it is what its id_tokens carry.
  const issuer = String(config.issuer);
  if (!issuerMatches(issuer, configurationUrl))
    throw new RefusedError(
      `De configuratie hoort niet bij dit adres: de issuer (${issuer.slice(0, 200)}) is niet het begin van ${configurationUrl.slice(0, 200)}. Gilde registreert zich alleen bij de leeromgeving die de configuratie zelf publiceert.`,
      400,
    );
  const version = (platform as Record<string, unknown>).version;
  return {
    configurationUrl,
    issuer,
    authorizationEndpoint: await checkedAddress(config.authorization_endpoint, "autorisatie-adres"),
    tokenEndpoint: await checkedAddress(config.token_endpoint, "token-adres"),
    jwksUri: await checkedAddress(config.jwks_uri, "JWKS-adres"),
    registrationEndpoint: await checkedAddress(config.registration_endpoint, "registratie-adres"),
    productFamily: (family as string).trim(),
    productVersion: typeof version === "string" && version.length <= 100 ? version : null,
  };
}

/**
 * The sites that may frame the registration pages: the platform's own origins as its configuration names them
 * (configuration URL, issuer, authorisation and registration endpoints), because the LMS opens the registration in
 * a frame of its admin screen and no platform is known to Gilde yet. Those origins are the registering party's own
 * choice, so framing gives it nothing: the button only registers that same party, waiting for approval, and inside
 * a cross-site frame no Gilde session exists, so an admin's approval never happens there.
 */
export function registrationFramers(configurationUrl: string | null, config?: PlatformConfiguration): string[] {
  const urls = [configurationUrl, config?.issuer, config?.authorizationEndpoint, config?.registrationEndpoint];
  const origins = new Set<string>();
  for (const url of urls) {
    const callable = callableUrl(url, { production: production() });
    if (callable) origins.add(callable.origin);
  }
  return [...origins];
}

// ---- The proof on the confirm form: signed, short-lived, single use, bound to the configuration URL ----

type Proof = { configurationUrl: string; registrationToken: string | null; jti: string; expiresAt: Date };

let proofKey: Promise<string> | null = null;
function proofSecret() {
  proofKey ??= installSecret("lti-register").catch((error: unknown) => {
    proofKey = null;
    throw error;
  });
  return proofKey;
}

const sign = (value: string, key: string) =>
  crypto.createHmac("sha256", key).update(`lti-register:${value}`).digest("base64url");

/** The proof the confirm page carries for this configuration URL and registration token. */
export async function makeProof(configurationUrl: string, registrationToken: string | null, now = new Date()) {
  const payload = {
    c: configurationUrl,
    r: registrationToken,
    e: now.getTime() + PROOF_LIFETIME_MS,
    j: crypto.randomBytes(16).toString("base64url"),
  };
  const value = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${value}.${sign(value, await proofSecret())}`;
}

/** The configuration URL and token a proof stands for; refused when forged or expired. */
export async function readProof(proof: string, now = new Date()): Promise<Proof> {
  const [value = "", signature = "", ...rest] = proof.split(".");
  const expected = sign(value, await proofSecret());
  const valid =
    rest.length === 0 &&
    signature.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!valid) throw new RefusedError(PROOF_INVALID, 400);
  const payload = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as {
    c: string;
    r: string | null;
    e: number;
    j: string;
  };
  if (payload.e <= now.getTime()) throw new RefusedError(PROOF_INVALID, 400);
  return { configurationUrl: payload.c, registrationToken: payload.r, jti: payload.j, expiresAt: new Date(payload.e) };
}

/** Spends a proof: a second confirmation with it (a reload, a double click, a replay) is refused. */
async function spendProof(proof: Proof) {
  try {
    await db.ltiRegistrationUse.create({ data: { jti: proof.jti, expiresAt: proof.expiresAt } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new RefusedError(PROOF_USED, 409);
    throw error;
  }
}

/** Used proofs are remembered only until they would have expired anyway (the background job). */
export async function sweepRegistrationProofs(now = new Date()) {
  await db.ltiRegistrationUse.deleteMany({ where: { expiresAt: { lt: now } } });
}

// ---- Registering ----

export type Registered = SelfRegistrationOutcome & {
  config: PlatformConfiguration;
  clientId: string;
  deploymentId: string | null;
};

const idText = (value: unknown): string | null =>
  (typeof value === "string" && value.length > 0 && value.length <= 255) || typeof value === "number"
    ? String(value)
    : null;

/** Sends Gilde's client registration to the platform and stores what it answers. */
export async function registerWithPlatform(
  proofText: string,
  baseUrl: string,
  approvedBy: { id: string; email: string } | null,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<Registered> {
  const proof = await readProof(proofText, now);
  await spendProof(proof);
  const config = await discoverPlatform(proof.configurationUrl, proof.registrationToken);
  const response = await callPlatform(config.registrationEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...bearer(proof.registrationToken) },
    body: JSON.stringify(clientRegistration(baseUrl)),
  });
  if (!response.ok) {
    console.warn(`Dynamische LTI-registratie bij ${config.issuer} geweigerd: HTTP ${response.status}`);
    throw new RefusedError(
      `Je leeromgeving weigerde de registratie van Gilde (HTTP ${response.status}). Er is niets opgeslagen. Start de registratie opnieuw vanuit de leeromgeving; helpt dat niet, vraag dan de beheerder van de leeromgeving wat zij in haar logboek ziet.`,
      502,
    );
  }
  const answer = await readJsonObject(response);
  const clientId = idText(answer?.client_id);
  if (!answer || !clientId)
    throw new RefusedError(
      "Je leeromgeving antwoordde zonder client id voor Gilde. Er is niets opgeslagen; start de registratie opnieuw.",
      502,
    );
  const tool = answer[TOOL_CONFIGURATION_CLAIM] as Record<string, unknown> | undefined;
  const deploymentId = tool && typeof tool === "object" ? idText(tool.deployment_id) : null;
  const outcome = await storeSelfRegistration(
    {
      name: `${productName(config.productFamily)} (${new URL(config.issuer).host})`.slice(0, 120),
      issuer: config.issuer,
      clientId,
      deploymentId,
      authLoginUrl: config.authorizationEndpoint,
      accessTokenUrl: config.tokenEndpoint,
      jwksUrl: config.jwksUri,
      productFamily: config.productFamily,
    },
    approvedBy,
    { ip, now },
  );
  return { ...outcome, config, clientId, deploymentId };
}
