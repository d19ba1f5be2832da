// The HTTP server around the Remix build: compression, security headers, caching, static assets, the one CSRF
// check, the client address and scheme behind a known number of proxies.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { isCrossSiteRequest } from "~/auth/csrf";
import { env } from "~/env.server";
import { FRAME_ANCESTORS_HEADER, securityHeaders } from "./headers";
import { requestStateStore } from "./request-state.server";

/** Pages and data depend on who asks: no cache (browser, proxy or CDN) may keep them. */
const PRIVATE_CACHE_CONTROL = "private, no-store";

/**
 * `trustProxy`: how many proxies in front of us add X-Forwarded-For / X-Forwarded-Proto (0: none, read the
 * socket). Only those hops are believed; an address a client wrote into the header itself is not.
 */
export function createHttpApp({
  build,
  trustProxy,
  publicOrigin,
}: {
  build: ServerBuild;
  trustProxy: number;
  publicOrigin?: () => string;
}) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);

  // Pages, data and assets go out compressed (brotli or gzip, whichever the browser accepts first).
  app.use(compression());

  const production = env().NODE_ENV === "production";
  const configuredOrigin = publicOrigin ?? (() => (env().APP_URL ? new URL(env().APP_URL!).origin : null));
  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    // Behind a TLS proxy we trust, req.secure follows X-Forwarded-Proto.
    const https = req.secure || Boolean(env().APP_URL?.startsWith("https://"));
    // Defaults, unless the route set its own (the password-reset page asks for no referrer at all): filled in
    // just before the head goes out, because Remix appends its headers rather than replacing ours.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      // An LTI launch's page inside the LMS frame names the origins that may frame it (app/lti/frame.server.ts).
      const framers = res.getHeader(FRAME_ANCESTORS_HEADER);
      res.removeHeader(FRAME_ANCESTORS_HEADER);
      const frameAncestors = typeof framers === "string" ? framers.split(" ").filter(Boolean) : undefined;
      const defaults = securityHeaders({ nonce, production, https, frameAncestors });
      for (const [name, value] of Object.entries(defaults)) {
        // A 304 keeps the browser's copy, whose scripts carry the nonce of its own policy: a new one would block them.
        if (res.statusCode === 304 && name === "Content-Security-Policy") continue;
        if (!res.hasHeader(name)) res.setHeader(name, value);
      }
      if (!res.hasHeader("Cache-Control") && !req.path.startsWith("/build/"))
        res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
      if (res.statusCode === 503 && !res.hasHeader("Retry-After")) res.setHeader("Retry-After", "30");
      if (req.secure) markCookiesSecure(res);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    const expectedOrigin = configuredOrigin() ?? `${req.protocol}://${req.get("host")}`;
    if (
      isCrossSiteRequest({
        method: req.method,
        path: req.path,
        expectedOrigin,
        origin: req.get("origin"),
        secFetchSite: req.get("sec-fetch-site"),
      })
    ) {
      res.status(403).type("text/plain; charset=utf-8").send("Geweigerd: dit verzoek kwam niet van Gilde zelf.");
      return;
    }
    requestStateStore().run({}, next);
  });

  const publicDir = path.resolve("build/public");
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  // Other public files by name only, so a page request never costs a trip to the file system.
  const publicFiles = new Set(
    fs.existsSync(publicDir)
      ? fs
          .readdirSync(publicDir, { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => `/${e.name}`)
      : [],
  );
  const servePublic = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env().NODE_ENV,
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? "onbekend",
        // Only a document request renders HTML on the server; data requests (?_data) carry the HTML themselves.
        staticHtml: req.query._data === undefined ? new Map() : undefined,
        dataRequest: req.query._data !== undefined,
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );
  return app;
}

/** Adds `Secure` to every cookie this response sets (the request reached us over https). */
function markCookiesSecure(res: express.Response) {
  const cookies = res.getHeader("Set-Cookie");
  if (!cookies) return;
  const list = Array.isArray(cookies) ? cookies : [String(cookies)];
  res.setHeader(
    "Set-Cookie",
    list.map((cookie) => (/;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`)),
  );
}
