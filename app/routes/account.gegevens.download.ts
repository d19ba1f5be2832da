// The download of all one's own data (AVG): a resource route, so the ZIP goes to the browser as it is.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { clientIp } from "~/load-context";
import { exportPersonalData } from "~/privacy/export.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { fileName, stream } = await exportPersonalData(user, clientIp(context));
  return new Response(stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export const loader = () => redirect("/account/gegevens");
