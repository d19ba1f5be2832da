// The registered platforms, each with its deployments (pending ones to accept) and a way to remove it. A platform
// that registered itself (LTI Dynamic Registration) waits on top, to approve with a cohort or to refuse.
import { useNavigation } from "@remix-run/react";
import { SelectField } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDate } from "~/format";
import { useGildeForm } from "~/forms/use-form";
import { PlatformAction } from "~/lti/forms";
import { productName } from "~/lti/product-names";

type Deployment = { id: string; deploymentId: string; status: "ACTIVE" | "PENDING"; createdAt: string };
type Platform = {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  accessTokenUrl: string;
  jwksUrl: string;
  isDemo: boolean;
  status: "ACTIVE" | "PENDING";
  productFamily: string | null;
  registeredDynamically: boolean;
  createdAt: string;
  cohort: { id: string; name: string } | null;
  deployments: Deployment[];
  _count: { identities: number };
};

type Cohort = { id: string; name: string };

function ActionButton(props: {
  intent: "accept-deployment" | "remove-deployment" | "remove-platform" | "refuse-platform";
  field: "deploymentId" | "platformId";
  value: string;
  label: string;
  describe: string;
  quiet?: boolean;
}) {
  const [form] = useGildeForm(PlatformAction, { id: `${props.intent}-${props.value}` });
  const busy = useNavigation().formData?.get(props.field) === props.value;
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name={props.field} value={props.value} />
      <button
        type="submit"
        className={props.quiet ? "button button--quiet" : "button button--secondary"}
        disabled={busy}
      >
        {busy ? "Bezig…" : props.label}
        <span className="visually-hidden"> ({props.describe})</span>
      </button>
    </GildeForm>
  );
}

/** Approve a waiting platform with its cohort, or change an approved platform's cohort. */
function CohortForm({ platform, cohorts }: { platform: Platform; cohorts: Cohort[] }) {
  const pending = platform.status === "PENDING";
  const intent = pending ? "approve-platform" : "link-cohort";
  const [form, fields] = useGildeForm(PlatformAction, {
    id: `${intent}-${platform.id}`,
    defaultValue: { cohortId: platform.cohort?.id ?? "" },
  });
  const navigation = useNavigation();
  const busy = navigation.formData?.get("intent") === intent && navigation.formData.get("platformId") === platform.id;
  return (
    <GildeForm form={form}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="platformId" value={platform.id} />
      <SelectField
        meta={fields.cohortId}
        label="Gekoppelde groep"
        emptyLabel="Geen: alleen accounts"
        options={cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
        hint="Docenten uit de cursus worden trainer van deze groep, studenten deelnemer."
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Bezig…" : pending ? "Goedkeuren" : "Groep opslaan"}
        <span className="visually-hidden"> ({platform.name})</span>
      </button>
    </GildeForm>
  );
}

function SelfRegistered({ platform, cohorts }: { platform: Platform; cohorts: Cohort[] }) {
  return (
    <li className="card space-bottom notice">
      <h3>
        {platform.name}
        {platform.isDemo ? <span className="badge"> demo: geen echte leeromgeving</span> : null}
      </h3>
      <p>
        Deze leeromgeving meldde zich zelf aan (dynamische registratie) op {formatDate(platform.createdAt)}. Niemand kan
        Gilde er vanuit starten tot je de koppeling goedkeurt. Keur alleen goed als je deze leeromgeving herkent.
      </p>
      <dl className="details space-bottom">
        <dt>Product</dt>
        <dd>{platform.productFamily ? productName(platform.productFamily) : "onbekend"}</dd>
        <dt>Issuer</dt>
        <dd className="break-anywhere">{platform.issuer}</dd>
        <dt>Client id</dt>
        <dd className="break-anywhere">{platform.clientId}</dd>
        <dt>Deployments</dt>
        <dd>{platform.deployments.map((d) => d.deploymentId).join(", ") || "nog geen"}</dd>
      </dl>
      <CohortForm platform={platform} cohorts={cohorts} />
      <ActionButton
        intent="refuse-platform"
        field="platformId"
        value={platform.id}
        label="Weigeren"
        describe={platform.name}
        quiet
      />
    </li>
  );
}

export function PlatformList({ platforms, cohorts }: { platforms: Platform[]; cohorts: Cohort[] }) {
  if (platforms.length === 0) return <p>Er is nog geen leeromgeving geregistreerd.</p>;
  const waiting = platforms.filter((p) => p.status === "PENDING");
  const approved = platforms.filter((p) => p.status === "ACTIVE");
  return (
    <>
      {waiting.length > 0 ? (
        <section aria-labelledby="aanmeldingen-kop">
          <h3 id="aanmeldingen-kop">Aangemeld, wacht op goedkeuring</h3>
          <ul className="stack-list" aria-label="Leeromgevingen die wachten op goedkeuring">
            {waiting.map((platform) => (
              <SelfRegistered key={platform.id} platform={platform} cohorts={cohorts} />
            ))}
          </ul>
        </section>
      ) : null}
      <ApprovedPlatforms platforms={approved} cohorts={cohorts} />
    </>
  );
}

function ApprovedPlatforms({ platforms, cohorts }: { platforms: Platform[]; cohorts: Cohort[] }) {
  if (platforms.length === 0) return null;
  return (
    <ul className="stack-list" aria-label="Geregistreerde leeromgevingen">
      {platforms.map((platform) => {
        const pending = platform.deployments.filter((d) => d.status === "PENDING");
        const active = platform.deployments.filter((d) => d.status === "ACTIVE");
        return (
          <li key={platform.id} className="card space-bottom">
            <h3>
              {platform.name}
              {platform.isDemo ? <span className="badge"> demo: geen echte leeromgeving</span> : null}
            </h3>
            <dl className="details">
              <dt>Issuer</dt>
              <dd className="break-anywhere">{platform.issuer}</dd>
              <dt>Client id</dt>
              <dd className="break-anywhere">{platform.clientId}</dd>
              <dt>Autorisatie / token / JWKS</dt>
              <dd className="break-anywhere">
                {platform.authLoginUrl}
                <br />
                {platform.accessTokenUrl}
                <br />
                {platform.jwksUrl}
              </dd>
              <dt>Gekoppelde groep</dt>
              <dd>{platform.cohort?.name ?? "geen"}</dd>
              <dt>Mensen via deze omgeving</dt>
              <dd>{platform._count.identities}</dd>
              <dt>Deployments</dt>
              <dd>{active.length > 0 ? active.map((d) => d.deploymentId).join(", ") : "nog geen"}</dd>
            </dl>
            {pending.length > 0 ? (
              <div className="notice space-bottom">
                <h4>Wacht op goedkeuring</h4>
                <ul>
                  {pending.map((d) => (
                    <li key={d.id}>
                      Deployment <strong className="break-anywhere">{d.deploymentId}</strong>, eerste start op{" "}
                      {formatDate(d.createdAt)}{" "}
                      <ActionButton
                        intent="accept-deployment"
                        field="deploymentId"
                        value={d.id}
                        label="Toelaten"
                        describe={`deployment ${d.deploymentId}`}
                      />{" "}
                      <ActionButton
                        intent="remove-deployment"
                        field="deploymentId"
                        value={d.id}
                        label="Weigeren"
                        describe={`deployment ${d.deploymentId}`}
                        quiet
                      />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <details className="space-bottom">
              <summary>Andere groep koppelen</summary>
              <CohortForm platform={platform} cohorts={cohorts} />
            </details>
            <ActionButton
              intent="remove-platform"
              field="platformId"
              value={platform.id}
              label="Leeromgeving verwijderen"
              describe={platform.name}
              quiet
            />
          </li>
        );
      })}
    </ul>
  );
}
