// What a person deciding on a cohort reads on /leergang/:cohortId: who it is for, the programme in weeks, study
// load, contact days, certificate and accreditation, the trainers, the price with and without VAT, how to pay,
// the cancellation terms in words, and seats left.
import { cancellationTerms } from "~/enrollment/cancellation";
import { seatsTaken } from "~/enrollment/enrollment.server";
import { instalmentAmounts, priceBreakdown } from "~/enrollment/price";
import { cohortReleases } from "~/content/access.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { cohortWeeks, hoursPerWeek, programmeWeeks } from "./programme";

/** Said when the admin has not written what this cohort's price includes. */
const DEFAULT_PRICE_INCLUDES =
  "De prijs is voor de hele leergang: alle modules en hun teksten op dit platform, de contactdagen, de begeleiding en beoordeling door je trainers, je gilde en het bewijs van afronding. Boeken die een module aanraadt, koop of leen je zelf.";

/**
 * The cohort as its public page shows it, or null when the page should not exist (→ 404). Today that is exactly
 * what the catalogue lists: a cohort that has not started. A cohort status (concept until published) belongs in
 * this one rule as well.
 */
export async function publicCohortPage(cohortId: string, now = new Date()) {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, startsOn: { gt: now } },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      location: true,
      rhythm: true,
      priceCents: true,
      priceIncludesVat: true,
      priceIncludes: true,
      instalments: true,
      capacity: true,
      intakeOpen: true,
      reservationDays: true,
      refundAfterStartPercent: true,
      accreditationRegister: true,
      accreditationPoints: true,
      contactDays: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, place: true, online: true, topic: true },
      },
      staff: {
        where: { user: { erasedAt: null, role: { in: ["TRAINER", "ADMIN"] } } },
        orderBy: { createdAt: "asc" },
        select: { user: { select: { id: true, name: true, bio: true } } },
      },
    },
  });
  if (!cohort) return null;
  const { modules, leergang } = getCourse();
  const course = leergang.frontmatter;
  const releases = await cohortReleases(cohort.id);
  const weeks = cohortWeeks(cohort.startsOn, cohort.endsOn);
  const planned = programmeWeeks(
    cohort.startsOn,
    cohort.endsOn,
    modules.map((m) => ({ slug: m.slug, opensOn: releases.get(m.slug) ?? null })),
  );
  const price = priceBreakdown(cohort.priceCents, cohort.priceIncludesVat);
  const { staff, contactDays, ...rest } = cohort;
  return {
    cohort: rest,
    seatsLeft: Math.max(0, cohort.capacity - (await seatsTaken(db, cohort.id, now))),
    open: cohort.intakeOpen,
    course: {
      title: course.title,
      level: course.level,
      hours: course.hours,
      ec: course.ec,
      admission: course.admission,
    },
    weeks,
    hoursPerWeek: hoursPerWeek(course.hours, weeks),
    programme: modules.map((m, index) => ({
      ...planned[index]!,
      order: m.frontmatter.order,
      title: m.frontmatter.title,
      summary: m.frontmatter.summary,
      hours: m.frontmatter.hours.total,
      contactHours: m.frontmatter.hours.contact,
    })),
    contactDays,
    trainers: staff.map((s) => s.user),
    price: {
      ...price,
      includes: cohort.priceIncludes.trim() || DEFAULT_PRICE_INCLUDES,
      instalments: cohort.instalments > 1 ? instalmentAmounts(price.inclCents, cohort.instalments) : null,
    },
    terms: cancellationTerms(cohort),
  };
}

export type PublicCohortPage = NonNullable<Awaited<ReturnType<typeof publicCohortPage>>>;
