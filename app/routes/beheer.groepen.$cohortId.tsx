// One cohort for the admin: its status (changed on ./instellingen), trainers, second reader, gildes and placements.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import {
  addTrainer,
  createGilde,
  getCohortForAdmin,
  placeParticipant,
  removeTrainer,
  setSecondReaderForFail,
} from "~/cohorts/cohorts.server";
import { CheckField, Field } from "~/components/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { COHORT_STATUS_LABELS, ENROLLMENT_LABELS, formatCalendarDate, formatEuro } from "~/format";
import { requiredText } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { Table } from "~/components/table";

const id = z.string({ required_error: "Kies uit de lijst." }).max(64);
const CohortAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-trainer"), userId: id }),
  z.object({ intent: z.literal("remove-trainer"), userId: id }),
  z.object({ intent: z.literal("create-gilde"), name: requiredText("een naam voor de gilde", 80) }),
  // No gilde chosen ("Nog geen gilde") takes the participant out of their gilde.
  z.object({ intent: z.literal("place"), userId: id, gildeId: id.optional().transform((v) => v ?? null) }),
  z.object({ intent: z.literal("second-reader"), required: z.boolean().default(false) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const cohort = await getCohortForAdmin(params.cohortId ?? "");
  invariantResponse(cohort, "Niet gevonden", { status: 404 });
  return json({ cohort });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, "ADMIN");
  const cohortId = params.cohortId ?? "";
  const cohort = await getCohortForAdmin(cohortId);
  invariantResponse(cohort, "Niet gevonden", { status: 404 });
  const submission = await readSubmission(request, CohortAction);
  return attempt(submission, async (value) => {
    const here = new URL(request.url).pathname;
    switch (value.intent) {
      case "add-trainer":
        await addTrainer(cohortId, value.userId);
        return redirectWithFlash(here, "De trainer hoort nu bij deze groep.");
      case "remove-trainer":
        await removeTrainer(cohortId, value.userId);
        return redirectWithFlash(here, "De trainer is ontkoppeld.");
      case "create-gilde":
        await createGilde(cohortId, value.name);
        return redirectWithFlash(here, `De gilde ‘${value.name}’ is aangemaakt.`);
      case "place":
        await placeParticipant(cohortId, value.userId, value.gildeId);
        return redirectWithFlash(here, value.gildeId ? "Geplaatst in de gilde." : "Uit de gilde gehaald.");
      case "second-reader":
        await setSecondReaderForFail(cohortId, value.required);
        return redirectWithFlash(
          here,
          value.required ? "Een tweede lezer is nu nodig bij ‘niet voldaan’." : "Een tweede lezer is niet meer nodig.",
        );
    }
  });
}

type Cohort = ReturnType<typeof useLoaderData<typeof loader>>["cohort"];

export default function AdminCohort() {
  const { cohort } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{cohort.name}</h1>
      <p>
        Status: <strong>{COHORT_STATUS_LABELS[cohort.status]}</strong> ·{" "}
        <Link to={`/beheer/groepen/${cohort.id}/instellingen`}>Status en instellingen</Link> ·{" "}
        <Link to={`/modules/planning/${cohort.id}`}>Planning van de modules</Link> ·{" "}
        <Link to={`/beoordelen/aanmeldingen/${cohort.id}`}>Aanmeldingen en betalingen</Link>
      </p>
      <p className="muted">
        {formatCalendarDate(cohort.startsOn)} tot {formatCalendarDate(cohort.endsOn)} · {formatEuro(cohort.priceCents)}{" "}
        · {cohort.capacity} plaatsen
      </p>

      <section aria-labelledby="trainers">
        <h2 id="trainers">Trainers</h2>
        {cohort.staff.length === 0 ? <p className="muted">Nog geen trainers gekoppeld.</p> : null}
        <ul>
          {cohort.staff.map(({ user }) => (
            <li key={user.id}>
              <RemoveTrainer trainer={user} />
            </li>
          ))}
        </ul>
        {cohort.availableTrainers.length > 0 ? <AddTrainer trainers={cohort.availableTrainers} /> : null}
        <p>
          <Link to={`/beheer/uitnodigingen?groep=${cohort.id}`}>Een nieuwe trainer voor deze groep uitnodigen</Link>
        </p>
      </section>

      <section aria-labelledby="beoordelen">
        <h2 id="beoordelen">Beoordelen</h2>
        <SecondReader required={cohort.secondReaderForFail} />
      </section>

      <section aria-labelledby="gildes">
        <h2 id="gildes">Gildes</h2>
        <div className="grid">
          {cohort.gildes.map((gilde) => (
            <div className="card" key={gilde.id}>
              <h3>{gilde.name}</h3>
              {gilde.members.length === 0 ? <p className="muted">Nog geen leden.</p> : null}
              <ul>
                {gilde.members.map(({ user }) => (
                  <li key={user.id}>{user.name}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <CreateGilde />
      </section>

      <section aria-labelledby="deelnemers">
        <h2 id="deelnemers">Deelnemers en hun gilde</h2>
        {cohort.participants.length === 0 ? (
          <p className="muted">Nog geen ingeschreven deelnemers.</p>
        ) : (
          <Table headers={["Deelnemer", "Status", "Gilde"]}>
            {cohort.participants.map((participant) => (
              <tr key={participant.id}>
                <td>
                  {participant.name}
                  <br />
                  <span className="muted">{participant.email}</span>
                </td>
                <td>{ENROLLMENT_LABELS[participant.status]}</td>
                <td>
                  <Place participant={participant} gildes={cohort.gildes} />
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}

function RemoveTrainer({ trainer }: { trainer: Cohort["staff"][number]["user"] }) {
  const [form, fields] = useGildeForm(CohortAction, { id: `ontkoppelen-${trainer.id}` });
  return (
    <GildeForm form={form} className="inline-form">
      <span>
        {trainer.name} ({trainer.email})
      </span>
      <input type="hidden" name={fields.intent.name} value="remove-trainer" />
      <input type="hidden" name={fields.userId.name} value={trainer.id} />
      <button type="submit" className="button button--quiet">
        Ontkoppelen
      </button>
    </GildeForm>
  );
}

function AddTrainer({ trainers }: { trainers: Cohort["availableTrainers"] }) {
  const [form, fields] = useGildeForm(CohortAction, { id: "trainer-toevoegen" });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.intent.name} value="add-trainer" />
      <div className="field">
        <label htmlFor="add-trainer">Trainer toevoegen</label>
        <select id="add-trainer" name={fields.userId.name}>
          {trainers.map((trainer) => (
            <option key={trainer.id} value={trainer.id}>
              {trainer.name} ({trainer.email})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Toevoegen
      </button>
    </GildeForm>
  );
}

function SecondReader({ required }: { required: boolean }) {
  const [form, fields] = useGildeForm(CohortAction, { id: "tweede-lezer", defaultValue: { required } });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.intent.name} value="second-reader" />
      <CheckField
        meta={fields.required}
        inline
        label="Bij ‘niet voldaan’ leest een tweede trainer mee voordat de beoordeling wordt vrijgegeven"
      />
      <button type="submit" className="button button--secondary">
        Opslaan
      </button>
    </GildeForm>
  );
}

function CreateGilde() {
  const [form, fields] = useGildeForm(CohortAction, { id: "gilde-aanmaken" });
  return (
    <GildeForm form={form} className="inline-form space-top">
      <input type="hidden" name={fields.intent.name} value="create-gilde" />
      <Field meta={fields.name} label="Nieuwe gilde" />
      <button type="submit" className="button">
        Gilde aanmaken
      </button>
    </GildeForm>
  );
}

function Place({ participant, gildes }: { participant: Cohort["participants"][number]; gildes: Cohort["gildes"] }) {
  const [form, fields] = useGildeForm(CohortAction, { id: `plaatsen-${participant.id}` });
  const current = gildes.find((g) => g.members.some((m) => m.user.id === participant.id));
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.intent.name} value="place" />
      <input type="hidden" name={fields.userId.name} value={participant.id} />
      <label className="visually-hidden" htmlFor={`gilde-${participant.id}`}>
        Gilde van {participant.name}
      </label>
      <select id={`gilde-${participant.id}`} name={fields.gildeId.name} defaultValue={current?.id ?? ""}>
        <option value="">Nog geen gilde</option>
        {gildes.map((gilde) => (
          <option key={gilde.id} value={gilde.id}>
            {gilde.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--quiet">
        Plaatsen
      </button>
    </GildeForm>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cohort.name ?? "Groep"} — Beheer — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
