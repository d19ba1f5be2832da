// Demo data for certificates (issue 21): the alumnus (alumnus@gilde.test) has a signed Open Badge for "Najaar 2025"
// on /account/certificaat, and an earlier one the admin revoked with a reason, so /verifieer shows both verdicts
// and /beheer/certificaten has one of each; the other demo alumni have theirs too. Runs after the other seeds; adds nothing twice.
import { issueCredential, revokeCredential } from "../app/credentials/issue.server";
import { saveIssuerSettings } from "../app/credentials/issuer.server";
import { db } from "../app/db.server";
import { appUrl } from "../app/env.server";

export async function seedCredentialsDemo() {
  const [alumnus, admin] = await Promise.all([
    db.user.findUnique({ where: { email: "alumnus@gilde.test" }, select: { id: true } }),
    db.user.findUnique({ where: { email: "beheer@gilde.test" }, select: { id: true, email: true } }),
  ]);
  if (!alumnus || !admin) return;
  const enrollment = await db.enrollment.findFirst({
    where: { userId: alumnus.id, status: "COMPLETED", completedAt: { not: null } },
    select: { cohortId: true, completedAt: true },
  });
  if (!enrollment?.completedAt || (await db.credential.count({ where: { userId: alumnus.id } }))) return;
  await saveIssuerSettings({
    name: "Gilde — leergang Creative Communities",
    url: appUrl(),
    email: "certificaten@gilde.test",
  });
  const issuedAt = new Date(enrollment.completedAt.getTime() + 24 * 60 * 60_000);
  const first = await issueCredential(enrollment.cohortId, alumnus.id, issuedAt);
  await revokeCredential(
    first.id,
    "Uitgegeven voordat de tweede beoordeling van het eindwerk rond was; vervangen door een nieuw certificaat.",
    admin,
    new Date(issuedAt.getTime() + 60 * 60_000),
  );
  await issueCredential(enrollment.cohortId, alumnus.id, new Date(issuedAt.getTime() + 2 * 60 * 60_000));
  // The other alumni of the demo get theirs as on completion.
  const others = await db.enrollment.findMany({
    where: { status: "COMPLETED", completedAt: { not: null }, userId: { not: alumnus.id } },
    select: { cohortId: true, userId: true, completedAt: true },
  });
  for (const e of others) await issueCredential(e.cohortId, e.userId, e.completedAt!);
}
