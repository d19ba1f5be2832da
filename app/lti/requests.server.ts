// What the two launch routes share: our own address as the platform knows it, the form fields as plain strings,
// and Dutch refusal pages that an LMS frame may show.
import { env } from "~/env.server";
import { RefusedError } from "~/errors.server";
import { readForm } from "~/forms/read.server";
import { launchRefusal } from "./pages.server";
import { platformOrigins } from "./platforms.server";

/** Where the tool is reached: APP_URL, else the address this request was sent to. */
export function toolBaseUrl(request: Request): string {
  return (env().APP_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}

/** The query (GET) or the form (POST) as name → value, text fields only. */
export async function launchParams(request: Request): Promise<Record<string, string>> {
  const entries =
    request.method === "GET" ? [...new URL(request.url).searchParams] : [...(await readForm(request)).entries()];
  const params: Record<string, string> = {};
  for (const [key, value] of entries) if (typeof value === "string") params[key] = value;
  return params;
}

/** A launch refusal that names the sites that may frame it (a platform still waiting frames only this page). */
export class FramedRefusal extends RefusedError {
  constructor(
    message: string,
    status: number,
    readonly frameAncestors: string[],
  ) {
    super(message, status);
  }
}

/** Runs a launch step; a refusal becomes the Dutch page, framable by the approved platforms. */
export async function refusingInDutch(step: () => Promise<Response>): Promise<Response> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof FramedRefusal) return launchRefusal(error.message, error.status, error.frameAncestors);
    if (error instanceof RefusedError) return launchRefusal(error.message, error.status, await platformOrigins());
    throw error;
  }
}
