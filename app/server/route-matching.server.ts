// React Router's `matchRoutes` flattens and ranks the whole route tree and compiles a regular expression for every
// route it tries, on every call; it keeps nothing between calls. A page render calls it four times (Remix's route
// match, the static router, and twice for the routes the browser is sent first), and with this app's hundred routes
// that was a third of the server's time per page, the bare ceiling page included (measured with --cpu-prof).
// The answer depends only on the tree's shape and the path, so it is remembered for both. Remix builds a new route
// tree per render (same shape, new objects), so a remembered match names its routes by id and is answered with the
// route objects of the tree that asked.
import { createRequire } from "node:module";

type Route = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route };
type Remembered = { routeId: string; params: Match["params"]; pathname: string; pathnameBase: string };
type MatchRoutes = (routes: Route[], location: string | { pathname?: string }, basename?: string) => Match[] | null;
type Tree = { shape: number; byId: Map<string, Route> };

// Paths come from anyone on the internet, so the memory is bounded: when full it starts over.
const MAX_PATHS = 2_000;

/** The tree's shape (what matching reads: id, path, index, caseSensitive, nesting) and its routes by id; null
 * when a route has no id, so nothing can be named (such a tree is matched the old way). */
function describe(routes: Route[], shapes: Map<string, number>): Tree | null {
  const byId = new Map<string, Route>();
  const walk = (list: Route[]): string | null => {
    let shape = "";
    for (const route of list) {
      if (!route.id || byId.has(route.id)) return null;
      byId.set(route.id, route);
      const children = route.children?.length ? walk(route.children) : "";
      if (children === null) return null;
      shape += `${route.id}\u0001${route.path ?? ""}\u0001${route.index ? 1 : 0}${route.caseSensitive ? 1 : 0}[${children}]`;
    }
    return shape;
  };
  const shape = walk(routes);
  if (shape === null) return null;
  let number = shapes.get(shape);
  if (number === undefined) {
    number = shapes.size;
    shapes.set(shape, number);
  }
  return { shape: number, byId };
}

export function rememberingMatchRoutes(original: MatchRoutes): MatchRoutes {
  const trees = new WeakMap<Route[], Tree | null>();
  // Each shape seen gets a number (one per build in practice), so keys stay short.
  const shapes = new Map<string, number>();
  const answers = new Map<string, Remembered[] | null>();
  return function matchRoutes(routes, location, basename = "/") {
    const raw = typeof location === "string" ? location : (location.pathname ?? "/");
    // A string may carry a query or a fragment; matching reads only the path.
    const pathname = typeof location === "string" ? (raw.split(/[?#]/, 1)[0] ?? "/") : raw;
    let tree = trees.get(routes);
    if (tree === undefined) {
      tree = describe(routes, shapes);
      trees.set(routes, tree);
    }
    if (!tree) return original(routes, location, basename);
    const key = `${tree.shape}\u0000${basename}\u0000${pathname}`;
    let remembered = answers.get(key);
    if (remembered === undefined) {
      const matches = original(routes, pathname, basename);
      remembered =
        matches?.map(({ route, params, pathname, pathnameBase }) => ({
          routeId: route.id as string,
          params,
          pathname,
          pathnameBase,
        })) ?? null;
      if (answers.size >= MAX_PATHS) answers.clear();
      answers.set(key, remembered);
    }
    if (!remembered) return null;
    const byId = tree.byId;
    // Fresh objects each time: a caller may change what it is given.
    return remembered.map(({ routeId, params, pathname, pathnameBase }) => ({
      params: { ...params },
      pathname,
      pathnameBase,
      route: byId.get(routeId) as Route,
    }));
  };
}

let installed = false;

/**
 * Puts the remembering versions in place, once per process: `matchRoutes` for every package that calls it through
 * the shared `@remix-run/router` module (Remix's server runtime, Remix's React side and React Router), and the
 * route tree of `RemixServer` (which calls `createServerRoutes` through its module's exports). Should a new Remix
 * move either, the page still renders, only without the saving.
 */
export function rememberRouteMatches() {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  // The copy each of them loads (one, while their versions agree; should they not, each copy is patched). A package
  // not found where it used to be is left as it is.
  const routerOf = (chain: string[]) => {
    try {
      let from = require;
      for (const name of chain) from = createRequire(from.resolve(name));
      return from("@remix-run/router") as { matchRoutes: unknown };
    } catch {
      return null;
    }
  };
  const routers = new Set(
    [
      ["@remix-run/node", "@remix-run/server-runtime"],
      ["@remix-run/react"],
      ["@remix-run/react", "react-router-dom", "react-router"],
    ]
      .map(routerOf)
      .filter((router) => router !== null),
  );
  for (const router of routers) router.matchRoutes = rememberingMatchRoutes(router.matchRoutes as MatchRoutes);
  let remixRoutes: { createServerRoutes?: unknown } | null = null;
  try {
    remixRoutes = require("@remix-run/react/dist/routes.js") as { createServerRoutes?: unknown };
  } catch {
    // Moved in a newer Remix: its tree is then built per render, as before.
  }
  if (remixRoutes && typeof remixRoutes.createServerRoutes === "function") {
    remixRoutes.createServerRoutes = rememberingServerRoutes(remixRoutes.createServerRoutes as ServerRoutes);
  }
}

type ServerRoutes = (manifest: object, routeModules: Record<string, unknown>, ...rest: unknown[]) => unknown;

/**
 * Remix's `RemixServer` also builds its route tree anew for every render, from the build's manifest and route
 * modules, which do not change while the process runs. The tree is remembered for as long as the manifest and
 * every route module stay the same objects.
 */
export function rememberingServerRoutes(original: ServerRoutes): ServerRoutes {
  const built = new WeakMap<object, { modules: Record<string, unknown>; rest: unknown[]; routes: unknown }>();
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
  };
  return function createServerRoutes(manifest, routeModules, ...rest) {
    // Its inner calls (for child routes) pass more arguments; only the outer call is remembered.
    if (rest.length > 2) return original(manifest, routeModules, ...rest);
    const known = built.get(manifest);
    if (known && same(known.modules, routeModules) && known.rest.every((value, i) => value === rest[i])) {
      return known.routes;
    }
    const routes = original(manifest, routeModules, ...rest);
    built.set(manifest, { modules: { ...routeModules }, rest, routes });
    return routes;
  };
}
