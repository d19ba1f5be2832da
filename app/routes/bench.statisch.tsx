// Only with BENCH=on (npm run bench): a page of the same app and layout that renders static HTML of a given
// size without touching the database or MDX: the framework's ceiling to compare the module page with.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StaticHtml } from "~/components/static-html";
import { stashStaticHtml } from "~/components/static-html.server";
import { mdxStats } from "~/content/course.server";
import { env } from "~/env.server";

const fillers = new Map<number, string>();

function filler(bytes: number) {
  let text = fillers.get(bytes);
  if (!text) {
    const paragraph =
      "<p>Een alinea tekst zoals in een module, met woorden over bewoners, vertrouwen en de wijk.</p>\n";
    text = paragraph.repeat(Math.max(1, Math.ceil(bytes / paragraph.length)));
    fillers.set(bytes, text);
  }
  return text;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (env().BENCH !== "on") throw new Response("Niet gevonden", { status: 404 });
  const url = new URL(request.url);
  if (url.searchParams.has("mdx")) return json({ html: "", mdx: mdxStats() });
  const bytes = Math.min(500_000, Math.max(1000, Number(url.searchParams.get("bytes")) || 20_000));
  return json({ html: stashStaticHtml(context, "statisch", filler(bytes)), mdx: null });
}

export default function BenchStatic() {
  const { html } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>Statische pagina</h1>
      <StaticHtml id="statisch" className="prose" html={html} />
    </article>
  );
}
