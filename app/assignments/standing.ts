// Where a participant stands on an assignment, in words, and the one thing to do next: the top of the assignment
// page. Pure: the page's data in, sentences and an action out.
import { formatDateTime } from "~/format";
import type { AssignmentStatus } from "./rules";

export type StandingInput = {
  status: AssignmentStatus;
  /** When the draft was last saved (only meaningful with text in it). */
  draftSavedAt: string | null;
  /** When the latest version was handed in. */
  handedInAt: string | null;
  closed: boolean;
  /** Whether a released assessment is on the page (to point at). */
  hasFeedback: boolean;
  peerReview: boolean;
};

/** Where the next step is done: an anchor on this page, or another page. */
type NextStep = { text: string; action: { label: string; href: string } | null };

export type Standing = { status: string; next: NextStep };

export const WRITING_ANCHOR = "#mijn-uitwerking";
export const FEEDBACK_ANCHOR = "#feedback";

export function standingOn(work: StandingInput): Standing {
  const when = (iso: string | null) => (iso ? formatDateTime(iso) : "");
  switch (work.status) {
    case "open":
      return {
        status: "Nog niet begonnen",
        next: work.closed
          ? { text: "Deze opdracht is gesloten: inleveren kan niet meer. Vraag je trainer wat nu kan.", action: null }
          : {
              text: `Lees de opdracht hieronder en begin met schrijven.`,
              action: { label: "Begin met schrijven", href: WRITING_ANCHOR },
            },
      };
    case "concept":
      return {
        status: work.draftSavedAt ? `Concept bewaard op ${when(work.draftSavedAt)}` : "Concept bewaard",
        next: work.closed
          ? { text: "Deze opdracht is gesloten: inleveren kan niet meer. Vraag je trainer wat nu kan.", action: null }
          : {
              text: `Schrijf verder en lever in als je tevreden bent.`,
              action: { label: "Verder schrijven", href: WRITING_ANCHOR },
            },
      };
    case "ingeleverd":
      return {
        status: `Ingeleverd${work.handedInAt ? ` op ${when(work.handedInAt)}` : ""}, wacht op beoordeling`,
        next: work.peerReview
          ? {
              text: "Je hoeft hier nu niets te doen. Geef intussen feedback aan je gildegenoten.",
              action: { label: "Naar Mijn gilde", href: "/gilde" },
            }
          : { text: "Je hoeft hier nu niets te doen: je trainer bekijkt je werk.", action: null },
      };
    case "herziening":
      return {
        status: "Terug voor herziening",
        next: {
          text: `Lees wat je trainer vraagt, pas je tekst aan en lever opnieuw in.`,
          action: work.hasFeedback
            ? { label: "Lees de feedback", href: FEEDBACK_ANCHOR }
            : { label: "Tekst aanpassen", href: WRITING_ANCHOR },
        },
      };
    case "voldaan":
      return {
        status: "Beoordeeld: voldaan",
        next: {
          text: "Klaar: deze opdracht is voldaan. Lees wat je trainer schreef; het helpt bij de volgende.",
          action: work.hasFeedback ? { label: "Lees de feedback", href: FEEDBACK_ANCHOR } : null,
        },
      };
    case "niet-voldaan":
      return {
        status: "Beoordeeld: niet voldaan",
        next: {
          text: "Lees de feedback en bespreek met je trainer hoe je verder kunt.",
          action: work.hasFeedback ? { label: "Lees de feedback", href: FEEDBACK_ANCHOR } : null,
        },
      };
  }
}
