// The assessment policy: who assesses, the second reader, resits, fraud and the use of AI.
import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StaticHtml } from "~/components/static-html";
import { assessmentPolicy } from "~/content/course-design.server";

export function loader() {
  return json(assessmentPolicy());
}

export default function AssessmentPolicy() {
  const policy = useLoaderData<typeof loader>();
  return (
    <article>
      <p className="muted flush">
        <Link to="/leergang">De leergang</Link> · <Link to="/leergang/opbouw">Opbouw</Link> · Toetsbeleid
      </p>
      <h1>Toetsbeleid</h1>
      <StaticHtml id="toetsbeleid" className="prose" html={policy.html} />
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Toetsbeleid — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
