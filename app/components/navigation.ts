// What each role may use. Later capabilities add their entries here.
export type NavRole = "PARTICIPANT" | "TRAINER" | "ADMIN";
export type NavItem = { to: string; label: string; roles: NavRole[] };

const NAV_ITEMS: NavItem[] = [
  { to: "/dashboard", label: "Overzicht", roles: ["PARTICIPANT", "TRAINER", "ADMIN"] },
  { to: "/modules", label: "Modules", roles: ["PARTICIPANT", "TRAINER", "ADMIN"] },
  { to: "/wijk", label: "Mijn wijk", roles: ["PARTICIPANT"] },
  { to: "/opdrachten", label: "Opdrachten", roles: ["PARTICIPANT"] },
  { to: "/gilde", label: "Mijn gilde", roles: ["PARTICIPANT"] },
  { to: "/beoordelen", label: "Beoordelen", roles: ["TRAINER", "ADMIN"] },
  { to: "/community", label: "Community", roles: ["PARTICIPANT", "TRAINER", "ADMIN"] },
  { to: "/beheer", label: "Beheer", roles: ["ADMIN"] },
];

export function navFor(role: NavRole | undefined): NavItem[] {
  return role ? NAV_ITEMS.filter((item) => item.roles.includes(role)) : [];
}
