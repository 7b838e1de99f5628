// The committee console's entry point. For now it signs a member in and lists documents with
// their status; editing goes through the committee callables (functions/src/committee).
import { type FirebaseOptions, initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth, onIdTokenChanged, signInWithEmailAndPassword, signOut } from "firebase/auth";
import {
  collection,
  connectFirestoreEmulator,
  doc,
  getDocs,
  getFirestore,
  onSnapshot,
  query,
  type Unsubscribe,
  where,
} from "firebase/firestore";
import { type Lang, pickText, RoleSchema } from "./model.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (message: string) => {
  $("status").textContent = message;
};
const lang: Lang = navigator.language.startsWith("es") ? "es" : "en";

async function firebaseConfig(): Promise<FirebaseOptions> {
  // Firebase Hosting (and its emulator) serve the project's web config here.
  const response = await fetch("/__/firebase/init.json");
  if (!response.ok) throw new Error(`No Firebase configuration at /__/firebase/init.json (${response.status})`);
  return (await response.json()) as FirebaseOptions;
}

async function start() {
  const config = await firebaseConfig();
  const app = initializeApp(config);
  const auth = getAuth(app);
  const db = getFirestore(app);
  if (["127.0.0.1", "localhost"].includes(location.hostname)) {
    connectAuthEmulator(auth, `http://${location.hostname}:9099`, { disableWarnings: true });
    connectFirestoreEmulator(db, location.hostname, 8080);
  }

  $("sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    status(lang === "es" ? "Iniciando sesión…" : "Signing in…");
    try {
      await signInWithEmailAndPassword(auth, String(form.get("email")), String(form.get("password")));
    } catch {
      // The form keeps what was typed, so the member only fixes the wrong field.
      status(
        lang === "es"
          ? "Correo o contraseña incorrectos. Revíselos e intente de nuevo."
          : "Wrong email or password. Check them and try again.",
      );
    }
  });
  $("sign-out").addEventListener("click", () => signOut(auth));

  // The documented custom-claims pattern: the claims trigger moves metadata/{uid}.refreshTime
  // whenever the account's role, country or seat changes, and the console then takes a new
  // token instead of acting on stale claims for up to an hour.
  let stopWatching: Unsubscribe | undefined;
  let seenRefresh: number | undefined;
  onIdTokenChanged(auth, async (user) => {
    $("sign-in").hidden = user !== null;
    $("session").hidden = user === null;
    if (!user) {
      stopWatching?.();
      stopWatching = undefined;
      return;
    }
    stopWatching ??= onSnapshot(
      doc(db, "metadata", user.uid),
      (snap) => {
        const refreshTime = snap.get("refreshTime") as number | undefined;
        if (seenRefresh !== undefined && refreshTime !== seenRefresh) void user.getIdToken(true);
        seenRefresh = refreshTime;
      },
      () => undefined,
    );
    const token = await user.getIdTokenResult();
    const role = RoleSchema.safeParse(token.claims.role);
    $("who").textContent = role.success ? `${user.email} · ${role.data}` : `${user.email}`;
    if (!role.success) {
      status(
        lang === "es"
          ? "Su cuenta no está vinculada a ninguna persona de la Red. Pida una invitación a la secretaría."
          : "Your account is not linked to any person of the network. Ask the secretariat for an invitation.",
      );
      return;
    }
    status("");
    // A member may read published documents and their own country's drafts only, and a query
    // must say so for the rules to allow it.
    const documents = collection(db, "documents");
    const queries =
      role.data === "member"
        ? [
            query(documents, where("status", "==", "published")),
            query(documents, where("countries", "array-contains", String(token.claims.countryId ?? ""))),
          ]
        : [documents];
    const snaps = new Map(
      (await Promise.all(queries.map((q) => getDocs(q)))).flatMap((r) => r.docs.map((d) => [d.id, d])),
    );
    const rows = [...snaps.values()].map((snap) => {
      const data = snap.data() as { title?: Record<string, string>; status?: string; version?: number };
      const tr = document.createElement("tr");
      for (const value of [pickText(data.title, lang) ?? snap.id, data.status ?? "", String(data.version ?? "")]) {
        const td = document.createElement("td");
        td.textContent = value;
        tr.append(td);
      }
      return tr;
    });
    $("documents").replaceChildren(...rows);
  });
}

start().catch((error: unknown) => status(`${(error as Error).message}`));
