/** @jsxImportSource preact */
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "./i18n/index.js";
import { notice, route } from "./ui.js";

/** A screen the menu offers: its path (as `route` holds it) and its name. */
export type MenuLink = [path: string, label: string];

const MENU_ID = "console-menu";

/**
 * The screen a path belongs to: the menu item with that path, or the one whose screen it opens
 * below ("/documents/informe" is in Documents). Home ("/") only for itself.
 */
function screenOf(links: MenuLink[], path: string): MenuLink | undefined {
  let best: MenuLink | undefined;
  for (const link of links) {
    const [at] = link;
    const inside = at === path || (at !== "/" && path.startsWith(`${at}/`));
    if (inside && (!best || at.length > best[0].length)) best = link;
  }
  return best;
}

/**
 * The console's menu. Wide screens show every item; below 40rem (console.css) the list folds behind
 * a disclosure button, with the screen's name beside it, so a phone shows the screen's content
 * first instead of some 600 px of links. Escape closes it and gives focus back to the button;
 * there is no focus trap: Tab leaves the open menu as it leaves any list of links.
 */
export function Menu({ links }: { links: MenuLink[] }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const here = screenOf(links, route.value);
  // A screen opened any other way (a link in the page, the address bar) folds the menu too.
  useEffect(() => setOpen(false), [route.value]);
  // Folded means the button is shown: the width is decided by the stylesheet alone.
  const folded = () => toggle.current !== null && getComputedStyle(toggle.current).display !== "none";
  const close = () => {
    setOpen(false);
    if (folded()) toggle.current?.focus();
  };
  return (
    <nav
      aria-label={t("ui.nav")}
      class={open ? "menu open" : "menu"}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <p class="menu-bar">
        <button
          ref={toggle}
          type="button"
          class="menu-toggle"
          aria-expanded={open ? "true" : "false"}
          aria-controls={MENU_ID}
          onClick={() => setOpen(!open)}
        >
          {t("ui.menu.button")}
        </button>
        {here ? <span class="menu-here">{here[1]}</span> : null}
      </p>
      <ul id={MENU_ID}>
        {links.map(([path, label]) => (
          <li key={path}>
            <a
              href={`#${path}`}
              aria-current={route.value === path ? "page" : undefined}
              onClick={() => {
                // A message belongs to the screen it was said on.
                notice.value = undefined;
                // The chosen screen replaces the folded menu; focus waits on the button, whose
                // neighbour now names that screen.
                if (open) close();
              }}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
