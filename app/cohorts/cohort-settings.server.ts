// One cohort's facts and catalogue settings as the admin edits them. More seats (or a later change that frees
// one) go to the waiting list at once; fewer seats than are already taken is refused next to the field.
import { db } from "~/db.server";
import { offerFreeSeats } from "~/enrollment/waitlist.server";
import { lockCohort, seatsTaken } from "~/enrollment/seats.server";
import { RefusedError } from "~/errors.server";
import { isoDay } from "~/format";
import type { CatalogueInput, CohortSettingsInput } from "./settings-form";

/** The settings form's starting values, as the form shows them (dates as yyyy-mm-dd, the price in euros). */
export async function cohortSettings(cohortId: string) {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      priceCents: true,
      capacity: true,
      location: true,
      rhythm: true,
      priceIncludesVat: true,
      autoPlaceInGilde: true,
      reservationDays: true,
      refundAfterStartPercent: true,
      accreditationRegister: true,
      accreditationPoints: true,
      priceIncludes: true,
      instalments: true,
    },
  });
  if (!cohort) throw new Response("Niet gevonden", { status: 404 });
  const {
    priceCents,
    startsOn,
    endsOn,
    accreditationRegister,
    accreditationPoints,
    priceIncludes,
    instalments,
    ...rest
  } = cohort;
  return {
    ...rest,
    catalogue: { accreditationRegister, accreditationPoints: accreditationPoints ?? "", priceIncludes, instalments },
    startsOn: isoDay(startsOn),
    endsOn: isoDay(endsOn),
    price: (priceCents / 100).toFixed(2).replace(".", ","),
  };
}

export async function saveCohortSettings(cohortId: string, { price, ...input }: CohortSettingsInput, now = new Date()) {
  await db.$transaction(async (tx) => {
    await lockCohort(tx, cohortId);
    const taken = await seatsTaken(tx, cohortId, now);
    if (input.capacity < taken) {
      const message = `Er zijn al ${taken} plaatsen bezet of vastgehouden: kies minstens ${taken}.`;
      throw new RefusedError(message, 400, { capacity: message });
    }
    await tx.cohort.update({ where: { id: cohortId }, data: { ...input, priceCents: price } });
    await offerFreeSeats(tx, cohortId, now);
  });
}

/** What the public page adds: accreditation (no points without a register), what the price includes, instalments. */
export async function saveCatalogue(cohortId: string, input: CatalogueInput) {
  await db.cohort.update({ where: { id: cohortId }, data: input });
}
