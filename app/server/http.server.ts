// The HTTP server around the Remix build: security headers, static assets, the one CSRF check, the client address.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { isCrossSiteRequest } from "~/auth/csrf";
import { appUrl } from "~/env.server";
import { securityHeaders } from "./headers";

export function createHttpApp({ build, trustProxy }: { build: ServerBuild; trustProxy: boolean }) {
  const app = express();
  app.disable("x-powered-by");
  // Only behind a proxy we trust do we read X-Forwarded-For; otherwise the socket address counts.
  app.set("trust proxy", trustProxy);

  const production = process.env.NODE_ENV === "production";
  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const defaults = securityHeaders({ nonce, production, https: req.secure || appUrl().startsWith("https://") });
    // Defaults, unless the route set its own (the password-reset page asks for no referrer at all): filled in
    // just before the head goes out, because Remix appends its headers rather than replacing ours.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      for (const [name, value] of Object.entries(defaults)) if (!res.hasHeader(name)) res.setHeader(name, value);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    if (
      isCrossSiteRequest({
        method: req.method,
        path: req.path,
        host: req.get("host"),
        origin: req.get("origin"),
        secFetchSite: req.get("sec-fetch-site"),
      })
    ) {
      res.status(403).type("text/plain; charset=utf-8").send("Geweigerd: dit verzoek kwam niet van Gilde zelf.");
      return;
    }
    next();
  });

  const publicDir = path.resolve("build/public");
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  // Other public files by name only, so a page request never costs a trip to the file system.
  const publicFiles = new Set(
    fs.existsSync(publicDir) ? fs.readdirSync(publicDir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${e.name}`) : [],
  );
  const servePublic = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({
        clientIp: (trustProxy ? req.ip : req.socket.remoteAddress) ?? "onbekend",
        // Only a document request renders HTML on the server; data requests (?_data) carry the HTML themselves.
        staticHtml: req.query._data === undefined ? new Map() : undefined,
        dataRequest: req.query._data !== undefined,
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );
  return app;
}
