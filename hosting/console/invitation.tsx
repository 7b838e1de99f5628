/** @jsxImportSource preact */
import { signal } from "@preact/signals";
import { sendEmailVerification } from "firebase/auth";
import { doc, getDoc } from "firebase/firestore/lite";
import { useState } from "preact/hooks";
import { EMULATED, emulatedEmailLink } from "./firebase.js";
import { t } from "./i18n/index.js";
import { useAction } from "./lib/action.js";
import { call } from "./lib/callables.js";
import { claims, services, user } from "./session.js";
import { say } from "./ui.js";

/**
 * The invitation an opened `#invitation=<token>` link carries. It is kept in this browser until
 * accepted or set aside, so it survives signing in first (an email link comes back without the
 * hash, possibly in another tab).
 */
const KEPT = "console.invitation";
const fromHash = (hash: string) => /^#invitation=([A-Za-z0-9_-]{43})$/.exec(hash)?.[1];

export const invitationToken = signal<string | undefined>(
  fromHash(location.hash) ?? localStorage.getItem(KEPT) ?? undefined,
);

function keep(token: string | undefined) {
  invitationToken.value = token;
  if (token) localStorage.setItem(KEPT, token);
  else localStorage.removeItem(KEPT);
}
if (invitationToken.value) keep(invitationToken.value);
addEventListener("hashchange", () => {
  const token = fromHash(location.hash);
  if (token) keep(token);
});

/**
 * Waits for the claims the accounts trigger gives an account once it is linked: the trigger
 * writes `metadata/{uid}` when it has set them (usually within seconds, later when the trigger
 * queue is busy), and only then is a new token worth asking for.
 */
async function awaitClaims() {
  const s = services.value;
  const current = s?.auth.currentUser;
  if (!s || !current) return;
  for (let attempt = 0; attempt < 120 && !claims.value; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const marked = await getDoc(doc(s.db, "metadata", current.uid)).catch(() => undefined);
    if (marked?.exists()) await current.getIdToken(true);
  }
}

/**
 * Whether the signed-in address is proved now: a link sent to it was opened since the token was
 * issued (in another tab, say), so the account is read again and the token renewed to carry it.
 */
async function provedNow(): Promise<boolean> {
  const current = services.value?.auth.currentUser;
  if (!current) return false;
  if (current.emailVerified) return true;
  await current.reload();
  if (current.emailVerified) await current.getIdToken(true);
  return current.emailVerified;
}

/**
 * Accepting an invitation, signed in with the invited email. The address must be proved first
 * (the server refuses otherwise): a sign-in by emailed link proves it; a password account is
 * sent a verification link, and on the emulators the console offers the link the Auth emulator
 * keeps instead of sending it.
 */
export function AcceptInvitation() {
  const { busy, errors, run } = useAction();
  const [proved, setProved] = useState(user.value?.emailVerified ?? false);
  const [verification, setVerification] = useState<{ sent: boolean; emulatorLink?: string }>({ sent: false });
  const error = errors.invitation;
  const token = invitationToken.value;
  if (!token) return null;
  const email = user.value?.email ?? "";
  const done = () => {
    keep(undefined);
    if (location.hash.startsWith("#invitation=")) history.replaceState(null, "", `${location.pathname}#/`);
  };
  const sendVerification = () =>
    run(
      async () => {
        const s = services.value;
        const current = s?.auth.currentUser;
        if (!s || !current) return;
        // No continue URL: the link's page only confirms, and the person comes back to this tab,
        // where the invitation waits (a second console tab would be a second session to keep in step).
        await sendEmailVerification(current);
        say(t("ui.admin.invite.verificationSent", { email }));
        setVerification({ sent: true, emulatorLink: await emulatedEmailLink(s, email, "VERIFY_EMAIL") });
      },
      { at: "invitation", message: t("ui.admin.invite.verificationNotSent") },
    );
  const accept = () =>
    run(
      async () => {
        setProved(await provedNow());
        await call("committee-acceptInvitation", { token });
        done();
        say(t("ui.admin.invite.accepted"));
        await awaitClaims();
        if (!claims.value) say(t("ui.admin.invite.acceptedWait"));
      },
      { at: "invitation" },
    );
  return (
    <section class="card narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{t("ui.admin.invite.title")}</h1>
      <p>{t("ui.admin.invite.help", { email })}</p>
      {proved ? null : (
        <div id="invite-verify">
          <p>{t("ui.admin.invite.verifyFirst", { email })}</p>
          <p>
            <button type="button" class="secondary" disabled={busy} onClick={() => void sendVerification()}>
              {verification.sent ? t("ui.admin.invite.sendVerificationAgain") : t("ui.admin.invite.sendVerification")}
            </button>
          </p>
          {verification.sent ? <p>{t("ui.admin.invite.verificationNext", { email })}</p> : null}
          {verification.sent && EMULATED ? (
            <p>
              {t("ui.link.emulatorNoMail")}{" "}
              {verification.emulatorLink ? (
                <a href={verification.emulatorLink} target="_blank" rel="noopener">
                  {t("ui.admin.invite.emulatorOpenLink")}
                </a>
              ) : null}
            </p>
          ) : null}
        </div>
      )}
      {error ? (
        <p class="error" id="invite-error">
          {error}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          disabled={busy}
          aria-describedby={error ? "invite-error" : undefined}
          onClick={() => void accept()}
        >
          {t("ui.admin.invite.accept")}
        </button>{" "}
        <button type="button" class="secondary" onClick={done}>
          {t("ui.admin.invite.later")}
        </button>
      </p>
    </section>
  );
}
