import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { rememberingMatchRoutes, rememberingServerRoutes } from "~/server/route-matching.server";

// The shape Remix gives React Router: a root, index routes, dynamic and optional segments, a pathless layout, a
// case-sensitive route and a splat that catches the rest.
function tree(): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/modules._index", path: "modules", index: true },
        { id: "routes/modules.$slug", path: "modules/:slug" },
        { id: "routes/modules.planning.$cohortId", path: "modules/planning/:cohortId" },
        { id: "routes/opdrachten.$slug.($versie)", path: "opdrachten/:slug/:versie?" },
        {
          id: "routes/_beheer",
          children: [
            {
              id: "routes/_beheer.beheer",
              path: "beheer",
              children: [{ id: "routes/_beheer.beheer._index", index: true }],
            },
            { id: "routes/_beheer.beheer.cohorten.$id", path: "beheer/cohorten/:id" },
          ],
        },
        { id: "routes/Kaart", path: "Kaart", caseSensitive: true },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const paths = [
  "/",
  "/modules",
  "/modules/",
  "/modules/vertrouwen-als-fundament",
  "/modules/planning/c1",
  "/modules/planning",
  "/opdrachten/wijkschets",
  "/opdrachten/wijkschets/2",
  "/beheer",
  "/beheer/cohorten/abc",
  "/Kaart",
  "/kaart",
  "/bestaat/niet/zo",
  "/modules/caf%C3%A9",
  "/modules/a%2Fb",
  "/modules//dubbel",
];

describe("remembered route matches", () => {
  it("answers every path exactly as React Router does, the first time and when remembered", () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never);
    for (const round of [1, 2]) {
      const routes = tree();
      for (const path of paths) {
        expect(remembering(routes, path), `${path} (ronde ${round})`).toEqual(matchRoutes(routes, path));
        expect(remembering(routes, { pathname: path })).toEqual(matchRoutes(routes, { pathname: path }));
      }
      expect(remembering(routes, "/modules/x?tab=2#deel")).toEqual(matchRoutes(routes, "/modules/x?tab=2#deel"));
      expect(remembering(routes, "/app/modules/x", "/app")).toEqual(matchRoutes(routes, "/app/modules/x", "/app"));
      expect(remembering(routes, "/elders", "/app")).toBeNull();
    }
  });

  it("names the routes of the tree that asks, though a tree of the same shape asked before", () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never);
    const first = tree();
    const second = tree();
    const a = remembering(first, "/modules/x");
    const b = remembering(second, "/modules/x");
    expect(a?.map((m) => m.route.id)).toEqual(["root", "routes/modules.$slug"]);
    expect(a?.[1]?.route).toBe(first[0]?.children?.[2]);
    expect(b?.[1]?.route).toBe(second[0]?.children?.[2]);
  });

  it("tells trees of a different shape apart", () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never);
    const before = tree();
    expect(remembering(before, "/modules/x")?.[1]?.route.id).toBe("routes/modules.$slug");
    const changed = tree();
    const children = changed[0]?.children ?? [];
    children.splice(2, 1, { id: "routes/modules.$naam", path: "modules/:naam" });
    const matches = remembering(changed, "/modules/x");
    expect(matches?.[1]?.route.id).toBe("routes/modules.$naam");
    expect(matches?.[1]?.params).toEqual({ naam: "x" });
  });

  it("gives each caller objects of its own, so one caller's change reaches no other", () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never);
    const routes = tree();
    const first = remembering(routes, "/modules/x");
    if (first?.[1]) first[1].params.slug = "veranderd";
    expect(remembering(routes, "/modules/x")?.[1]?.params).toEqual({ slug: "x" });
  });

  it("matches a tree with a route without id the ordinary way", () => {
    const remembering = rememberingMatchRoutes(matchRoutes as never);
    const routes: AgnosticRouteObject[] = [{ path: "/", children: [{ path: "a/:b" }] }];
    expect(remembering(routes, "/a/c")).toEqual(matchRoutes(routes, "/a/c"));
  });
});

describe("remembered server route tree", () => {
  it("is built once while the manifest and every route module stay the same, and again when one changes", () => {
    let builds = 0;
    const remembering = rememberingServerRoutes(() => ({ build: ++builds }));
    const manifest = { root: {}, "routes/_index": {} };
    const modules = { root: { default: "Root" }, "routes/_index": { default: "Index" } };
    const future = {};
    const first = remembering(manifest, { ...modules }, future, false);
    // Remix passes a new object with the same modules on every request.
    expect(remembering(manifest, { ...modules }, future, false)).toBe(first);
    expect(builds).toBe(1);
    expect(remembering(manifest, { ...modules, "routes/_index": { default: "Nieuw" } }, future, false)).not.toBe(first);
    expect(remembering(manifest, { ...modules }, future, true)).toEqual({ build: 3 });
    expect(remembering({ ...manifest }, { ...modules }, future, true)).toEqual({ build: 4 });
  });
});
