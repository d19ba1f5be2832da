// Demo data for login with eduID / SURFconext (issue 25). The providers are off in the demo (no network), but two
// participants have linked accounts, so the admin (beheer@) sees eppn and home organisation in /beheer/gebruikers
// and deelnemer2@ sees the link on /account, with the button to unlink it. Adds nothing twice.
import { db } from "../app/db.server";

const LINKS = [
  {
    email: "deelnemer2@gilde.test",
    provider: "SURFCONEXT" as const,
    subject: "demo-surfconext-7f3a9c",
    eppn: "y.elamrani@hva.nl",
    schacHomeOrganization: "hva.nl",
  },
  {
    email: "deelnemer3@gilde.test",
    provider: "EDUID" as const,
    subject: "demo-eduid-2b81e4",
    eppn: "2b81e4@eduid.nl",
    schacHomeOrganization: "eduid.nl",
  },
];

export async function seedOidcDemo(now = new Date()) {
  for (const link of LINKS) {
    const user = await db.user.findUnique({ where: { email: link.email }, select: { id: true } });
    if (!user) continue;
    const { email, ...identity } = link;
    await db.externalIdentity.upsert({
      where: { provider_subject: { provider: link.provider, subject: link.subject } },
      create: {
        ...identity,
        email,
        userId: user.id,
        linkedAt: new Date(now.getTime() - 12 * 86_400_000),
        lastLoginAt: now,
      },
      update: {},
    });
  }
}
