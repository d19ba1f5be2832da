// Verifying a credential, for anyone: one stored by id, or one pasted or uploaded. Each failure gets its own Dutch
// verdict (not JSON, not a credential, another issuer, an unknown key, a broken signature and which fields were
// changed, not yet valid, revoked), never a 500.
import { db } from "~/db.server";
import { formatDate } from "~/format";
import { issuerId, issuerSettings, publishedKeys } from "./issuer.server";
import { checkProof } from "./proof.server";
import { revokedInList, statusListCredential } from "./status-list.server";

/** A credential is a few kilobytes; anything far larger is not one. */
export const MAX_CREDENTIAL_CHARS = 200_000;

type VerdictStatus = "valid" | "revoked" | "invalid" | "unknown";

export type Verdict = {
  status: VerdictStatus;
  /** One short sentence: what this means. */
  headline: string;
  /** What exactly failed, each in a sentence. */
  problems: string[];
  credential: CredentialSummary | null;
};

type CredentialSummary = {
  id: string;
  name: string;
  recipient: string;
  achievement: string;
  description: string;
  issuer: string;
  validFrom: string;
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const text = (value: unknown) => (typeof value === "string" ? value : "");

function summarize(credential: Json): CredentialSummary {
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const issuer = isObject(credential.issuer) ? text(credential.issuer.name) : text(credential.issuer);
  const name = asArray(subject.identifier).find((i) => isObject(i) && i.identityType === "name" && !i.hashed);
  return {
    id: text(credential.id).replace(/^urn:uuid:/, ""),
    name: text(credential.name),
    recipient: isObject(name) ? text(name.identityHash) : "",
    achievement: text(achievement.name),
    description: text(achievement.description),
    issuer,
    validFrom: text(credential.validFrom),
  };
}

const verdict = (status: VerdictStatus, headline: string, problems: string[] = [], credential: Json | null = null) => ({
  status,
  headline,
  problems,
  credential: credential ? summarize(credential) : null,
});

/** The JSON paths where two documents differ (the proof left out), to say which fields were changed. */
function changedFields(given: unknown, issued: unknown, path = ""): string[] {
  if (JSON.stringify(given) === JSON.stringify(issued)) return [];
  if (isObject(given) && isObject(issued)) {
    const keys = [...new Set([...Object.keys(given), ...Object.keys(issued)])].filter((k) => path || k !== "proof");
    return keys.flatMap((k) => changedFields(given[k], issued[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(given) && Array.isArray(issued) && given.length === issued.length)
    return given.flatMap((g, i) => changedFields(g, issued[i], `${path}[${i}]`));
  return [path || "(het hele document)"];
}

const FIELD_NAMES: [RegExp, string][] = [
  [/^credentialSubject\.identifier/, "de ontvanger"],
  [/^credentialSubject\.achievement/, "wat er behaald is"],
  [/^credentialSubject/, "de gegevens van de ontvanger"],
  [/^issuer/, "de uitgever"],
  [/^valid(From|Until)/, "de geldigheidsdatum"],
  [/^credentialStatus/, "de intrekkingsgegevens"],
];

function describeField(path: string) {
  return FIELD_NAMES.find(([pattern]) => pattern.test(path))?.[1] ?? "een ander veld";
}

/** Verifies a credential document that claims to be ours. */
async function verifyDocument(credential: unknown, now = new Date()): Promise<Verdict> {
  if (!isObject(credential) || !asArray(credential.type).includes("VerifiableCredential"))
    return verdict("invalid", "Dit is geen verifieerbaar certificaat.", [
      "Er staat geen ‘VerifiableCredential’ in: dit lijkt een ander soort JSON-bestand. Plak de inhoud van het .json-bestand dat je bij je certificaat hebt gedownload.",
    ]);
  const issuer = isObject(credential.issuer) ? text(credential.issuer.id) : text(credential.issuer);
  if (issuer !== issuerId()) {
    const { name } = await issuerSettings();
    return verdict(
      "unknown",
      "Dit certificaat is niet door ons uitgegeven.",
      [
        `De uitgever is ${issuer || "onbekend"}; deze pagina controleert alleen certificaten van ${name}. Controleer het bij de uitgever zelf.`,
      ],
      credential,
    );
  }
  const proof = asArray(credential.proof)[0];
  if (!isObject(proof))
    return verdict(
      "invalid",
      "Dit certificaat is niet ondertekend.",
      ["Er zit geen handtekening (proof) in."],
      credential,
    );
  const keys = await publishedKeys();
  if (!keys.some((k) => k.url === proof.verificationMethod))
    return verdict(
      "invalid",
      "Dit certificaat is ondertekend met een sleutel die wij niet kennen.",
      [
        "De handtekening hoort niet bij een van onze gepubliceerde sleutels, dus we kunnen niet bevestigen dat het echt is.",
      ],
      credential,
    );

  const validFrom = Date.parse(text(credential.validFrom));
  if (Number.isFinite(validFrom) && validFrom > now.getTime() + 5 * 60_000)
    return verdict(
      "invalid",
      "Dit certificaat is nog niet geldig.",
      [`Het is pas geldig vanaf ${formatDate(new Date(validFrom))}.`],
      credential,
    );

  const check = await checkProof(credential, {
    documents: new Map(keys.map((k) => [k.url, k.document])),
    controller: { id: issuerId(), assertionMethod: keys.map((k) => k.url) },
    now,
  });
  if (!check.verified)
    return verdict("invalid", "De handtekening klopt niet.", await whatFailed(credential, check.errors), credential);

  const stored = await storedStatus(text(credential.id).replace(/^urn:uuid:/, ""), credential);
  if (stored) return stored;
  return verdict("valid", "Dit certificaat is geldig.", [], credential);
}

async function whatFailed(credential: Json, errors: Error[]): Promise<string[]> {
  const messages = errors.map((e) => e.message);
  if (messages.some((m) => /safe mode|protected term|undefined term|relative/i.test(m)))
    return [
      "Het certificaat bevat velden die niet bij Open Badges 3.0 horen, of de contexten zijn veranderd: het is na uitgifte aangepast.",
    ];
  const id = text(credential.id).replace(/^urn:uuid:/, "");
  const original = id ? await db.credential.findUnique({ where: { id }, select: { document: true } }) : null;
  if (original) {
    const changed = changedFields(credential, original.document);
    const fields = [...new Set(changed.map(describeField))];
    if (changed.length)
      return [
        `Het certificaat is na uitgifte veranderd: ${fields.join(", ")} (${changed.slice(0, 5).join(", ")}${changed.length > 5 ? " …" : ""}).`,
      ];
  }
  return ["Het certificaat is na uitgifte veranderd, of de handtekening is beschadigd."];
}

/** The verdict from our own records (revoked, or replaced), checked against the published status list. */
async function storedStatus(id: string, credential: Json): Promise<Verdict | null> {
  const stored = id
    ? await db.credential.findUnique({
        where: { id },
        select: { statusIndex: true, revokedAt: true, revokedReason: true },
      })
    : null;
  if (!stored) return null;
  const list = await statusListCredential();
  if (!revokedInList(list, stored.statusIndex)) return null;
  return verdict(
    "revoked",
    "Dit certificaat is ingetrokken.",
    [
      `Ingetrokken op ${stored.revokedAt ? formatDate(stored.revokedAt) : "onbekende datum"}.${stored.revokedReason ? ` Reden: ${stored.revokedReason}` : ""}`,
    ],
    credential,
  );
}

const tooLarge = (size: number) =>
  verdict("invalid", "Dit is te groot voor een certificaat.", [
    `Een certificaat is een paar kilobyte; dit is ${Math.round(size / 1024)} kB. Kies of plak alleen het .json-bestand van het certificaat.`,
  ]);

/** An uploaded file: not read at all when it is far too large to be a credential. */
export async function verifyUpload(file: File, now = new Date()): Promise<Verdict> {
  return file.size > MAX_CREDENTIAL_CHARS ? tooLarge(file.size) : verifyText(await file.text(), now);
}

/** A pasted or uploaded text: too large, not JSON, or a credential to verify. */
export async function verifyText(input: string, now = new Date()): Promise<Verdict> {
  if (input.length > MAX_CREDENTIAL_CHARS) return tooLarge(input.length);
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return verdict("invalid", "Dit is geen leesbare JSON.", [
      "Controleer of je het hele bestand hebt geplakt, van de eerste { tot de laatste }.",
    ]);
  }
  return verifyDocument(parsed, now);
}

/** The public page for a stored credential: its stored document verified as anyone would, or null when unknown. */
export async function verifyStored(id: string, now = new Date()): Promise<Verdict | null> {
  const stored = /^[0-9a-f-]{36}$/.test(id)
    ? await db.credential.findUnique({ where: { id }, select: { document: true } })
    : null;
  if (!stored) return null;
  return verifyDocument(stored.document, now);
}
