// The admin invites a trainer (for some cohorts, or none) or a co-admin by e-mail, and keeps the open invitations
// moving: resend (a new link, a new week) or withdraw. `?groep=<id>` comes from a cohort's page and ticks that cohort.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InviteForm } from "~/components/invitations/invite-form";
import { PendingInvitations } from "~/components/invitations/pending-invitations";
import { formatDateTime, ROLE_LABELS } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission, reply } from "~/forms/submission.server";
import {
  INVITATION_DAYS,
  invitationsOverview,
  inviteStaff,
  resendInvitation,
  withdrawInvitation,
} from "~/invitations/invitations.server";
import { InvitationAction } from "~/invitations/schema";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const overview = await invitationsOverview();
  const asked = new URL(request.url).searchParams.get("groep");
  const preselected = overview.cohorts.some((c) => c.id === asked) ? asked : null;
  return json({ ...overview, preselected, days: INVITATION_DAYS });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const submission = await readSubmission(request, InvitationAction);
  const here = new URL(request.url).pathname;
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "invite": {
        const result = await inviteStaff(admin, value);
        if (result.status === "already-open") {
          const message = `Er staat al een uitnodiging open voor dit adres, verstuurd op ${formatDateTime(result.invitation.lastSentAt)}. Is die niet aangekomen of verlopen? Stuur hem dan opnieuw.`;
          return reply(submission, {
            fieldErrors: { email: message },
            status: 409,
            extra: { openInvitation: result.invitation },
          });
        }
        const email = value.email.trim().toLowerCase();
        return redirectWithFlash(
          here,
          result.existingAccount
            ? `De uitnodiging is verstuurd naar ${email}. Dit adres heeft al een account (${ROLE_LABELS[result.existingAccount]}): de rol komt erbij zodra de uitnodiging is aangenomen.`
            : `De uitnodiging is verstuurd naar ${email}.`,
        );
      }
      case "resend": {
        const { email } = await resendInvitation(admin, value.invitationId);
        return redirectWithFlash(
          here,
          `De uitnodiging is opnieuw verstuurd naar ${email}, met een nieuwe link. De vorige link werkt niet meer.`,
        );
      }
      case "withdraw": {
        const { email } = await withdrawInvitation(admin, value.invitationId);
        return redirectWithFlash(here, `De uitnodiging voor ${email} is ingetrokken. De link werkt niet meer.`);
      }
    }
  });
}

export default function AdminInvitations() {
  const { invitations, cohorts, preselected, days } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beheer: uitnodigingen</h1>
      <p className="muted">
        Nodig een trainer of een andere beheerder uit per e-mail. De link blijft {days} dagen geldig; daarmee kiest
        diegene een wachtwoord en komt meteen in de eigen groep terecht.
      </p>
      <InviteForm cohorts={cohorts} preselected={preselected} />
      <PendingInvitations invitations={invitations} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Uitnodigingen — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
