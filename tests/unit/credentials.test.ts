// The credential's proof: the W3C eddsa-rdfc-2022 test vector verifies with our bundled loader; what Gilde issues
// verifies with the same independent verifier; any change to the subject or the achievement breaks it; a key
// that was rotated out still verifies what it signed; the status list says which credential is revoked.
import fs from "node:fs";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { describe, expect, it } from "vitest";
import { encodeStatusList, statusBit } from "~/credentials/bitstring";
import { buildCredential, type CredentialFacts } from "~/credentials/build";
import { staticDocumentLoader, UnknownDocumentError } from "~/credentials/contexts.server";
import { checkProof, signCredential } from "~/credentials/proof.server";

const vector = JSON.parse(fs.readFileSync("tests/fixtures/credentials/vc-di-eddsa-rdfc-2022.json", "utf8"));
const ISSUER = "https://gilde.test/verifieer/uitgever";

const facts: CredentialFacts = {
  id: "5f0c7d5e-8d3b-4c1e-9a53-2f9d0c6b7a11",
  issuedAt: new Date("2026-06-20T10:00:00Z"),
  issuer: { id: ISSUER, name: "Gilde", url: "https://gilde.test", email: "certificaten@gilde.test" },
  recipient: { name: "Ada de Vries", emailHash: "ab".repeat(32), salt: "zout" },
  cohort: {
    name: "Voorjaar 2027",
    startsOn: new Date("2026-02-01T00:00:00Z"),
    completedAt: new Date("2026-06-19T15:00:00Z"),
  },
  course: {
    title: "Creative Communities",
    level: "post-hbo (NLQF 6)",
    ec: 6,
    hours: 168,
    achievementUrl: "https://gilde.test/leergang/opbouw",
    goals: [
      { module: "De wijk lezen", text: "Je brengt een wijk in kaart.", url: "https://gilde.test/modules/01-wijk" },
    ],
  },
  status: { listUrl: "https://gilde.test/verifieer/status/1", index: 4711 },
};

async function issuerKey() {
  const pair = await Ed25519Multikey.generate();
  const exported = await pair.export({ publicKey: true, secretKey: true });
  const id = `${ISSUER}#${exported.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({ ...exported, id, controller: ISSUER });
  const document = {
    "@context": "https://w3id.org/security/multikey/v1",
    id,
    type: "Multikey",
    controller: ISSUER,
    publicKeyMultibase: exported.publicKeyMultibase,
  };
  return { keyPair, id, document };
}

async function verifyWith(credential: object, keys: { id: string; document: object }[]) {
  return checkProof(credential, {
    documents: new Map(keys.map((k) => [k.id, k.document])),
    controller: { id: ISSUER, assertionMethod: keys.map((k) => k.id) },
  });
}

const messages = (check: Awaited<ReturnType<typeof checkProof>>) =>
  check.verified ? [] : check.errors.map((e) => e.message);

describe("the eddsa-rdfc-2022 test vector", () => {
  // The vector's key belongs to a did:key while its issuer is an https URL; we serve the key as the issuer's, as the
  // proof is about the cryptosuite and the signed data, not about DID resolution.
  const key = { ...vector.publicKey, controller: vector.signed.issuer };
  const check = (credential: object) =>
    checkProof(credential, {
      documents: new Map<string, object>([
        [vector.examplesContext.url, vector.examplesContext.document],
        [key.id, key],
      ]),
      controller: { id: vector.signed.issuer, assertionMethod: [key.id] },
    });

  it("verifies with our bundled contexts", async () => {
    expect(await check(vector.signed)).toEqual({ verified: true });
  });

  it("fails when one word of it changes", async () => {
    const changed = structuredClone(vector.signed);
    changed.credentialSubject.alumniOf = "The School of Forgeries";
    expect(messages(await check(changed))).toContain("Invalid signature.");
  });
});

describe("the credential Gilde issues", () => {
  it("is an OpenBadgeCredential with the contexts in the required order and a Data Integrity proof", async () => {
    const key = await issuerKey();
    const signed = (await signCredential(buildCredential(facts), key.keyPair)) as ReturnType<typeof buildCredential> & {
      proof: Record<string, string>;
    };
    expect(signed["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
    expect(signed.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(signed.credentialSubject.type).toEqual(["AchievementSubject"]);
    expect(signed.proof).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      proofPurpose: "assertionMethod",
      verificationMethod: key.id,
    });
    expect(await verifyWith(signed, [key])).toEqual({ verified: true });
  });

  const tamperings: [string, (c: ReturnType<typeof buildCredential>) => void][] = [
    ["the recipient's name", (c) => (c.credentialSubject.identifier[1]!.identityHash = "Eve")],
    ["the e-mail hash", (c) => (c.credentialSubject.identifier[0]!.identityHash = `sha256$${"cd".repeat(32)}`)],
    ["the end date", (c) => (c.credentialSubject.activityEndDate = "2026-01-01T00:00:00Z")],
    ["the credits earned", (c) => (c.credentialSubject.creditsEarned = 60)],
    ["the cohort", (c) => (c.credentialSubject.term = "Najaar 2099")],
    ["the achievement's name", (c) => (c.credentialSubject.achievement.name = "Master Creative Communities")],
    ["the achievement's description", (c) => (c.credentialSubject.achievement.description += "!")],
    ["the criteria", (c) => (c.credentialSubject.achievement.criteria.narrative = "Aanwezig geweest.")],
    ["the study load", (c) => (c.credentialSubject.achievement.creditsAvailable = 30)],
    ["a learning goal", (c) => (c.credentialSubject.achievement.alignment[0]!.targetName = "Iets anders.")],
    ["the issuer's name", (c) => (c.issuer.name = "Diplomafabriek")],
    ["the valid-from date", (c) => (c.validFrom = "2020-01-01T00:00:00Z")],
    ["the status index", (c) => (c.credentialStatus.statusListIndex = "1")],
  ];

  it.each(tamperings)("breaks when %s changes", async (_what, tamper) => {
    const key = await issuerKey();
    const signed = await signCredential(buildCredential(facts), key.keyPair);
    const changed = structuredClone(signed);
    tamper(changed);
    expect(messages(await verifyWith(changed, [key]))).toContain("Invalid signature.");
  });

  it("still verifies after a key rotation, as long as the old key stays published", async () => {
    const [old, fresh] = [await issuerKey(), await issuerKey()];
    const signedBefore = await signCredential(buildCredential(facts), old.keyPair);
    expect(await verifyWith(signedBefore, [old, fresh])).toEqual({ verified: true });
    // A key that is no longer published (or another issuer's) is unknown: nothing is fetched to find it.
    const withoutOld = await verifyWith(signedBefore, [fresh]);
    expect(withoutOld.verified).toBe(false);
  });

  it("the loader refuses any URL it does not hold instead of fetching it", async () => {
    const load = staticDocumentLoader();
    await expect(load("https://example.com/context.json")).rejects.toBeInstanceOf(UnknownDocumentError);
    await expect(load("https://www.w3.org/ns/credentials/v2")).resolves.toMatchObject({
      documentUrl: expect.any(String),
    });
  });
});

describe("the Bitstring Status List", () => {
  it("sets exactly the revoked bits, in a list of 16 KB", () => {
    const list = encodeStatusList([0, 7, 4711, 131071]);
    for (const index of [0, 7, 4711, 131071]) expect(statusBit(list, index)).toBe(true);
    for (const index of [1, 6, 8, 4710, 4712, 131070]) expect(statusBit(list, index)).toBe(false);
    expect(() => statusBit(list, 131072)).toThrow(RangeError);
    expect(list.startsWith("u")).toBe(true);
  });
});
