// Anyone can check a credential they were given: paste its JSON or upload the .json file. Each failure gets its
// own Dutch verdict; nothing is stored.
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { VerdictPanel } from "~/components/credentials/verdict-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { VerifySchema } from "~/credentials/forms";
import { MAX_CREDENTIAL_CHARS, verifyText, verifyUpload, type Verdict } from "~/credentials/verify.server";
import { useGildeForm } from "~/forms/use-form";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function action({ request }: ActionFunctionArgs) {
  const submission = await readSubmission(request, VerifySchema);
  return attempt(submission, async ({ json: pasted, file }) => {
    if (file && file.size > 0) return json({ verdict: await verifyUpload(file), pasted: "" });
    const input = pasted ?? "";
    return json({ verdict: await verifyText(input), pasted: input.length <= MAX_CREDENTIAL_CHARS ? input : "" });
  });
}

type Answer = { verdict?: Verdict; pasted?: string };

export default function VerifyPasted() {
  const answer = useActionData<Answer>();
  const [form, fields] = useGildeForm(VerifySchema, { id: "verifieren" });
  return (
    <div className="form--wide stack">
      <h1>Een certificaat controleren</h1>
      <p>
        Heb je een certificaat van Gilde gekregen als .json-bestand (een Open Badge)? Plak de inhoud hieronder of kies
        het bestand. We controleren de handtekening, de sleutel en of het is ingetrokken. Er wordt niets bewaard.
      </p>
      {answer?.verdict ? <VerdictPanel verdict={answer.verdict} /> : null}
      <GildeForm form={form} encType="multipart/form-data" className="stack">
        <TextArea
          meta={fields.json}
          label="De inhoud van het certificaat (JSON)"
          rows={8}
          defaultValue={answer?.pasted}
        />
        <div className="field">
          <label htmlFor="certificaat-bestand">Of kies het .json-bestand</label>
          <input id="certificaat-bestand" name={fields.file.name} type="file" accept=".json,application/json" />
        </div>
        <button type="submit" className="button">
          Controleren
        </button>
      </GildeForm>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Een certificaat controleren — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
