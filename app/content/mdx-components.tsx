// The building blocks course text may use (DESIGN.md, "Content"). Rendered once per module and wijk name to
// static HTML on the server; they hold no state and load no data.
import { Children, isValidElement, type ReactNode } from "react";
import { slugify } from "./sections";

export type MdxContext = {
  /** Titles of the course's assignments, by slug, for <Opdracht slug>. */
  assignmentTitles: Map<string, string>;
  /** The participant's wijk, once they have a wijkprofiel; otherwise a neutral phrase is used. */
  wijkName: string | null;
  /** Anchors of the module's `##` sections in order, as the compiler found them. */
  anchors: string[];
};

const NEUTRAL_WIJK = "je eigen wijk";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

export function mdxComponents(context: MdxContext) {
  let sectionIndex = 0;
  const wijk = context.wijkName ?? NEUTRAL_WIJK;
  return {
    h2({ children }: { children?: ReactNode }) {
      const anchor = context.anchors[sectionIndex++] ?? slugify(textOf(children));
      return (
        <h2 id={anchor} tabIndex={-1}>
          {children}{" "}
          <a className="heading-anchor" href={`#${anchor}`} aria-label={`Link naar deze sectie: ${textOf(children)}`}>
            #
          </a>
        </h2>
      );
    },
    h3({ children }: { children?: ReactNode }) {
      return <h3 id={`${context.anchors[sectionIndex - 1] ?? "s"}--${slugify(textOf(children))}`}>{children}</h3>;
    },
    Reflectie({ children }: { children?: ReactNode }) {
      return (
        <aside className="block block--reflectie" aria-label="Reflectievraag">
          <p className="block__label">Reflectie</p>
          {children}
        </aside>
      );
    },
    Casus({ titel, children }: { titel?: string; children?: ReactNode }) {
      return (
        <section className="block block--casus" aria-label={`Casus: ${titel ?? ""}`}>
          <p className="block__label">Casus{titel ? `: ${titel}` : ""}</p>
          {children}
        </section>
      );
    },
    Tip({ nummer, children }: { nummer?: number; children?: ReactNode }) {
      return (
        <section className="block block--tip" aria-label={`Tip ${nummer ?? ""}`}>
          <p className="block__label">Tip {nummer}</p>
          {children}
        </section>
      );
    },
    Kernbegrip({ term, children }: { term?: string; children?: ReactNode }) {
      return (
        <aside className="block block--kernbegrip" aria-label={`Kernbegrip: ${term ?? ""}`}>
          <p className="block__label">
            Kernbegrip: <dfn>{term}</dfn>
          </p>
          {children}
        </aside>
      );
    },
    Opdracht({ slug: assignmentSlug }: { slug: string }) {
      const title = context.assignmentTitles.get(assignmentSlug) ?? assignmentSlug;
      return (
        <p className="block block--opdracht">
          <span className="block__label">Opdracht in {wijk}</span>
          <a href={`/opdrachten/${assignmentSlug}`}>{title}</a>
        </p>
      );
    },
    Bron({ children }: { children?: ReactNode }) {
      return <cite className="bron">({Children.toArray(children)})</cite>;
    },
    Wijknaam() {
      return <>{wijk}</>;
    },
  };
}
