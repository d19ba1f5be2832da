// The admin registers LMS platforms for LTI 1.3 and copies Gilde's own tool configuration; a launch for an unknown
// deployment of a registered platform, and a platform that registered itself (/lti/register), wait here for approval.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FailingScores } from "~/components/lti/failing-scores";
import { PlatformList } from "~/components/lti/platform-list";
import { RegisterPlatformForm } from "~/components/lti/register-platform-form";
import { ToolConfiguration } from "~/components/lti/tool-configuration";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { PlatformAction } from "~/lti/forms";
import {
  acceptDeployment,
  approvePlatform,
  platformsOverview,
  refusePlatform,
  registerPlatform,
  removeDeployment,
  removePlatform,
} from "~/lti/platforms.server";
import { toolBaseUrl } from "~/lti/requests.server";
import { failingScorePosts } from "~/lti/scores.server";
import { toolConfiguration } from "~/lti/tool-config";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return json({
    ...(await platformsOverview()),
    failingScores: await failingScorePosts(),
    config: toolConfiguration(toolBaseUrl(request)),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const submission = await readSubmission(request, PlatformAction);
  const here = "/beheer/lti";
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "register": {
        const platform = await registerPlatform(admin, value);
        return redirectWithFlash(
          here,
          `${platform.name} is geregistreerd. Docenten kunnen Gilde nu vanuit de cursus starten.`,
        );
      }
      case "accept-deployment": {
        const d = await acceptDeployment(admin, value.deploymentId);
        return redirectWithFlash(here, `Deployment ${d.deploymentId} van ${d.platform.name} is toegelaten.`);
      }
      case "remove-deployment": {
        const d = await removeDeployment(admin, value.deploymentId);
        return redirectWithFlash(here, `Deployment ${d.deploymentId} van ${d.platform.name} is verwijderd.`);
      }
      case "approve-platform": {
        const platform = await approvePlatform(admin, value);
        return redirectWithFlash(
          here,
          `${platform.name} is goedgekeurd. Docenten kunnen Gilde nu vanuit de cursus starten.`,
        );
      }
      case "link-cohort": {
        const platform = await approvePlatform(admin, value);
        return redirectWithFlash(here, `De groep van ${platform.name} is opgeslagen.`);
      }
      case "refuse-platform": {
        const platform = await refusePlatform(admin, value.platformId);
        return redirectWithFlash(here, `De aanmelding van ${platform.name} is geweigerd en verwijderd.`);
      }
      case "remove-platform": {
        const platform = await removePlatform(admin, value.platformId);
        return redirectWithFlash(
          here,
          `${platform.name} is verwijderd. Wie via deze omgeving binnenkwam, houdt het account.`,
        );
      }
    }
  });
}

export default function AdminLti() {
  const { platforms, cohorts, config, failingScores } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beheer: LTI-koppelingen</h1>
      <p className="muted">
        Koppel Gilde aan de leeromgeving van een hogeschool (Brightspace, Canvas, Moodle): dan start een cursus Gilde
        met één klik en komt iedereen meteen in de goede groep.
      </p>
      <FailingScores scores={failingScores} />
      <ToolConfiguration config={config} />
      <h2>Geregistreerde leeromgevingen</h2>
      <PlatformList platforms={platforms} cohorts={cohorts} />
      <RegisterPlatformForm cohorts={cohorts} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "LTI-koppelingen — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
