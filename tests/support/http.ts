// The app over real HTTP, and a small browser-like client: it keeps cookies, sends the Origin header a browser
// would, does not follow redirects by itself, and gives each client its own address (the test app trusts one
// proxy hop of X-Forwarded-For so that login throttling per address can be tested without clients sharing one).
import fs from "node:fs";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createHttpApp } from "~/server/http.server";
import { sessionCookieFor } from "./factories";

export type TestApp = { baseUrl: string; client: (options?: { ip?: string }) => Client; close: () => Promise<void> };

export async function startTestApp(): Promise<TestApp> {
  const build = await sourceBuild();
  let baseUrl = "";
  // One proxy in front (the client below writes X-Forwarded-For), and our own origin is where we listen.
  const app = createHttpApp({ build, trustProxy: 1, publicOrigin: () => baseUrl });
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    client: (options) => new Client(baseUrl, options?.ip),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The Remix build with its modules taken from the source this test file imports, so the app it serves and the
 * test share one copy of each module (one database connection, one course, one set of caches), as the server and
 * its build do. The route table and the browser assets come from `npm run build`.
 */
async function sourceBuild(): Promise<ServerBuild> {
  const built = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(built.routes)) {
    routes[id] = { ...route, module: (await import(routeFile(id))) as ServerBuild["routes"][string]["module"] };
  }
  return { ...built, entry: { module: await import("~/entry.server") }, routes };
}

function routeFile(id: string): string {
  for (const extension of [".tsx", ".ts"]) {
    const file = path.resolve("app", `${id}${extension}`);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`Geen bronbestand voor route ${id}`);
}

let nextIp = 1;

export type Page = { status: number; location: string | null; html: string; text: string; headers: Headers };

export class Client {
  readonly cookies = new Map<string, string>();
  readonly ip: string;

  constructor(
    readonly baseUrl: string,
    ip?: string,
  ) {
    this.ip = ip ?? `10.${process.pid % 250}.${Math.floor(nextIp / 250)}.${nextIp++ % 250}`;
  }

  async request(pathname: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    headers.set("X-Forwarded-For", this.ip);
    const response = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      // split() always gives at least one part.
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
    const html = await response.text();
    return {
      status: response.status,
      location: response.headers.get("Location"),
      html,
      text: visibleText(html),
      headers: response.headers,
    };
  }

  get(pathname: string) {
    return this.request(pathname);
  }

  /** A form post as the browser sends it from one of our own pages. */
  post(pathname: string, fields: Record<string, string>, { origin = this.baseUrl }: { origin?: string } = {}) {
    return this.request(pathname, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** A form post followed to the page it leads to, as a browser shows it (post/redirect/get). */
  async submit(pathname: string, fields: Record<string, string>, options: { origin?: string } = {}): Promise<Page> {
    return this.follow(await this.post(pathname, fields, options));
  }

  /** A multipart form post with files, as a browser sends a file input, followed to the page it leads to. */
  async upload(pathname: string, files: { name: string; bytes: Uint8Array }[], fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    for (const file of files) form.append("files", new Blob([new Uint8Array(file.bytes)]), file.name);
    return this.follow(await this.request(pathname, { method: "POST", headers: { Origin: this.baseUrl }, body: form }));
  }

  /** Follows redirects like a browser until a page renders. */
  async follow(page: Page): Promise<Page> {
    let current = page;
    for (let hops = 0; current.location && hops < 5; hops++) current = await this.get(current.location);
    return current;
  }

  /** Logs in through the form, password check and all: for tests whose subject is logging in. */
  async login(email: string, password: string): Promise<Page> {
    return this.post("/inloggen", { email, password });
  }

  /**
   * Signed in as this user by a session made directly, as a successful login leaves it, without the argon2
   * check of the form (slow on a busy machine). Everything that is not about logging in itself uses this.
   */
  async signInAs(user: { id: string }): Promise<this> {
    const [name, value] = (await sessionCookieFor(user.id)).split("=") as [string, string];
    this.cookies.set(name, value);
    return this;
  }
}

/** The text a reader sees, roughly: tags removed, entities for the common characters decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The value attribute of the input with this name in the page, if any. */
export function inputValue(html: string, name: string): string | undefined {
  const tag = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
  if (!tag) return undefined;
  return (
    tag
      .match(/value="([^"]*)"/)?.[1]
      ?.replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"') ?? ""
  );
}
