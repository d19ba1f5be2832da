// One column of the grading desk. On a wide screen it scrolls on its own, so it must be reachable by keyboard
// (arrow keys scroll it once it has focus), also when it holds nothing else to focus (axe: scrollable-region-focusable).
import type { ReactNode } from "react";

export function DeskPane({
  id,
  label,
  labelledBy,
  children,
}: {
  id?: string;
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region needs focus to be scrolled by keyboard
    <section id={id} aria-label={label} aria-labelledby={labelledBy} className="desk__pane" tabIndex={0}>
      {children}
    </section>
  );
}
