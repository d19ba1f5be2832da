// Prisma (6.19, with its query compiler) turns every query into a plan in WebAssembly, anew for every call: about
// half of what an ORM query costs the server (0.47 of 0.95 ms of CPU for a findUnique on the two-core VM). A plan
// is a pure function of the query as Prisma writes it down (model, arguments, selection, the values included), and
// defaults such as `cuid()` and `now()` stay calls in the plan, evaluated each time it runs. So the compiler's
// answer is remembered per query text: the same participant opening the start page again, every participant of a
// cohort asking for its schedule, a trainer paging the queue. README, "Speed", "Prisma's plans remembered".
import { createRequire } from "node:module";

/** Plans kept per compiler method (the least recently used goes first), and the longest query text kept (one with a
 * long text in it). */
const MAX_PLANS = 2_000;
const MAX_QUERY_CHARS = 4_096;

type Compile = (this: object, query: string) => unknown;
type CompilerPrototype = { compile: Compile; compileBatch: Compile };

export const planCacheStats = { compiled: 0, remembered: 0 };

/** Frozen: a plan is shared by every call of the same query, so nothing may change it (Prisma's code is strict). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Plans per compiler (each Prisma client has its own, made for its own database schema: the names are in the SQL),
 * one store per compiler method, keyed by the query text itself (no new string made from it to hash per call).
 */
function remembering(compile: Compile): Compile {
  const plansOf = new WeakMap<object, Map<string, unknown>>();
  return function rememberedCompile(this: object, query: string) {
    let plans = plansOf.get(this);
    if (!plans) plansOf.set(this, (plans = new Map()));
    const known = plans.get(query);
    if (known !== undefined) {
      plans.delete(query);
      plans.set(query, known);
      planCacheStats.remembered++;
      return known;
    }
    const plan = compile.call(this, query);
    planCacheStats.compiled++;
    if (query.length <= MAX_QUERY_CHARS) {
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
      plans.set(query, deepFreeze(plan));
    }
    return plan;
  };
}

let installed = false;

/**
 * Puts the remembering compiler in place, once per process, before the first client is made. Should a newer Prisma
 * move its compiler, queries run as before, compiled every time.
 */
export function rememberQueryPlans() {
  if (installed) return;
  installed = true;
  let compiler: { QueryCompiler?: { prototype: CompilerPrototype } };
  try {
    const fromClient = createRequire(createRequire(import.meta.url).resolve("@prisma/client"));
    compiler = fromClient(".prisma/client/query_compiler_bg.js") as typeof compiler;
  } catch {
    return;
  }
  const prototype = compiler.QueryCompiler?.prototype;
  if (!prototype || typeof prototype.compile !== "function" || typeof prototype.compileBatch !== "function") return;
  prototype.compile = remembering(prototype.compile);
  prototype.compileBatch = remembering(prototype.compileBatch);
}
