// The one-time message after a successful POST (post/redirect/get): the action redirects, the next page shows
// "Opgeslagen." once, and reloading it neither repeats the message nor sends the form again. It travels in a
// short-lived cookie, signed with a secret of this installation so no other site or script can put words in it.
import crypto from "node:crypto";
import { redirect } from "@remix-run/node";
import { installSecret } from "~/db/install-secret.server";
import { cookieSecure } from "~/env.server";

const FLASH_COOKIE = "gilde_flash";
const MAX_AGE_SECONDS = 60;

let secret: Promise<string> | null = null;
function flashSecret() {
  secret ??= installSecret("flash").catch((error: unknown) => {
    secret = null;
    throw error;
  });
  return secret;
}

const sign = (value: string, key: string) => crypto.createHmac("sha256", key).update(value).digest("base64url");

function cookie(value: string, maxAge: number) {
  return [
    `${FLASH_COOKIE}=${value}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Max-Age=${maxAge}`,
    ...(cookieSecure() ? ["Secure"] : []),
  ].join("; ");
}

/** A redirect that shows `message` once on the page it leads to. */
export async function redirectWithFlash(to: string, message: string, init: { headers?: HeadersInit } = {}) {
  const value = Buffer.from(message, "utf8").toString("base64url");
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", cookie(`${value}.${sign(value, await flashSecret())}`, MAX_AGE_SECONDS));
  return redirect(to, { headers });
}

/** The message waiting for this request, if any, and the header that clears it. */
export async function takeFlash(request: Request): Promise<{ message: string | null; headers: HeadersInit }> {
  const raw = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${FLASH_COOKIE}=`))
    ?.slice(FLASH_COOKIE.length + 1);
  if (!raw) return { message: null, headers: {} };
  const clear = { "Set-Cookie": cookie("", 0) };
  const [value = "", signature = ""] = raw.split(".");
  const expected = sign(value, await flashSecret());
  const valid =
    signature.length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!valid) return { message: null, headers: clear };
  return { message: Buffer.from(value, "base64url").toString("utf8").slice(0, 500), headers: clear };
}
