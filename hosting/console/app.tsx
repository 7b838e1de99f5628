/** @jsxImportSource preact */
import { signal } from "@preact/signals";
import { signOut } from "firebase/auth";
import type { ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { type ConsoleAction, mayAttempt } from "../../functions/src/committee/permissions.js";
import { LANGS, type Lang } from "../../functions/src/model/common.js";
import { lang, setLang, t } from "./i18n/index.js";
import { AcceptInvitation, invitationToken } from "./invitation.js";
import { ownLanguageName, ownName, roleName } from "./lib/names.js";
import { Menu, type MenuLink } from "./menu.js";
import { AuditScreen } from "./screens/audit.js";
import { Dashboard } from "./screens/dashboard.js";
import { DelegationsScreen } from "./screens/delegations.js";
import { DocumentsScreen } from "./screens/documents.js";
import { isRecordRoute, RecordsScreen, recordNavLinks } from "./screens/records.js";
import { claims, services, user } from "./session.js";
import { SignIn } from "./sign-in.js";
import { notice, route } from "./ui.js";

// The editor brings markdown-it and diff; it loads when first opened, so signing in stays light.
type EditorProps = { id?: string };
const Editor = signal<ComponentType<EditorProps> | undefined>(undefined);
const loadEditor = () => {
  if (!Editor.value) void import("./screens/editor.js").then((m) => (Editor.value = m.EditorScreen));
};

// The secretariat's screens (people, seats, hosting, outbox) load together when first opened.
const ADMIN_PATHS = ["/people", "/seats", "/hosting", "/outbox"];
const Admin = signal<ComponentType<{ path: string }> | undefined>(undefined);
const loadAdmin = () => {
  if (!Admin.value) void import("./screens/admin.js").then((m) => (Admin.value = m.AdminScreen));
};

// The members' directory loads when first opened.
const Directory = signal<ComponentType<{ path: string }> | undefined>(undefined);
const loadDirectory = () => {
  if (!Directory.value) void import("./screens/directory.js").then((m) => (Directory.value = m.DirectoryScreen));
};
const isDirectoryRoute = (path: string) => path === "/directory" || path === "/directory/me";

// The check-in screen loads when first opened.
const Door = signal<ComponentType | undefined>(undefined);
const loadDoor = () => {
  if (!Door.value) void import("./screens/door.js").then((m) => (Door.value = m.DoorScreen));
};
// Registration for events (screens/registration.tsx) loads when first opened.
const Registration = signal<ComponentType<{ path: string }> | undefined>(undefined);
const loadRegistration = () => {
  if (!Registration.value)
    void import("./screens/registration.js").then((m) => (Registration.value = m.RegistrationScreen));
};
const isRegistrationRoute = (path: string) => /^\/registration(\/|$)/.test(path);

function Nav() {
  const role = claims.value?.role;
  const links: MenuLink[] = [
    ["/", t("ui.nav.dashboard")],
    ["/documents", t("ui.nav.documents")],
    ["/new", t("ui.nav.new")],
    ...recordNavLinks(),
    ["/directory", t("ui.nav.directory")],
  ];
  // The screens a role may open, as the permission table the callables ask says.
  const may = (action: ConsoleAction) => role !== undefined && mayAttempt(role, action);
  if (may("audit.read")) links.push(["/audit", t("ui.nav.audit")]);
  // People and invitations: the secretariat, and the committee for its own country's invitations;
  // seats and the hosting commitment are shown to the committee, changed by the secretariat.
  if (may("invitation.create")) {
    links.push(["/people", t(may("account.changeRole") ? "ui.admin.nav.people" : "ui.admin.nav.invitations")]);
  }
  if (may("seat.read")) links.push(["/seats", t("ui.admin.nav.seats")]);
  if (may("commitment.read")) links.push(["/hosting", t("ui.admin.nav.hosting")]);
  if (may("outbox.resolveReview")) links.push(["/outbox", t("ui.admin.nav.outbox")]);
  if (may("registration.read")) links.push(["/registration", t("ui.reg.nav")]);
  if (may("delegation.read")) links.push(["/delegations", t("ui.nav.delegations")]);
  if (may("door.checkIn")) links.push(["/door", t("ui.nav.door")]);
  return <Menu links={links} />;
}

function Screen() {
  const path = route.value;
  const editing = /^\/documents\/([a-z0-9-]+)$/.exec(path);
  useEffect(() => {
    if (editing || path === "/new") loadEditor();
    if (ADMIN_PATHS.includes(path)) loadAdmin();
    if (isDirectoryRoute(path)) loadDirectory();
    if (path === "/door") loadDoor();
    if (isRegistrationRoute(path)) loadRegistration();
  }, [path]);
  if (path === "/documents") return <DocumentsScreen />;
  if (path === "/audit") return <AuditScreen />;
  if (path === "/delegations") return <DelegationsScreen />;
  if (ADMIN_PATHS.includes(path)) {
    const Loaded = Admin.value;
    return Loaded ? <Loaded key={path} path={path} /> : <p>{t("ui.loading")}</p>;
  }
  if (isDirectoryRoute(path)) {
    const Loaded = Directory.value;
    return Loaded ? <Loaded key={path} path={path} /> : <p>{t("ui.loading")}</p>;
  }
  if (path === "/door") {
    const Loaded = Door.value;
    return Loaded ? <Loaded /> : <p>{t("ui.loading")}</p>;
  }
  if (isRegistrationRoute(path)) {
    const Loaded = Registration.value;
    return Loaded ? <Loaded key={path} path={path} /> : <p>{t("ui.loading")}</p>;
  }
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
              <option key={l} value={l} lang={l}>
                {ownLanguageName(l)}
              </option>
            ))}
          </select>
          {who ? (
            <>
              {" "}
              <span id="who">
                {t("ui.who", {
                  // The person by name; the address only for an account no person claims, or
                  // for the moment before the directory arrives.
                  name: ownName() ?? who.email ?? "",
                  role: account ? roleName(account.role) : "—",
                })}
              </span>{" "}
              <button
                type="button"
                class="secondary"
                // Its name stays "Sign out"; a screen reader also hears whose session it ends.
                aria-describedby="who"
                onClick={() => services.value && signOut(services.value.auth)}
              >
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
        ) : invitationToken.value ? (
          <AcceptInvitation />
        ) : account === null ? (
          <p class="card">{t("ui.noPerson")}</p>
        ) : (
          <Screen />
        )}
      </main>
    </>
  );
}
