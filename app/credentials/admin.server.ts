// What the admin sees and does on /beheer/certificaten: the issuer's settings and keys, every credential with its
// status, and per cohort the completions for edubadges.
import { audit } from "~/audit/audit.server";
import { db } from "~/db.server";
import {
  publishedKeys,
  rotateIssuerKey,
  saveIssuerSettings,
  issuerSettings,
  type IssuerSettings,
} from "./issuer.server";

type Actor = { id: string; email: string };

export async function issuerOverview() {
  const [settings, keys, credentials, cohorts] = await Promise.all([
    issuerSettings(),
    publishedKeys(),
    db.credential.findMany({
      orderBy: { issuedAt: "desc" },
      take: 200,
      select: {
        id: true,
        issuedAt: true,
        recipientName: true,
        userId: true,
        cohortId: true,
        currentFor: true,
        revokedAt: true,
        revokedReason: true,
        cohort: { select: { name: true } },
      },
    }),
    db.cohort.findMany({
      where: { enrollments: { some: { status: "COMPLETED" } } },
      orderBy: { startsOn: "desc" },
      select: { id: true, name: true, _count: { select: { enrollments: { where: { status: "COMPLETED" } } } } },
    }),
  ]);
  const current = new Set(credentials.map((c) => c.currentFor).filter(Boolean));
  return {
    settings,
    keys: keys.map((k) => ({ id: k.id, createdAt: k.createdAt, retiredAt: k.retiredAt })),
    credentials: credentials.map(({ currentFor, userId, cohortId, ...c }) => ({
      ...c,
      current: currentFor !== null,
      // A revoked credential whose completion has no current one may be issued anew (re-checked on re-issue).
      reissuable: currentFor === null && !current.has(`${cohortId}:${userId}`),
    })),
    cohorts: cohorts.map((c) => ({ id: c.id, name: c.name, completed: c._count.enrollments })),
  };
}

export async function changeIssuerSettings(settings: IssuerSettings, actor: Actor) {
  await saveIssuerSettings(settings);
  await audit(db, {
    action: "credential.settings",
    actor,
    summary: `Uitgever van certificaten: ${settings.name}, ${settings.url}, ${settings.email}`,
  });
}

export async function rotateKey(actor: Actor) {
  const key = await rotateIssuerKey();
  await audit(db, {
    action: "credential.key-rotate",
    actor,
    subjectId: key.id,
    summary: "Nieuwe ondertekeningssleutel",
  });
}
