// Crash points for the crash-safety tests (issue 10). With GILDE_CRASH_POINT=<name> in its environment the
// process stops at that point in the middle of its work, says so on stdout, and waits there for the test to kill
// it (SIGKILL). Without the variable, as in every real deployment, this is a no-op.
import { env, type Env } from "./env.server";

export async function crashPoint(name: NonNullable<Env["GILDE_CRASH_POINT"]>) {
  if (env().GILDE_CRASH_POINT !== name) return;
  console.log(`[crash-point] ${name}`);
  await new Promise(() => {});
}
