// How an invitation is put into words, on the admin's list, the accept page and in the mail.
export type InvitedRole = "TRAINER" | "ADMIN";

/** Whether someone with `current` already has everything `invited` gives (an admin may do all a trainer does). */
export function hasRole(current: string, invited: InvitedRole): boolean {
  return current === "ADMIN" || current === invited;
}

/** "trainer van ‘Voorjaar 2027’ en ‘Najaar 2026’", "trainer", "beheerder". */
export function roleWords(role: InvitedRole, cohortNames: string[]): string {
  if (role === "ADMIN") return "beheerder";
  if (cohortNames.length === 0) return "trainer";
  const names = cohortNames.map((n) => `‘${n}’`);
  const last = names.pop();
  return `trainer van ${names.length ? `${names.join(", ")} en ${last}` : last}`;
}
