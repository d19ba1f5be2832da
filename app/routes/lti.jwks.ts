// The tool's public keys, for platforms checking our client assertions and deep-linking responses.
import { json } from "@remix-run/node";
import { toolJwks } from "~/lti/keys.server";

export async function loader() {
  return json(await toolJwks(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
