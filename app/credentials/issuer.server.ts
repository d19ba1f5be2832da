// The issuer: its name, URL and e-mail (set by the admin), its Ed25519 keys (made at first use, kept with the data,
// never in git), and the public profile document that publishes every key as a Multikey. Rotation adds a key and
// retires the old one from signing; retired keys stay published so older credentials keep verifying.
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { MULTIKEY_CONTEXT, OB_CONTEXT, VC_V2_CONTEXT } from "./contexts.server";

const SETTINGS_ID = "issuer";

export type IssuerSettings = { name: string; url: string; email: string };

/** The issuer profile's stable URL: the issuer's id in every credential. */
export const issuerId = () => `${appUrl()}/verifieer/uitgever`;
export const statusListUrl = () => `${appUrl()}/verifieer/status/1`;
export const verificationUrl = (credentialId: string) => `${appUrl()}/verifieer/${credentialId}`;
const keyUrl = (keyId: string) => `${issuerId()}#${keyId}`;

export async function issuerSettings(): Promise<IssuerSettings> {
  const saved = await db.issuerSettings.findUnique({
    where: { id: SETTINGS_ID },
    select: { name: true, url: true, email: true },
  });
  return saved ?? { name: "Gilde — leergang Creative Communities", url: appUrl(), email: "" };
}

export async function saveIssuerSettings(settings: IssuerSettings) {
  await db.issuerSettings.upsert({
    where: { id: SETTINGS_ID },
    create: { id: SETTINGS_ID, ...settings },
    update: settings,
  });
}

/** Makes a new signing key; the keys before it stop signing but stay published. */
export async function rotateIssuerKey() {
  const pair = await Ed25519Multikey.generate();
  const { publicKeyMultibase, secretKeyMultibase } = await pair.export({ publicKey: true, secretKey: true });
  const now = new Date();
  return db.$transaction(async (tx) => {
    await tx.issuerKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
    return tx.issuerKey.create({
      data: { id: publicKeyMultibase, publicKeyMultibase, secretKeyMultibase: secretKeyMultibase!, createdAt: now },
      select: { id: true },
    });
  });
}

/** The key that signs now, made on first use (two instances at once may both make one: the newest signs). */
export async function signingKey() {
  const find = () =>
    db.issuerKey.findFirst({
      where: { retiredAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, publicKeyMultibase: true, secretKeyMultibase: true },
    });
  const key = (await find()) ?? (await rotateIssuerKey(), await find());
  if (!key) throw new Error("No issuer key could be made");
  return Ed25519Multikey.from({
    id: keyUrl(key.id),
    controller: issuerId(),
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  }).then((pair) => ({ keyId: key.id, pair }));
}

export async function publishedKeys() {
  const keys = await db.issuerKey.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, publicKeyMultibase: true, createdAt: true, retiredAt: true },
  });
  return keys.map((k) => ({
    ...k,
    url: keyUrl(k.id),
    document: {
      "@context": MULTIKEY_CONTEXT,
      id: keyUrl(k.id),
      type: "Multikey",
      controller: issuerId(),
      publicKeyMultibase: k.publicKeyMultibase,
    },
  }));
}

/** The issuer profile at its stable URL: an Open Badges Profile that is also the controller document of its keys. */
export async function issuerProfile() {
  const [settings, keys] = await Promise.all([issuerSettings(), publishedKeys()]);
  return {
    "@context": [VC_V2_CONTEXT, OB_CONTEXT, MULTIKEY_CONTEXT],
    id: issuerId(),
    type: ["Profile"],
    name: settings.name,
    url: settings.url,
    ...(settings.email ? { email: settings.email } : {}),
    assertionMethod: keys.map((k) => k.url),
    verificationMethod: keys.map(({ document: { "@context": _context, ...key } }) => key),
  };
}
