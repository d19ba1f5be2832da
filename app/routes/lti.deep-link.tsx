// Deep Linking, step two: the teacher who came from "Gilde toevoegen" in the LMS ticks modules and assignments.
// The answer to the LMS is made by /lti/deep-link/antwoord (app/lti/deep-link.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DeepLinkPicker } from "~/components/lti/deep-link-picker";
import { RefusedError } from "~/errors.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { chooseDeepLinks, deepLinkPicker } from "~/lti/deep-link.server";
import { DeepLinkChoice } from "~/lti/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const token = new URL(request.url).searchParams.get("verzoek") ?? "";
  try {
    return json({ token, ...(await deepLinkPicker(token, user.id)) });
  } catch (error) {
    if (error instanceof RefusedError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, DeepLinkChoice);
  return attempt(submission, async (value) => {
    await chooseDeepLinks(value.verzoek, user.id, value.kies);
    return redirect(`/lti/deep-link/antwoord?${new URLSearchParams({ verzoek: value.verzoek })}`);
  });
}

export default function DeepLinkPage() {
  const { token, platform, choices } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Gilde in je cursus plaatsen</h1>
      <p className="muted">
        Kies de modules en opdrachten die in je cursus in {platform} komen. Deelnemers die erop klikken, komen meteen op
        die plek in Gilde.
      </p>
      <DeepLinkPicker token={token} choices={choices} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "In de cursus plaatsen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
