// A trainer reads how a participant's picture of their wijk grew (all versions). Only trainers of a cohort the
// participant is in, and admins.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WijkHistory } from "~/components/wijk-history";
import { participantForTrainer, wijkHistory } from "~/wijk/wijk.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const participant = await participantForTrainer(trainer, params.userId ?? "");
  if (!participant)
    throw new Response("Deze deelnemer bestaat niet, of zit niet in een groep van jou.", { status: 404 });
  return json({ participant, versions: await wijkHistory(participant.id) });
}

export default function ParticipantWijk() {
  const { participant, versions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>De wijk van {participant.name}</h1>
      {versions.length === 0 ? (
        <p className="notice">{participant.name} heeft het wijkprofiel nog niet ingevuld.</p>
      ) : (
        <WijkHistory versions={versions} />
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Wijkprofiel van een deelnemer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
