// The HTTP server around the Remix build: static assets, the one CSRF check, the client address.
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { isCrossSiteRequest } from "~/auth/csrf";

export function createHttpApp({ build, trustProxy }: { build: ServerBuild; trustProxy: boolean }) {
  const app = express();
  app.disable("x-powered-by");
  // Only behind a proxy we trust do we read X-Forwarded-For; otherwise the socket address counts.
  app.set("trust proxy", trustProxy);

  app.use((req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
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
      getLoadContext: (req) => ({
        clientIp: (trustProxy ? req.ip : req.socket.remoteAddress) ?? "onbekend",
        // Only a document request renders HTML on the server; data requests (?_data) carry the HTML themselves.
        staticHtml: req.query._data === undefined ? new Map() : undefined,
        dataRequest: req.query._data !== undefined,
      }),
    }),
  );
  return app;
}
