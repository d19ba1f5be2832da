// The site's header: the name and the main menu. On a wide screen the menu is always in view; on a phone the header
// is one low row and the menu folds behind a "Menu" button. The fold is a <details> disclosure, so it opens without
// JavaScript and browsers announce it as expanded or collapsed; the stylesheet keeps it unfolded on a wide screen.
import { Form, useLocation } from "@remix-run/react";
import { Link, NavLink } from "~/components/link";
import { useEffect, useRef } from "react";
import type { NavItem } from "~/components/navigation";

/** Where the menu stops folding; the same width as the media query in app.css ("The compact header"). */
const WIDE = "(min-width: 48rem)";

type HeaderUser = { name: string; roleLabel: string };

export function SiteHeader({ user, items }: { user: HeaderUser | null; items: NavItem[] }) {
  const menu = useMenuFold();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={user ? "/dashboard" : "/"} className="brand">
          <span className="brand__mark" aria-hidden="true">
            G
          </span>
          <span className="brand__name">Gilde</span>
          <span className="brand__tagline">leergang Creative Communities</span>
        </Link>
        <details className="site-menu" ref={menu}>
          <summary className="site-menu__toggle">
            <span className="site-menu__icon" aria-hidden="true" />
            Menu
          </summary>
          <nav aria-label="Hoofdmenu" className="site-nav">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
            {user ? (
              <div className="site-nav__account">
                <Link to="/account" className="site-nav__user" title="Mijn account">
                  {user.name} <span className="badge">{user.roleLabel}</span>
                </Link>
                <Form method="post" action="/uitloggen">
                  <button type="submit" className="button button--quiet">
                    Uitloggen
                  </button>
                </Form>
              </div>
            ) : (
              <ul>
                <li>
                  <NavLink to="/inloggen">Inloggen</NavLink>
                </li>
                <li>
                  <NavLink to="/registreren">Registreren</NavLink>
                </li>
              </ul>
            )}
          </nav>
        </details>
      </div>
    </header>
  );
}

/**
 * With JavaScript, the fold behaves like an app's menu: open on a wide screen (also in browsers that cannot unfold
 * it by style), closed again on a phone after following one of its links (the page changes without a reload, so
 * the header stays), and Escape closes it with the focus back on the button.
 */
function useMenuFold() {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();

  useEffect(() => {
    const wide = window.matchMedia(WIDE);
    const sync = () => {
      if (ref.current) ref.current.open = wide.matches;
    };
    sync();
    wide.addEventListener("change", sync);
    return () => wide.removeEventListener("change", sync);
  }, []);

  useEffect(() => {
    if (ref.current && !window.matchMedia(WIDE).matches) ref.current.open = false;
  }, [location.key]);

  useEffect(() => {
    const details = ref.current;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details?.open || window.matchMedia(WIDE).matches) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    details?.addEventListener("keydown", closeOnEscape);
    return () => details?.removeEventListener("keydown", closeOnEscape);
  }, []);
  return ref;
}
