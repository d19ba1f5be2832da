// The compiled course of this process. `loadCourse()` runs at start (and in the build check); requests only
// read.
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { dataDir } from "~/db/adapter.server";
import { compileCourse, compileStats, type CompiledModule, type Course } from "./compile.server";
import { mdxComponents } from "./mdx-components";
import { ModuleGoals, ModuleReading, ModuleSources } from "~/components/module-reference";

type CourseState = {
  course: Course;
  components: Map<string, ReturnType<typeof getMDXComponent>>;
  html: Map<string, string>;
  assignmentTitles: Map<string, string>;
};

let loaded: CourseState | undefined;

const HTML_CACHE_LIMIT = 5000;

function mdxCacheDir() {
  return path.join(dataDir(), "cache", "mdx");
}

export async function loadCourse(options: { contentDir?: string; cacheDir?: string } = {}): Promise<Course> {
  const course = await compileCourse({ contentDir: options.contentDir, cacheDir: options.cacheDir ?? mdxCacheDir() });
  const assignmentTitles = new Map(
    course.modules.flatMap((m) => m.assignments.map((a) => [a.slug, a.frontmatter.title] as const)),
  );
  loaded = { course, components: new Map(), html: new Map(), assignmentTitles };
  return course;
}

function state(): CourseState {
  if (!loaded)
    throw new Error("De cursus is niet geladen: roep eerst loadCourse() aan (de server doet dat bij het starten).");
  return loaded;
}

export function getCourse(): Course {
  return state().course;
}

export function findModule(slug: string): CompiledModule | undefined {
  return state().course.modules.find((m) => m.slug === slug);
}

export function mdxStats() {
  return { ...compileStats };
}

/** Evaluates compiled code into a component once, then reuses it. */
function componentFor(key: string, code: string) {
  const { components } = state();
  let component = components.get(key);
  if (!component) {
    component = getMDXComponent(code);
    components.set(key, component);
  }
  return component;
}

/** The module's text as HTML for one wijk name, rendered once and reused. */
export function moduleHtml(module: CompiledModule, wijkName: string | null): string {
  const { html, assignmentTitles } = state();
  const key = `module:${module.slug}:${wijkName ?? ""}`;
  let result = html.get(key);
  if (result === undefined) {
    const Component = componentFor(`module:${module.slug}`, module.code);
    const components = mdxComponents({ assignmentTitles, wijkName, anchors: module.sections.map((s) => s.anchor) });
    result = renderToStaticMarkup(createElement(Component, { components }));
    if (html.size >= HTML_CACHE_LIMIT) html.clear();
    html.set(key, result);
  }
  return result;
}

export type ModuleReferenceHtml = { goals: string; reading: string; sources: string };

/**
 * A module's goals, reading list and sources as HTML, rendered once and reused as its text is: they are the same for
 * every reader, so a module page need not render them again for each one.
 */
export function moduleReferenceHtml(module: CompiledModule): ModuleReferenceHtml {
  const { html } = state();
  const key = `reference:${module.slug}`;
  const render = (part: typeof ModuleGoals, name: string) => {
    let result = html.get(`${key}:${name}`);
    if (result === undefined) {
      result = renderToStaticMarkup(createElement(part, { module: module.frontmatter }));
      if (html.size >= HTML_CACHE_LIMIT) html.clear();
      html.set(`${key}:${name}`, result);
    }
    return result;
  };
  return {
    goals: render(ModuleGoals, "goals"),
    reading: render(ModuleReading, "reading"),
    sources: render(ModuleSources, "sources"),
  };
}

export function findAssignment(slug: string) {
  for (const module of state().course.modules) {
    const assignment = module.assignments.find((a) => a.slug === slug);
    if (assignment) return { module, assignment };
  }
  return undefined;
}

/** An assignment's text as HTML for one wijk name. */
export function assignmentHtml(slug: string, wijkName: string | null): string | undefined {
  const found = findAssignment(slug);
  if (!found) return undefined;
  const { html, assignmentTitles } = state();
  const key = `assignment:${slug}:${wijkName ?? ""}`;
  let result = html.get(key);
  if (result === undefined) {
    const Component = componentFor(`assignment:${slug}`, found.assignment.code);
    result = renderToStaticMarkup(
      createElement(Component, { components: mdxComponents({ assignmentTitles, wijkName, anchors: [] }) }),
    );
    if (html.size >= HTML_CACHE_LIMIT) html.clear();
    html.set(key, result);
  }
  return result;
}

/** The text of `leergang/index.mdx` ("overview") or `leergang/toetsbeleid.mdx` ("policy") as HTML. */
export function coursePageHtml(page: "overview" | "policy"): string {
  const { html, assignmentTitles, course } = state();
  const key = `leergang:${page}`;
  let result = html.get(key);
  if (result === undefined) {
    const code = page === "overview" ? course.leergang.overviewCode : course.leergang.policyCode;
    const Component = componentFor(key, code);
    result = renderToStaticMarkup(
      createElement(Component, { components: mdxComponents({ assignmentTitles, wijkName: null, anchors: [] }) }),
    );
    html.set(key, result);
  }
  return result;
}
