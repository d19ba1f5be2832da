import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, Link } from "@remix-run/react";
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
import { Field, FormError } from "~/components/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ENROLLMENT_LABELS, formatCalendarDate, formatEuro } from "~/format";
import { requiredText } from "~/forms/fields";
import { failure, parseForm } from "~/forms/parse";
import { Table } from "~/components/table";
import { readForm } from "~/forms/read.server";

const id = z.string().min(1).max(64);
const IntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-trainer"), userId: id }),
  z.object({ intent: z.literal("remove-trainer"), userId: id }),
  z.object({
    intent: z.literal("create-gilde"),
    name: requiredText("een naam voor de gilde", 80),
  }),
  z.object({
    intent: z.literal("place"),
    userId: id,
    gildeId: z
      .string()
      .max(64)
      .transform((v) => v || null),
  }),
  z.object({
    intent: z.literal("second-reader"),
    required: z.literal("on").optional(),
  }),
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
  const formData = await readForm(request);
  const parsed = parseForm(IntentSchema, formData);
  if (!parsed.ok) return json({ ...parsed, intent: String(formData.get("intent")) }, { status: 400 });
  const input = parsed.data;
  const outcome =
    input.intent === "add-trainer"
      ? await addTrainer(cohortId, input.userId)
      : input.intent === "remove-trainer"
        ? await removeTrainer(cohortId, input.userId)
        : input.intent === "create-gilde"
          ? await createGilde(cohortId, input.name)
          : input.intent === "second-reader"
            ? await setSecondReaderForFail(cohortId, input.required === "on")
            : await placeParticipant(cohortId, input.userId, input.gildeId);
  if (!outcome.ok) {
    const field: Record<string, string> = input.intent === "create-gilde" ? { name: outcome.error } : {};
    return json(
      {
        ...failure(formData, field, input.intent === "create-gilde" ? undefined : outcome.error),
        intent: input.intent,
      },
      { status: 400 },
    );
  }
  return json({ ok: true as const, intent: input.intent });
}

export default function AdminCohort() {
  const { cohort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const gildeNameError = failed?.intent === "create-gilde" ? failed.fieldErrors.name : undefined;
  return (
    <>
      <h1>{cohort.name}</h1>
      <p>
        <Link to={`/modules/planning/${cohort.id}`}>Planning van de modules (wanneer elke module opent)</Link> ·{" "}
        <Link to={`/beoordelen/aanmeldingen/${cohort.id}`}>Aanmeldingen, betalingen en instellingen</Link>
      </p>
      <p className="muted">
        {formatCalendarDate(cohort.startsOn)} tot {formatCalendarDate(cohort.endsOn)} · {formatEuro(cohort.priceCents)}{" "}
        · {cohort.capacity} plaatsen
      </p>
      <FormError error={failed?.intent !== "create-gilde" ? failed?.formError : undefined} />

      <section aria-labelledby="trainers">
        <h2 id="trainers">Trainers</h2>
        {cohort.staff.length === 0 ? <p className="muted">Nog geen trainers gekoppeld.</p> : null}
        <ul>
          {cohort.staff.map(({ user }) => (
            <li key={user.id}>
              <Form method="post" className="inline-form">
                <span>
                  {user.name} ({user.email})
                </span>
                <input type="hidden" name="intent" value="remove-trainer" />
                <input type="hidden" name="userId" value={user.id} />
                <button type="submit" className="button button--quiet">
                  Ontkoppelen
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {cohort.availableTrainers.length > 0 ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="add-trainer" />
            <div className="field">
              <label htmlFor="add-trainer">Trainer toevoegen</label>
              <select id="add-trainer" name="userId">
                {cohort.availableTrainers.map((trainer) => (
                  <option key={trainer.id} value={trainer.id}>
                    {trainer.name} ({trainer.email})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              Toevoegen
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="beoordelen">
        <h2 id="beoordelen">Beoordelen</h2>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="second-reader" />
          <label style={{ fontWeight: "normal" }}>
            <input type="checkbox" name="required" defaultChecked={cohort.secondReaderForFail} /> Bij ‘niet voldaan’
            leest een tweede trainer mee voordat de beoordeling wordt vrijgegeven
          </label>
          <button type="submit" className="button button--secondary">
            Opslaan
          </button>
        </Form>
        {actionData?.ok && actionData.intent === "second-reader" ? (
          <p className="notice" role="status">
            {cohort.secondReaderForFail
              ? "Een tweede lezer is nu nodig bij ‘niet voldaan’."
              : "Een tweede lezer is niet meer nodig."}
          </p>
        ) : null}
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
        <Form method="post" className="inline-form" style={{ marginTop: "1rem" }} noValidate>
          <input type="hidden" name="intent" value="create-gilde" />
          <Field
            name="name"
            label="Nieuwe gilde"
            defaultValue={failed?.intent === "create-gilde" ? failed.values.name : undefined}
            error={gildeNameError}
          />
          <button type="submit" className="button">
            Gilde aanmaken
          </button>
        </Form>
      </section>

      <section aria-labelledby="deelnemers">
        <h2 id="deelnemers">Deelnemers en hun gilde</h2>
        {cohort.participants.length === 0 ? (
          <p className="muted">Nog geen ingeschreven deelnemers.</p>
        ) : (
          <Table headers={["Deelnemer", "Status", "Gilde"]}>
            {cohort.participants.map((participant) => {
              const current = cohort.gildes.find((g) => g.members.some((m) => m.user.id === participant.id));
              return (
                <tr key={participant.id}>
                  <td>
                    {participant.name}
                    <br />
                    <span className="muted">{participant.email}</span>
                  </td>
                  <td>{ENROLLMENT_LABELS[participant.status]}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="place" />
                      <input type="hidden" name="userId" value={participant.id} />
                      <label className="visually-hidden" htmlFor={`gilde-${participant.id}`}>
                        Gilde van {participant.name}
                      </label>
                      <select id={`gilde-${participant.id}`} name="gildeId" defaultValue={current?.id ?? ""}>
                        <option value="">Nog geen gilde</option>
                        {cohort.gildes.map((gilde) => (
                          <option key={gilde.id} value={gilde.id}>
                            {gilde.name}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--quiet">
                        Plaatsen
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </Table>
        )}
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cohort.name ?? "Groep"} — Beheer — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
