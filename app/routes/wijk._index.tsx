// The participant's wijkprofiel: the neighbourhood every assignment is practised in. Saving adds a version.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { Field, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WijkHistory } from "~/components/wijk-history";
import { parseWholeNumber, requiredText } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission, reply } from "~/forms/submission.server";
import { useFormReply, useGildeForm } from "~/forms/use-form";
import { isCbsCode, personalDataWarnings, WIJK_TEXT_FIELDS } from "~/wijk/privacy";
import { saveWijk, wijkHistory } from "~/wijk/wijk.server";

const optionalText = (max: number) =>
  z.string().trim().max(max, `Dit veld mag hoogstens ${max} tekens bevatten.`).default("");

const WijkSchema = z.object({
  name: requiredText("de naam van je wijk of buurt", 120),
  municipality: requiredText("de gemeente", 120),
  cbsCode: z
    .string()
    .trim()
    .toUpperCase()
    .default("")
    .refine(
      (v) => v === "" || isCbsCode(v),
      "Een CBS-code ziet eruit als BU03630000 (buurt), WK036300 (wijk) of GM0363 (gemeente).",
    )
    .transform((v) => v || null),
  homes: z
    .string()
    .trim()
    .default("")
    .refine(
      (v) => v === "" || (parseWholeNumber(v) ?? 0) > 0,
      "Vul het aantal woningen in als getal, bijvoorbeeld 500 of 2.400.",
    )
    .transform((v) => (v ? parseWholeNumber(v) : null)),
  role: optionalText(2000),
  connectors: optionalText(5000),
  networks: optionalText(5000),
  ambitions: optionalText(5000),
  problems: optionalText(5000),
  chances: optionalText(5000),
  confirmPersonalData: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  return json({ versions: await wijkHistory(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const submission = await readSubmission(request, WijkSchema);
  return attempt(submission, async ({ confirmPersonalData, ...input }) => {
    const warnings = personalDataWarnings(input);
    if (Object.keys(warnings).length && !confirmPersonalData)
      return reply(submission, {
        formError: "Nog niet opgeslagen: kijk naar de waarschuwingen hieronder.",
        extra: { warnings },
      });
    const { version, changed } = await saveWijk(user.id, input);
    return redirectWithFlash(
      new URL(request.url).pathname,
      changed
        ? `Opgeslagen als versie ${version.number}.`
        : "Er was niets veranderd; je wijkprofiel is hetzelfde gebleven.",
    );
  });
}

const TEXT_LABELS: Record<(typeof WIJK_TEXT_FIELDS)[number], { label: string; hint: string }> = {
  role: {
    label: "Jouw rol in de wijk",
    hint: "Bijvoorbeeld: opbouwwerker bij een welzijnsorganisatie, twee dagen per week in deze buurt.",
  },
  connectors: {
    label: "Verbinders die je kent",
    hint: "Naar hun rol: ‘de vrouw die de voedselbank-uitgifte regelt’, niet hun naam.",
  },
  networks: {
    label: "Netwerken",
    hint: "Formele en informele netwerken: een moskee, een voetbalclub, een appgroep van de flat.",
  },
  ambitions: {
    label: "Ideeën en ambities van bewoners",
    hint: "Wat je bewoners hoorde zeggen dat ze willen, in hun woorden.",
  },
  problems: { label: "Problemen", hint: "Zoals bewoners en professionals ze zien; zeg erbij wie wat ziet." },
  chances: { label: "Kansen", hint: "Wat er al is en waarop je kunt bouwen." },
};

export default function WijkPage() {
  const { versions } = useLoaderData<typeof loader>();
  const current = versions[0];
  const [form, fields] = useGildeForm(WijkSchema, {
    id: "wijkprofiel",
    defaultValue: current
      ? Object.fromEntries(
          ["name", "municipality", "cbsCode", "homes", ...WIJK_TEXT_FIELDS].map((name) => [
            name,
            String((current as Record<string, unknown>)[name] ?? ""),
          ]),
        )
      : undefined,
  });
  const answer = useFormReply(form.id) as { warnings?: Record<string, string> } | undefined;
  const warnings = answer?.warnings ?? {};
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>Mijn wijk</h1>
      <p className="lead">
        Elke opdracht van de leergang voer je uit in je eigen wijk. Beschrijf hier de wijk of buurt waar je werkt; je
        opdrachten en de teksten van de modules gebruiken wat je hier invult. Elke keer dat je opslaat, bewaren we een
        nieuwe versie, zodat je ziet hoe je beeld van de wijk groeit.
      </p>
      <p className="notice notice--warm">
        Schrijf over bewoners en verbinders naar hun <strong>rol</strong>, niet met namen, adressen, telefoonnummers of
        e-mailadressen. Je gildegenoten en je trainer lezen mee.
      </p>
      <GildeForm form={form} className="form--wide">
        <Field meta={fields.name} label="Naam van de wijk of buurt" required />
        <Field meta={fields.municipality} label="Gemeente" required />
        <Field
          meta={fields.cbsCode}
          label="CBS-code (niet verplicht)"
          hint="Te vinden op cbs.nl bij ‘Kerncijfers wijken en buurten’, bijvoorbeeld BU03630000."
        />
        <Field meta={fields.homes} label="Ongeveer hoeveel woningen" inputMode="numeric" />
        {WIJK_TEXT_FIELDS.map((field) => (
          <TextArea
            key={field}
            meta={fields[field]}
            label={TEXT_LABELS[field].label}
            hint={TEXT_LABELS[field].hint}
            warning={warnings[field]}
          />
        ))}
        {Object.keys(warnings).length ? (
          <div className="field">
            <label>
              <input type="checkbox" name={fields.confirmPersonalData.name} value="ja" /> Ik heb het gecontroleerd: er
              staan geen gegevens in waaraan je bewoners kunt herkennen. Toch opslaan.
            </label>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Bezig met opslaan…" : "Wijkprofiel opslaan"}
        </button>
      </GildeForm>
      <WijkHistory versions={versions} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Mijn wijk — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
