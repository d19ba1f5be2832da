// The kinds of audit events, with their Dutch names (shared by the server and the admin's audit page).
export const AUDIT_ACTIONS = {
  login: "Ingelogd",
  "login.failed": "Mislukte inlogpoging",
  "role.change": "Rol gewijzigd",
  "grade.release": "Beoordeling vrijgegeven",
  "grade.correction": "Beoordeling gecorrigeerd",
  "participant.message": "Berichtje aan deelnemer gestuurd",
  refund: "Terugbetaling",
  export: "Gegevens gedownload",
  "erasure.request": "Verwijdering aangevraagd",
  erasure: "Gegevens verwijderd",
  retention: "Bewaartermijn verlopen",
  "cohort.publish": "Groep gepubliceerd",
  "cohort.close-intake": "Intake van groep gesloten",
  "cohort.reopen-intake": "Intake van groep heropend",
  "cohort.start": "Groep gestart",
  "cohort.finish": "Groep afgerond",
  "enrollment.employer-start": "Gestart op akkoord van de werkgever",
  "invitation.send": "Uitnodiging verstuurd",
  "invitation.resend": "Uitnodiging opnieuw verstuurd",
  "invitation.withdraw": "Uitnodiging ingetrokken",
  "invitation.accept": "Uitnodiging aangenomen",
  "password.change": "Wachtwoord gewijzigd",
  "email.change": "E-mailadres gewijzigd",
  "session.end": "Sessie beëindigd",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
