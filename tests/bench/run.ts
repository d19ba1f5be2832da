// `npm run bench`: requests per second and latency of a logged-in module page against the framework's ceiling
// (a bare page of the same app and size, no database, no MDX), on the production build. Budget (issue 3):
// the module page reaches at least 50% of the ceiling and at least 500 requests per second, and no request
// compiles MDX. Then on PostgreSQL (p99 under 100 ms): the grading queue with 10,000 submissions (issue 5) and
// the community with 100,000 posts (issue 8); and the peer-review allocation of 10,000 participants (issue 6).
import autocannon from "autocannon";
import { startServer } from "../support/server";
import { loginCookie } from "./login";
import { allocateReviews } from "~/peer-review/allocate";
import { benchOnPostgres } from "./postgres-pages";

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
// Trainers grading at the same moment: a handful, not a crowd.
const QUEUE_CONNECTIONS = Number(process.env.BENCH_QUEUE_CONNECTIONS ?? 4);
const QUEUE_SECONDS = Number(process.env.BENCH_QUEUE_SECONDS ?? 10);

type Result = { name: string; rps: number; p50: number; p99: number; bytes: number; errors: number };

async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
  connections = CONNECTIONS,
  duration = DURATION,
): Promise<Result> {
  // Warm up first: the first requests pay for JIT and caches.
  await autocannon({ url, headers, connections, duration: 3 });
  const result = await autocannon({ url, headers, connections, duration });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: Math.round(result.throughput.average / Math.max(1, result.requests.average)),
    errors: result.errors + result.non2xx,
  };
}

async function modulePage() {
  const server = await startServer({ env: { BENCH: "on" } });
  try {
    const cookie = await loginCookie(server.baseUrl, "deelnemer@gilde.test");

    const modulePath = "/modules/vertrouwen-als-fundament";
    const page = await fetch(server.baseUrl + modulePath, { headers: { Cookie: cookie } });
    const moduleBytes = (await page.text()).length;
    if (page.status !== 200 || moduleBytes < 10_000) throw new Error(`De modulepagina gaf ${page.status}.`);
    const mdxBefore = await (await fetch(`${server.baseUrl}/bench/statisch?mdx&_data=routes/bench.statisch`)).json();

    const staticPath = `/bench/statisch?bytes=${moduleBytes}`;
    const ceiling = await measure("plafond: statische pagina", server.baseUrl + staticPath);
    const module = await measure(`modulepagina (ingelogd) ${modulePath}`, server.baseUrl + modulePath, {
      Cookie: cookie,
    });
    const mdxAfter = await (await fetch(`${server.baseUrl}/bench/statisch?mdx&_data=routes/bench.statisch`)).json();
    const share = module.rps / ceiling.rps;
    const compiledDuringLoad = mdxAfter.mdx.compiled - mdxBefore.mdx.compiled;
    return {
      results: [ceiling, module],
      checks: [
        [`modulepagina haalt ${Math.round(share * 100)}% van het plafond (eis: ≥ 50%)`, share >= 0.5],
        [`modulepagina ${module.rps} req/s (eis: ≥ 500)`, module.rps >= 500],
        [`MDX gecompileerd tijdens de meting: ${compiledDuringLoad} (eis: 0)`, compiledDuringLoad === 0],
        [`fouten: ${ceiling.errors + module.errors} (eis: 0)`, ceiling.errors + module.errors === 0],
      ] as [string, boolean][],
    };
  } finally {
    await server.stop();
  }
}

async function postgresPages() {
  const pg = await benchOnPostgres((name, url, headers) =>
    measure(name, url, headers, QUEUE_CONNECTIONS, QUEUE_SECONDS),
  );
  const all = [...pg.results, ...pg.communityResults];
  return {
    results: all,
    checks: [
      ...all.map((r): [string, boolean] => [`${r.name}: p99 ${r.p99} ms (eis: < 100 ms op PostgreSQL)`, r.p99 < 100]),
      [`zonder fouten (${all.reduce((n, r) => n + r.errors, 0)})`, all.every((r) => r.errors === 0)],
      [
        `indexen in de queryplannen: ${pg.indexes.join(", ") || "geen"}`,
        ["Submission_cohortId_status_updatedAt_idx", "Thread_kind_lastPostAt_idx", "Post_threadId_createdAt_idx"].every(
          (i) => pg.indexes.includes(i),
        ),
      ],
    ] as [string, boolean][],
  };
}

/** Issue 6: 10,000 participants in gildes of 6, k = 3, all handed in: one allocation from scratch, under a second. */
function peerAllocation() {
  const participants = Array.from({ length: 10_000 }, (_, i) => ({
    userId: `u${i}`,
    gildeId: `g${Math.floor(i / 6)}`,
    submissionId: `s${i}`,
    handedInAt: new Date(Date.UTC(2027, 2, 1) + ((i * 7919) % 20_000) * 60_000),
    canReview: true,
  }));
  const input = { k: 3, seed: "bench", participants, existing: [] };
  allocateReviews(input); // warm-up
  const started = performance.now();
  const result = allocateReviews(input);
  const ms = Math.round(performance.now() - started);
  const loads = new Map<string, number>();
  for (const r of result) loads.set(r.reviewerId, (loads.get(r.reviewerId) ?? 0) + 1);
  return {
    results: [],
    checks: [
      [`peerfeedback verdelen: 10.000 deelnemers, gildes van 6, k = 3 in ${ms} ms (eis: < 1000 ms)`, ms < 1000],
      [
        `${result.length} toewijzingen, iedereen ${Math.min(...loads.values())}–${Math.max(...loads.values())} (eis: 30.000, allemaal 3)`,
        result.length === 30_000 && Math.min(...loads.values()) === 3 && Math.max(...loads.values()) === 3,
      ],
    ] as [string, boolean][],
  };
}

async function main() {
  const parts = [await modulePage(), await postgresPages(), peerAllocation()];
  console.log(
    `\nGilde bench: modulepagina ${DURATION} s met ${CONNECTIONS} verbindingen (database ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}); wachtrij en community ${QUEUE_SECONDS} s met ${QUEUE_CONNECTIONS} verbindingen (PostgreSQL)\n`,
  );
  console.log("meting                                              req/s    p50 ms   p99 ms   bytes    fouten");
  for (const r of parts.flatMap((p) => p.results)) {
    console.log(
      `${r.name.padEnd(50)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.bytes).padStart(8)} ${String(r.errors).padStart(8)}`,
    );
  }
  const checks = parts.flatMap((p) => p.checks);
  console.log("");
  for (const [text, ok] of checks) console.log(`${ok ? "OK  " : "FOUT"} ${text}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
