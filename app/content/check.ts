// `npm run build` runs this first: every module and assignment must validate and compile, or the build stops
// with the file and the problem. The compiled code lands in the cache, so the next start compiles nothing.
import { EnvError } from "~/env.server";
import { ContentError } from "./compile.server";
import { loadCourse, mdxStats, moduleHtml } from "./course.server";

async function main() {
  const started = Date.now();
  const course = await loadCourse();
  // Render every module once, so a component error shows here and not on a participant's screen.
  for (const module of course.modules) moduleHtml(module, null);
  const stats = mdxStats();
  const assignments = course.modules.reduce((n, m) => n + m.assignments.length, 0);
  console.log(
    `Cursus gecontroleerd: ${course.modules.length} modules, ${assignments} opdrachten ` +
      `(${stats.compiled} gecompileerd, ${stats.fromDisk} uit de cache) in ${Date.now() - started} ms.`,
  );
}

main().catch((error) => {
  if (error instanceof ContentError) console.error(`\nFout in de cursusinhoud: ${error.message}\n`);
  else if (error instanceof EnvError) console.error(`\n${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
