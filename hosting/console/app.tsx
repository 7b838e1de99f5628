/** @jsxImportSource preact */
import { signal } from "@preact/signals";
import { signInWithEmailAndPassword, signOut } from "firebase/auth";
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { LANGS, type Lang } from "../../functions/src/model/common.js";
import { lang, setLang, t } from "./i18n.js";
import { AuditScreen } from "./screens/audit.js";
import { Dashboard } from "./screens/dashboard.js";
import { DocumentsScreen } from "./screens/documents.js";
import { isRecordRoute, RecordsScreen, recordNavLinks } from "./screens/records.js";
import { claims, services, user } from "./session.js";
import { notice, route, say } from "./ui.js";

// The editor brings markdown-it and diff; it loads when first opened, so signing in stays light.
type EditorProps = { id?: string };
const Editor = signal<ComponentType<EditorProps> | undefined>(undefined);
const loadEditor = () => {
  if (!Editor.value) void import("./screens/editor.js").then((m) => (Editor.value = m.EditorScreen));
};

function SignIn() {
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const s = services.value;
    if (!s) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    say(t("ui.signingIn"));
    try {
      await signInWithEmailAndPassword(s.auth, String(form.get("email")), String(form.get("password")));
      notice.value = undefined;
    } catch {
      // The form keeps what was typed, so the person only fixes the wrong field.
      say(t("ui.wrongLogin"), "error");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card narrow" onSubmit={submit}>
      <h1>{t("ui.signInTitle")}</h1>
      <p class="field">
        <label for="email">{t("ui.email")}</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
      </p>
      <p class="field">
        <label for="password">{t("ui.password")}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
      </p>
      <p>
        <button type="submit" disabled={busy}>
          {t("ui.signIn")}
        </button>
      </p>
    </form>
  );
}

function Nav() {
  const role = claims.value?.role;
  const links: [string, string][] = [
    ["/", t("ui.nav.dashboard")],
    ["/documents", t("ui.nav.documents")],
    ["/new", t("ui.nav.new")],
    ...recordNavLinks(),
  ];
  // The audit log is for those who review and publish (the rules say the same).
  if (role === "committee" || role === "secretariat") links.push(["/audit", t("ui.nav.audit")]);
  return (
    <nav aria-label={t("ui.nav")}>
      <ul>
        {links.map(([path, label]) => (
          <li key={path}>
            <a
              href={`#${path}`}
              aria-current={route.value === path ? "page" : undefined}
              // A message belongs to the screen it was said on.
              onClick={() => {
                notice.value = undefined;
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

function Screen() {
  const path = route.value;
  const editing = /^\/documents\/([a-z0-9-]+)$/.exec(path);
  useEffect(() => {
    if (editing || path === "/new") loadEditor();
  }, [path]);
  if (path === "/documents") return <DocumentsScreen />;
  if (path === "/audit") return <AuditScreen />;
  if (isRecordRoute(path)) return <RecordsScreen path={path} />;
  if (editing || path === "/new") {
    const Loaded = Editor.value;
    return Loaded ? <Loaded key={path} id={editing?.[1]} /> : <p>{t("ui.loading")}</p>;
  }
  return <Dashboard />;
}

export function App() {
  const who = user.value;
  const account = claims.value;
  return (
    <>
      <a class="skip" href="#main">
        {t("ui.skip")}
      </a>
      <header class="top">
        <p class="brand">{t("ui.title")}</p>
        <p class="tools">
          <label for="ui-lang">{t("ui.language")}</label>{" "}
          <select id="ui-lang" value={lang.value} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
          {who ? (
            <>
              {" "}
              <span id="who">{t("ui.who", { email: who.email ?? who.uid, role: account?.role ?? "—" })}</span>{" "}
              <button type="button" class="secondary" onClick={() => services.value && signOut(services.value.auth)}>
                {t("ui.signOut")}
              </button>
            </>
          ) : null}
        </p>
        {who && account ? <Nav /> : null}
      </header>
      <main id="main" tabindex={-1}>
        <p id="status" role="status" aria-live="polite" class={notice.value?.kind ?? ""}>
          {notice.value?.text ?? ""}
        </p>
        {who === undefined ? (
          <p>{t("ui.loading")}</p>
        ) : who === null ? (
          <SignIn />
        ) : account === null ? (
          <p class="card">{t("ui.noPerson")}</p>
        ) : (
          <Screen />
        )}
      </main>
    </>
  );
}
