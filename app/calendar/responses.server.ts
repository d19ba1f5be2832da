// A participant's answer to a contact day before it starts: "ik kom", or "ik kan niet" with a reason for the trainer.
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";

export async function respondToContactDay(
  user: SessionUser,
  input: { day: string; coming: "ja" | "nee"; reason: string },
  now = new Date(),
) {
  const day = await db.contactDay.findFirst({
    where: { id: input.day, cohort: { enrollments: { some: { userId: user.id, status: "ACTIVE" } } } },
    select: { id: true, startsAt: true },
  });
  if (!day) throw new RefusedError("Deze contactdag bestaat niet (meer) in jouw groep.", 404);
  if (day.startsAt <= now)
    throw new RefusedError(
      "Deze dag is al begonnen; je antwoord kun je niet meer veranderen. Laat het je trainer weten.",
      409,
    );
  const coming = input.coming === "ja";
  const data = { coming, reason: coming ? "" : input.reason };
  await db.contactDayResponse.upsert({
    where: { contactDayId_userId: { contactDayId: day.id, userId: user.id } },
    create: { contactDayId: day.id, userId: user.id, ...data },
    update: data,
  });
  return coming;
}
