// Reads content/modules, validates frontmatter, and compiles the MDX with mdx-bundler: once per content
// version. The key of a compiled file is the hash of its source and of what it imports; compiled code is kept
// in memory and in DATA_DIR/cache/mdx, so a restart with unchanged content compiles nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { bundleMDX } from "mdx-bundler";
import { env } from "~/env.server";
import { AssignmentFrontmatter, CourseFrontmatter, describeIssues, ModuleFrontmatter } from "./schema";
import { splitSections, type Section } from "./sections";

// Bump when the way we compile changes, so old cache files are not reused.
const COMPILER_VERSION = "mdx-bundler-10/gilde-1";

export class ContentError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}\n${problem}`);
    this.name = "ContentError";
  }
}

type CompiledAssignment = {
  slug: string;
  file: string;
  frontmatter: AssignmentFrontmatter;
  code: string;
};

export type CompiledModule = {
  slug: string;
  dir: string;
  frontmatter: ModuleFrontmatter;
  code: string;
  intro: Section;
  sections: Section[];
  assignments: CompiledAssignment[];
  /** Assignment slugs the text links to with <Opdracht slug>. */
  linkedAssignments: string[];
};

/** `content/leergang/`: the course as a whole, and its assessment policy. */
type CompiledCoursePages = {
  frontmatter: CourseFrontmatter;
  /** The text of index.mdx (how the course is built) and of toetsbeleid.mdx. */
  overviewCode: string;
  policyCode: string;
};

export type Course = { version: string; modules: CompiledModule[]; leergang: CompiledCoursePages };

export type CompileStats = { compiled: number; fromDisk: number; fromMemory: number };
export const compileStats: CompileStats = { compiled: 0, fromDisk: 0, fromMemory: 0 };

const memory = new Map<string, string>();

function relative(file: string) {
  return path.relative(process.cwd(), file) || file;
}

/** Relative imports of an MDX file (content may import a shared snippet); their contents are part of the key. */
function importedFiles(source: string, dir: string): string[] {
  return [...source.matchAll(/^import\s+[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm)].flatMap(([, spec]) =>
    spec ? [path.resolve(dir, spec)] : [],
  );
}

function cacheKey(source: string, file: string): string {
  const hash = crypto.createHash("sha256").update(COMPILER_VERSION).update("\0").update(source);
  for (const imported of importedFiles(source, path.dirname(file))) {
    hash.update("\0").update(fs.existsSync(imported) ? fs.readFileSync(imported) : "missing");
  }
  return hash.digest("hex");
}

async function compileMdx(source: string, file: string, cacheDir: string): Promise<string> {
  const key = cacheKey(source, file);
  const cached = memory.get(key);
  if (cached) {
    compileStats.fromMemory++;
    return cached;
  }
  const cacheFile = path.join(cacheDir, `${key}.js`);
  if (fs.existsSync(cacheFile)) {
    const code = fs.readFileSync(cacheFile, "utf8");
    memory.set(key, code);
    compileStats.fromDisk++;
    return code;
  }
  let code: string;
  try {
    ({ code } = await bundleMDX({ source, cwd: path.dirname(file) }));
  } catch (error) {
    throw new ContentError(relative(file), `MDX kon niet worden gecompileerd:\n${mdxErrorText(error)}`);
  }
  compileStats.compiled++;
  memory.set(key, code);
  fs.mkdirSync(cacheDir, { recursive: true });
  // Write-then-rename: a second process reading at the same moment never sees half a file.
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, code);
  fs.renameSync(temporary, cacheFile);
  return code;
}

function mdxErrorText(error: unknown): string {
  const errors = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors;
  if (errors?.length) {
    return errors
      .map(
        (e) =>
          `  - ${e.location ? `regel ${e.location.line}, kolom ${e.location.column}: ` : ""}${e.text.split("\n")[0]}`,
      )
      .join("\n");
  }
  return `  - ${(error as Error).message?.split("\n")[0] ?? String(error)}`;
}

function readFrontmatter(file: string) {
  const source = fs.readFileSync(file, "utf8");
  try {
    const parsed = matter(source);
    return { source, data: parsed.data as unknown, body: parsed.content };
  } catch (error) {
    throw new ContentError(
      relative(file),
      `De frontmatter (YAML tussen de ---) is ongeldig:\n  - ${(error as Error).message.split("\n")[0]}`,
    );
  }
}

function linkedAssignmentSlugs(body: string): string[] {
  return [...body.matchAll(/<Opdracht\s+slug=["']([^"']+)["']/g)].flatMap(([, slug]) => (slug ? [slug] : []));
}

export async function compileCourse({
  contentDir = path.resolve(env().CONTENT_DIR),
  cacheDir,
}: {
  contentDir?: string;
  cacheDir: string;
}): Promise<Course> {
  const modulesDir = path.join(contentDir, "modules");
  if (!fs.existsSync(modulesDir)) throw new ContentError(relative(modulesDir), "Deze map met modules bestaat niet.");
  const folders = fs
    .readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  const modules: CompiledModule[] = [];
  for (const folder of folders) {
    const dir = path.join(modulesDir, folder);
    const [, slug] = /^\d{2}-([a-z0-9-]+)$/.exec(folder) ?? [];
    if (!slug)
      throw new ContentError(relative(dir), "Een modulemap heet NN-slug, bijvoorbeeld 03-vertrouwen-als-fundament.");
    const indexFile = path.join(dir, "index.mdx");
    if (!fs.existsSync(indexFile)) throw new ContentError(relative(indexFile), "Elke module heeft een index.mdx.");

    const index = readFrontmatter(indexFile);
    const frontmatter = ModuleFrontmatter.safeParse(index.data);
    if (!frontmatter.success)
      throw new ContentError(relative(indexFile), `De frontmatter klopt niet:\n${describeIssues(frontmatter.error)}`);
    const code = await compileMdx(index.source, indexFile, cacheDir);
    const { intro, sections } = splitSections(index.body, "Inleiding");
    if (sections.length === 0)
      throw new ContentError(relative(indexFile), "Een module heeft minstens één ##-kop (een sectie).");

    const assignments: CompiledAssignment[] = [];
    for (const name of fs
      .readdirSync(dir)
      .filter((n) => /^opdracht-.+\.mdx$/.test(n))
      .sort()) {
      const file = path.join(dir, name);
      const assignment = readFrontmatter(file);
      const parsed = AssignmentFrontmatter.safeParse(assignment.data);
      if (!parsed.success)
        throw new ContentError(relative(file), `De frontmatter klopt niet:\n${describeIssues(parsed.error)}`);
      assignments.push({
        slug: parsed.data.slug,
        file: relative(file),
        frontmatter: parsed.data,
        code: await compileMdx(assignment.source, file, cacheDir),
      });
    }
    modules.push({
      slug,
      dir: relative(dir),
      frontmatter: frontmatter.data,
      code,
      intro,
      sections,
      assignments,
      linkedAssignments: linkedAssignmentSlugs(index.body),
    });
  }
  checkCourse(modules);
  modules.sort((a, b) => a.frontmatter.order - b.frontmatter.order);
  const leergang = await compileCoursePages(contentDir, cacheDir);
  checkAlignment(modules, leergang.frontmatter, `${relative(path.join(contentDir, "leergang"))}/index.mdx`);
  // Everything derived from the files counts, so a change in how sections are cut also rebuilds the search index.
  const version = crypto
    .createHash("sha256")
    .update(COMPILER_VERSION)
    .update(
      JSON.stringify([
        modules.map((m) => [m.slug, m.code, m.intro, m.sections, m.assignments.map((a) => a.code)]),
        leergang.overviewCode,
        leergang.policyCode,
      ]),
    )
    .digest("hex")
    .slice(0, 16);
  return { version, modules, leergang };
}

async function compileCoursePages(contentDir: string, cacheDir: string): Promise<CompiledCoursePages> {
  const dir = path.join(contentDir, "leergang");
  const indexFile = path.join(dir, "index.mdx");
  const policyFile = path.join(dir, "toetsbeleid.mdx");
  for (const file of [indexFile, policyFile]) {
    if (!fs.existsSync(file))
      throw new ContentError(
        relative(file),
        "De leergang als geheel staat in leergang/index.mdx (leeruitkomsten, studielast, toelating) en leergang/toetsbeleid.mdx.",
      );
  }
  const index = readFrontmatter(indexFile);
  const frontmatter = CourseFrontmatter.safeParse(index.data);
  if (!frontmatter.success)
    throw new ContentError(relative(indexFile), `De frontmatter klopt niet:\n${describeIssues(frontmatter.error)}`);
  const policy = readFrontmatter(policyFile);
  return {
    frontmatter: frontmatter.data,
    overviewCode: await compileMdx(index.source, indexFile, cacheDir),
    policyCode: await compileMdx(policy.source, policyFile, cacheDir),
  };
}

/**
 * The line from course outcome to module goal to rubric: every goal serves an outcome that exists, every
 * criterion assesses goals of its own module, and the modules' hours add up to the course's.
 */
function checkAlignment(modules: CompiledModule[], course: CourseFrontmatter, courseFile: string) {
  const outcomes = new Set(course.outcomes.map((o) => o.id));
  // Where a goal id does live, to name it when a criterion reaches into another module (ids may repeat).
  const goalHomes = new Map<string, string[]>();
  for (const m of modules)
    for (const g of m.frontmatter.learningGoals)
      goalHomes.set(g.id, [...(goalHomes.get(g.id) ?? []), `${m.dir}/index.mdx`]);
  for (const module of modules) {
    const file = `${module.dir}/index.mdx`;
    const goals = new Set(module.frontmatter.learningGoals.map((g) => g.id));
    for (const goal of module.frontmatter.learningGoals) {
      for (const outcome of goal.outcomes) {
        if (!outcomes.has(outcome))
          throw new ContentError(
            file,
            `Leerdoel "${goal.id}" noemt leeruitkomst "${outcome}", die niet in ${courseFile} staat.`,
          );
      }
    }
    for (const assignment of module.assignments) {
      for (const criterion of assignment.frontmatter.rubric) {
        for (const goal of criterion.goals) {
          if (!goals.has(goal)) {
            const homes = goalHomes.get(goal);
            throw new ContentError(
              assignment.file,
              `Criterium "${criterion.id}" toetst leerdoel "${goal}", dat niet bij ${file} hoort` +
                (homes ? ` maar bij ${homes.join(" en ")}.` : "."),
            );
          }
        }
      }
    }
  }
  const total = modules.reduce((sum, m) => sum + m.frontmatter.hours.total, 0);
  if (total !== course.hours)
    throw new ContentError(
      courseFile,
      `hours: de modules samen vragen ${total} uur, de leergang zegt ${course.hours}.`,
    );
}

/** What one file cannot see: duplicate orders and slugs, links to assignments that do not exist. */
function checkCourse(modules: CompiledModule[]) {
  const orders = new Map<number, string>();
  const assignmentSlugs = new Map<string, string>();
  for (const module of modules) {
    const other = orders.get(module.frontmatter.order);
    if (other)
      throw new ContentError(
        `${module.dir}/index.mdx`,
        `order ${module.frontmatter.order} wordt ook gebruikt door ${other}.`,
      );
    orders.set(module.frontmatter.order, module.dir);
    for (const assignment of module.assignments) {
      const first = assignmentSlugs.get(assignment.slug);
      if (first)
        throw new ContentError(assignment.file, `De slug "${assignment.slug}" wordt ook gebruikt door ${first}.`);
      assignmentSlugs.set(assignment.slug, assignment.file);
    }
  }
  for (const module of modules) {
    for (const slug of module.linkedAssignments) {
      if (!assignmentSlugs.has(slug))
        throw new ContentError(
          `${module.dir}/index.mdx`,
          `<Opdracht slug="${slug}"> verwijst naar een opdracht die niet bestaat.`,
        );
    }
  }
}
