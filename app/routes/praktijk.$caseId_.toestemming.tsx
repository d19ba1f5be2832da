// The consents of the people named in a practice case (issue 24), for its author: record each one on paper (the
// signed paper uploaded), give them their withdrawal link, and put the case online once everyone agrees.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { attemptUpload, readUpload } from "~/assignments/uploads.server";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { CasePeople, PublishCaseForm } from "~/components/consent/case-people";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { caseConsentPage, publishWaitingCase, recordPaperConsent } from "~/consent/case-consents.server";
import { PaperConsentSchema, PublishCaseSchema } from "~/consent/forms";
import { FORM_ID_FIELD } from "~/forms/protocol";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import wijkStyles from "~/styles/wijkfeedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: wijkStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await caseConsentPage(user, params.caseId ?? "");
  invariantResponse(page, "Dit praktijkvoorbeeld bestaat niet (meer), of is niet van jou.", { status: 404 });
  return json(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const caseId = params.caseId ?? "";
  const here = new URL(request.url).pathname;
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const upload = await readUpload(request, PaperConsentSchema, "papier");
    const formId = upload.submission.formData.get(FORM_ID_FIELD);
    if (typeof formId === "string") upload.submission.formId = formId;
    return attemptUpload(upload, async (value, files) => {
      const { link, name } = await recordPaperConsent(user, caseId, value, files);
      return redirectWithFlash(
        here,
        `De toestemming van ${name} is vastgelegd. Geef ${name} deze link om haar later in te trekken: ${link}`,
      );
    });
  }
  const submission = await readSubmission(request, PublishCaseSchema);
  return attempt(submission, async () => {
    await publishWaitingCase(user, caseId);
    return redirectWithFlash(`/praktijk/${caseId}`, "Iedereen heeft toestemming gegeven: je voorbeeld staat online.");
  });
}

export default function CaseConsents() {
  const page = useLoaderData<typeof loader>();
  return (
    <article>
      <Crumbs to={`/praktijk/${page.id}`} label={page.title} />
      <h1>Toestemming van wie erin voorkomt</h1>
      <p className="lead">
        Iedereen die je in dit voorbeeld noemt, geeft toestemming voor de praktijkbibliotheek, voor een periode. Laat
        hen het formulier op papier tekenen en voeg een foto of scan toe. Trekt iemand de toestemming in, of verloopt
        die, dan verdwijnt het voorbeeld meteen uit de bibliotheek.
      </p>
      <CasePeople people={page.people} />
      {page.awaiting ? <PublishCaseForm /> : null}
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Toestemming — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
