// An assignment as the course describes it: what to do in your wijk, what to hand in, how it is assessed.
// Handing in (drafts, deadlines, submissions) is added by the assignments capability.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canRead, courseAccessFor } from "~/content/access.server";
import { assignmentHtml, findAssignment } from "~/content/course.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = findAssignment(params.slug ?? "");
  invariantResponse(found, "Deze opdracht bestaat niet.", { status: 404 });
  const access = await courseAccessFor(user);
  const open = canRead(access, found.module.slug);
  const { frontmatter } = found.assignment;
  return json({
    slug: found.assignment.slug,
    title: frontmatter.title,
    summary: frontmatter.summary,
    module: { slug: found.module.slug, title: found.module.frontmatter.title },
    open,
    handIn: open ? frontmatter.handIn : null,
    html: open ? (assignmentHtml(found.assignment.slug, null) ?? "") : null,
    rubric: open ? frontmatter.rubric : [],
    peerReview: frontmatter.peerReview,
  });
}

export default function Assignment() {
  const a = useLoaderData<typeof loader>();
  return (
    <article className="prose" style={{ maxWidth: "52rem" }}>
      <p className="muted" style={{ margin: 0 }}>
        Opdracht bij <Link to={`/modules/${a.module.slug}`}>{a.module.title}</Link>
      </p>
      <h1>{a.title}</h1>
      <p className="lead">{a.summary}</p>
      {!a.open ? (
        <p className="locked">Deze opdracht gaat open met de module {a.module.title}.</p>
      ) : (
        <>
          <div dangerouslySetInnerHTML={{ __html: a.html ?? "" }} />
          <section className="card" aria-labelledby="inleveren">
            <h2 id="inleveren" style={{ marginTop: 0 }}>
              Wat je inlevert
            </h2>
            <p style={{ marginBottom: 0 }}>{a.handIn}</p>
            {a.peerReview.enabled ? (
              <p className="muted" style={{ marginBottom: 0 }}>
                Twee of meer gildegenoten geven feedback op je inzending ({a.peerReview.reviewers} per inzending).
              </p>
            ) : null}
          </section>
          <h2 id="rubric">Zo wordt je werk beoordeeld</h2>
          {a.rubric.map((criterion) => (
            <section key={criterion.id} aria-labelledby={`criterium-${criterion.id}`}>
              <h3 id={`criterium-${criterion.id}`}>{criterion.title}</h3>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Niveau</th>
                      <th scope="col">Wat dat betekent</th>
                    </tr>
                  </thead>
                  <tbody>
                    {criterion.levels.map((level) => (
                      <tr key={level.score}>
                        <td>
                          {level.label} ({level.score}){level.score === criterion.passLevel ? " · voldoende vanaf hier" : ""}
                        </td>
                        <td>{level.descriptor}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Opdracht"} — Gilde` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
