// Password rules, shared by the forms and the server.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** A Dutch message when the password is not acceptable, otherwise null. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Kies een wachtwoord van minstens ${PASSWORD_MIN} tekens.`;
  if (length > PASSWORD_MAX) return `Een wachtwoord mag hoogstens ${PASSWORD_MAX} tekens lang zijn.`;
  if (password.trim().length === 0) return "Een wachtwoord van alleen spaties is niet veilig.";
  return null;
}
