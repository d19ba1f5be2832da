// One-click unsubscribe from the weekly digest: a signed link from the e-mail, no login needed.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { unsubscribe } from "~/community/digest.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const ok = await unsubscribe(params.get("u") ?? "", params.get("t") ?? "");
  return json({ ok }, { status: ok ? 200 : 400 });
}

export default function Unsubscribed() {
  const { ok } = useLoaderData<typeof loader>();
  return (
    <div className="form">
      <h1>{ok ? "Afgemeld" : "Deze link klopt niet"}</h1>
      <p>
        {ok
          ? "Je krijgt geen wekelijkse samenvatting van de community meer."
          : "Gebruik de link uit de laatste e-mail, of log in om je instellingen te bekijken."}
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Samenvatting — Gilde" }];
