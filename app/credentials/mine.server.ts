// A participant's own certificates, for /account/certificaat and its downloads (anyone else's: not found).
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { ensureCredentials } from "./issue.server";
import { issuerSettings, verificationUrl } from "./issuer.server";
import { linkedInAddUrl } from "./linkedin";

export async function myCertificates(user: { id: string; name: string }) {
  await ensureCredentials(user.id);
  const [credentials, issuer, active] = await Promise.all([
    db.credential.findMany({
      where: { userId: user.id },
      orderBy: { issuedAt: "desc" },
      select: {
        id: true,
        issuedAt: true,
        recipientName: true,
        currentFor: true,
        revokedAt: true,
        revokedReason: true,
        cohort: { select: { name: true } },
      },
    }),
    issuerSettings(),
    db.enrollment.count({ where: { userId: user.id, status: "ACTIVE" } }),
  ]);
  const title = getCourse().leergang.frontmatter.title;
  return {
    inProgress: active > 0,
    certificates: credentials.map((c) => ({
      id: c.id,
      cohortName: c.cohort.name,
      issuedAt: c.issuedAt,
      recipientName: c.recipientName,
      current: c.currentFor !== null,
      revokedAt: c.revokedAt,
      revokedReason: c.revokedReason,
      nameChanged: c.currentFor !== null && c.recipientName !== user.name,
      verifyUrl: verificationUrl(c.id),
      linkedInUrl: linkedInAddUrl({
        name: title,
        organization: issuer.name,
        issuedAt: c.issuedAt,
        id: c.id,
        url: verificationUrl(c.id),
      }),
    })),
  };
}

/** The signed document, only for its own participant. */
export async function myCredentialDocument(userId: string, credentialId: string) {
  return db.credential.findFirst({
    where: { id: credentialId, userId },
    select: { id: true, document: true, issuedAt: true, recipientName: true, revokedAt: true },
  });
}

/** Everything the PDF prints, only for its own participant. */
export async function myCertificateFacts(userId: string, credentialId: string) {
  const credential = await db.credential.findFirst({
    where: { id: credentialId, userId },
    select: {
      id: true,
      issuedAt: true,
      recipientName: true,
      revokedAt: true,
      cohort: {
        select: {
          name: true,
          startsOn: true,
          staff: { select: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
          enrollments: { where: { userId }, select: { completedAt: true } },
        },
      },
    },
  });
  if (!credential) return null;
  const course = getCourse().leergang.frontmatter;
  const issuer = await issuerSettings();
  return {
    id: credential.id,
    recipientName: credential.recipientName,
    revoked: credential.revokedAt !== null,
    issuedAt: credential.issuedAt,
    cohortName: credential.cohort.name,
    startsOn: credential.cohort.startsOn,
    completedAt: credential.cohort.enrollments[0]?.completedAt ?? credential.issuedAt,
    trainers: credential.cohort.staff.map((s) => s.user.name),
    course: { title: course.title, level: course.level, ec: course.ec, hours: course.hours },
    issuer,
    verifyUrl: verificationUrl(credential.id),
  };
}

export type CertificateFacts = NonNullable<Awaited<ReturnType<typeof myCertificateFacts>>>;
