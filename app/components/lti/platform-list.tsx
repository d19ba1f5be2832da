// The registered platforms, each with its deployments (pending ones to accept) and a way to remove it.
import { useNavigation } from "@remix-run/react";
import { GildeForm } from "~/components/form";
import { formatDate } from "~/format";
import { useGildeForm } from "~/forms/use-form";
import { PlatformAction } from "~/lti/forms";

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
  createdAt: string;
  cohort: { id: string; name: string } | null;
  deployments: Deployment[];
  _count: { identities: number };
};

function ActionButton(props: {
  intent: "accept-deployment" | "remove-deployment" | "remove-platform";
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

export function PlatformList({ platforms }: { platforms: Platform[] }) {
  if (platforms.length === 0) return <p>Er is nog geen leeromgeving geregistreerd.</p>;
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
