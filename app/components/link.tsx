// Links between the pages of this app. Every page renders dozens of them on the server, and Remix's `<Link>` is
// expensive there: it resolves its path against the route matches two or three times per render and runs the
// hooks of a click handler and of prefetching that the server never uses: the fourteen on a module page took about
// 0.2 ms of its server time (README "Speed", "Links without their cost"). So a link to a path of this app is a plain
// anchor, and one click handler for the whole document (`useFollowLinks`, in the root layout) follows it without a
// reload, as `<Link>` would. Anything else (a relative path, `reloadDocument`) is Remix's own `<Link>`.
import { Link as RemixLink, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useRef, type AnchorHTMLAttributes } from "react";

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string; reloadDocument?: boolean };

export function Link({ to, reloadDocument, children, ...props }: LinkProps) {
  if (reloadDocument || !isAppPath(to))
    return (
      <RemixLink to={to} reloadDocument={reloadDocument} {...props}>
        {children}
      </RemixLink>
    );
  // `data-discover` is what Remix's route discovery looks for, and what marks the anchor for `useFollowLinks`.
  return (
    <a {...props} href={to} data-discover="true">
      {children}
    </a>
  );
}

/**
 * A link that knows whether it is the page shown (or a page below it, unless `end`), as Remix's `<NavLink>`: class
 * "active" and `aria-current="page"`.
 */
export function NavLink({ to, end = false, className, ...props }: LinkProps & { end?: boolean }) {
  const { pathname } = useLocation();
  const active = isCurrent(pathname, to, end);
  return (
    <Link
      {...props}
      to={to}
      className={[className, active ? "active" : ""].filter(Boolean).join(" ") || undefined}
      aria-current={active ? "page" : undefined}
    />
  );
}

/** An absolute path on this site ("/modules", "/opdrachten/x?tab=y#z"), not a protocol-relative "//host". */
function isAppPath(to: string) {
  return to.startsWith("/") && !to.startsWith("//");
}

/** Compared as React Router's NavLink compares: without case, and a page below counts unless `end`. */
export function isCurrent(pathname: string, to: string, end = false) {
  const here = pathname.toLowerCase();
  const target = (to.split(/[?#]/, 1)[0] ?? to).toLowerCase();
  if (here === target) return true;
  return !end && target !== "/" && here.startsWith(target) && here.charAt(target.length) === "/";
}

/**
 * Follows a click on a link of `<Link>` without reloading the page, for the whole document. A click with a
 * modifier key or another mouse button, on a link with a target or a download, or one a handler already took
 * (Remix's own `<Link>` does), is left alone. Following a link to the page one is on replaces it in the history,
 * as `<Link>` does.
 */
export function useFollowLinks() {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef("");
  here.current = location.pathname + location.search + location.hash;
  useEffect(() => {
    const follow = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[data-discover]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return;
      if (anchor.target && anchor.target !== "_self") return;
      const to = anchor.getAttribute("href");
      if (!to || !isAppPath(to)) return;
      event.preventDefault();
      void navigate(to, { replace: to === here.current });
    };
    // On the window, so React's own handlers (on the document) have had their turn.
    window.addEventListener("click", follow);
    return () => window.removeEventListener("click", follow);
  }, [navigate]);
}
