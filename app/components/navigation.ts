// What each person may open, as menu items. Later capabilities add their entries here. The audience is the role,
// and for a participant where they stand (app/dashboard/audience.server.ts): an applicant without an active
// enrollment and an alumnus see only pages they may actually open, never a link that answers 403.
export type NavAudience = "PARTICIPANT" | "APPLICANT" | "ALUMNUS" | "TRAINER" | "ADMIN";
export type NavItem = { to: string; label: string; audiences: NavAudience[] };

const NAV_ITEMS: NavItem[] = [
  { to: "/dashboard", label: "Overzicht", audiences: ["PARTICIPANT", "ALUMNUS", "TRAINER", "ADMIN"] },
  { to: "/dashboard", label: "Mijn aanmelding", audiences: ["APPLICANT"] },
  { to: "/leergang", label: "Leergang", audiences: ["APPLICANT"] },
  { to: "/modules", label: "Modules", audiences: ["PARTICIPANT", "APPLICANT", "ALUMNUS", "TRAINER", "ADMIN"] },
  { to: "/wijk", label: "Mijn wijk", audiences: ["PARTICIPANT"] },
  { to: "/opdrachten", label: "Opdrachten", audiences: ["PARTICIPANT"] },
  { to: "/gilde", label: "Mijn gilde", audiences: ["PARTICIPANT"] },
  { to: "/agenda", label: "Agenda", audiences: ["PARTICIPANT", "TRAINER"] },
  { to: "/beoordelen", label: "Beoordelen", audiences: ["TRAINER", "ADMIN"] },
  { to: "/community", label: "Community", audiences: ["PARTICIPANT", "ALUMNUS", "TRAINER", "ADMIN"] },
  { to: "/praktijk", label: "Praktijkvoorbeelden", audiences: ["ALUMNUS"] },
  { to: "/beheer", label: "Beheer", audiences: ["ADMIN"] },
];

export function navFor(audience: NavAudience | undefined): NavItem[] {
  return audience ? NAV_ITEMS.filter((item) => item.audiences.includes(audience)) : [];
}

/** How the header names someone: an alumnus is an alumnus, not a participant. */
export const AUDIENCE_LABELS: Record<NavAudience, string> = {
  PARTICIPANT: "deelnemer",
  APPLICANT: "aanmelder",
  ALUMNUS: "alumnus",
  TRAINER: "trainer",
  ADMIN: "beheerder",
};
