// The HTTP server around the Remix build: static assets, the one CSRF check, the client address.
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
  app.use(express.static(publicDir, { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req) => ({ clientIp: (trustProxy ? req.ip : req.socket.remoteAddress) ?? "onbekend" }),
    }),
  );
  return app;
}
