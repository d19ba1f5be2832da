// Short-lived, per-process memory for hot reads (sessions, course access, progress). Kept on globalThis so the
// server entry and the Remix build, which each have their own copy of our modules, share one memory.
declare global {
  var __gildeCaches: Map<string, Map<string, unknown>> | undefined;
}

export function sharedMap<V>(name: string): Map<string, V> {
  globalThis.__gildeCaches ??= new Map();
  let map = globalThis.__gildeCaches.get(name);
  if (!map) globalThis.__gildeCaches.set(name, (map = new Map()));
  return map as Map<string, V>;
}
