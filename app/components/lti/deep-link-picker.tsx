// The teacher's list on /lti/deep-link: every module with its assignments, to tick what goes into the LMS course.
import { useNavigation } from "@remix-run/react";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";
import { DeepLinkChoice } from "~/lti/forms";

type Choice = { path: string; title: string; assignments: { path: string; title: string }[] };

function Check({ name, path, title, initial }: { name: string; path: string; title: string; initial: unknown }) {
  const checked = Array.isArray(initial) ? initial.includes(path) : initial === path;
  return (
    <label className="check-label">
      <input type="checkbox" name={name} value={path} defaultChecked={checked} /> {title}
    </label>
  );
}

export function DeepLinkPicker({ token, choices }: { token: string; choices: Choice[] }) {
  const [form, fields] = useGildeForm(DeepLinkChoice, { id: "deep-link" });
  const busy = useNavigation().state !== "idle";
  const meta = fields.kies;
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.verzoek.name} value={token} />
      <fieldset
        className={meta.errors ? "field field--invalid" : "field"}
        aria-describedby={meta.errors ? meta.errorId : undefined}
      >
        <legend>Wat wil je in de cursus plaatsen?</legend>
        {choices.map((module) => (
          <div key={module.path} className="space-bottom">
            <Check name={meta.name} path={module.path} title={`Module: ${module.title}`} initial={meta.initialValue} />
            <div className="indent">
              {module.assignments.map((a) => (
                <Check
                  key={a.path}
                  name={meta.name}
                  path={a.path}
                  title={`Opdracht: ${a.title}`}
                  initial={meta.initialValue}
                />
              ))}
            </div>
          </div>
        ))}
        {meta.errors ? (
          <p className="field__error" id={meta.errorId}>
            {meta.errors[0]}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Bezig…" : "Plaats in de cursus"}
      </button>
    </GildeForm>
  );
}
