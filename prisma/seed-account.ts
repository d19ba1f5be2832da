// Demo data for /account (issue 19): Dewi de Vries (deelnemer@gilde.test) is signed in on her phone and her
// work laptop as well, so "Waar je bent ingelogd" shows devices to log out. The sessions' secrets are thrown
// away at once: nobody can use them, they only show up in the list. Runs after the other seeds; adds nothing twice.
import { randomToken, sha256 } from "../app/auth/tokens.server";
import { db } from "../app/db.server";

const MINUTE = 60_000;
const DEVICES = [
  {
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    lastSeenAgo: 40 * MINUTE,
    startedAgo: 9 * 24 * 60 * MINUTE,
  },
  {
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    lastSeenAgo: 26 * 60 * MINUTE,
    startedAgo: 20 * 24 * 60 * MINUTE,
  },
  {
    userAgent:
      "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    lastSeenAgo: 6 * 24 * 60 * MINUTE,
    startedAgo: 12 * 24 * 60 * MINUTE,
  },
];

export async function seedAccountDemo(now = new Date()) {
  const dewi = await db.user.findUnique({ where: { email: "deelnemer@gilde.test" }, select: { id: true } });
  if (!dewi) return;
  if (await db.session.count({ where: { userId: dewi.id, userAgent: { not: "" } } })) return;
  await db.session.createMany({
    data: DEVICES.map((device) => ({
      id: randomToken(),
      secretHash: sha256(randomToken()),
      userId: dewi.id,
      userAgent: device.userAgent,
      createdAt: new Date(now.getTime() - device.startedAgo),
      lastSeenAt: new Date(now.getTime() - device.lastSeenAgo),
      expiresAt: new Date(now.getTime() - device.startedAgo + 30 * 24 * 60 * MINUTE),
    })),
  });
}
