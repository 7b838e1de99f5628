/** @jsxImportSource preact */
import {
  isSignInWithEmailLink,
  sendSignInLinkToEmail,
  signInWithEmailAndPassword,
  signInWithEmailLink,
} from "firebase/auth";
import { useEffect, useState } from "preact/hooks";
import { t } from "./i18n/index.js";
import { invitationToken } from "./invitation.js";
import { services } from "./session.js";
import { notice, say } from "./ui.js";

/**
 * Where the email-link sign-in remembers the address it sent the link to. Firebase asks for the
 * address again when the link is opened, so a link forwarded or intercepted is useless without
 * it; on the device that asked for the link it is remembered, elsewhere the person types it.
 */
const EMAIL_FOR_LINK = "console.emailForSignIn";

/** The console's own address (wherever it is served), to come back to from the email. */
const consoleUrl = () => `${location.origin}${location.pathname}`;

export function SignIn() {
  const [busy, setBusy] = useState(false);
  const [email, setEmail] = useState("");
  /** The link was opened on a device that does not know which address it was sent to. */
  const [confirmEmail, setConfirmEmail] = useState(false);

  const finishLink = async (address: string) => {
    const s = services.value;
    if (!s) return;
    setBusy(true);
    say(t("ui.signingIn"));
    try {
      await signInWithEmailLink(s.auth, address, location.href);
      localStorage.removeItem(EMAIL_FOR_LINK);
      // The one-time code must not stay in the address bar, the history or a bookmark.
      history.replaceState(null, "", `${location.pathname}${location.hash}`);
      notice.value = undefined;
    } catch {
      say(t("ui.link.invalid"), "error");
      setConfirmEmail(false);
      history.replaceState(null, "", `${location.pathname}${location.hash}`);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const s = services.value;
    if (!s || !isSignInWithEmailLink(s.auth, location.href)) return;
    const remembered = localStorage.getItem(EMAIL_FOR_LINK);
    if (remembered) void finishLink(remembered);
    else setConfirmEmail(true);
  }, []);

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

  const sendLink = async () => {
    const s = services.value;
    const address = email.trim();
    if (!s) return;
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      say(t("ui.link.needEmail"), "error");
      document.getElementById("email")?.focus();
      return;
    }
    setBusy(true);
    try {
      await sendSignInLinkToEmail(s.auth, address, { url: consoleUrl(), handleCodeInApp: true });
      localStorage.setItem(EMAIL_FOR_LINK, address);
      say(t("ui.link.sent", { email: address }));
    } catch {
      say(t("ui.link.notSent"), "error");
    } finally {
      setBusy(false);
    }
  };

  if (confirmEmail) {
    return (
      <form
        class="card narrow"
        onSubmit={(e) => {
          e.preventDefault();
          void finishLink(email.trim());
        }}
      >
        <h1>{t("ui.link.confirmTitle")}</h1>
        <p>{t("ui.link.confirmHelp")}</p>
        <p class="field">
          <label for="link-email">{t("ui.email")}</label>
          <input
            id="link-email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </p>
        <p>
          <button type="submit" disabled={busy}>
            {t("ui.signIn")}
          </button>
        </p>
      </form>
    );
  }

  return (
    <form class="card narrow" onSubmit={submit}>
      <h1>{t("ui.signInTitle")}</h1>
      {invitationToken.value ? <p>{t("ui.admin.invite.signInFirst")}</p> : null}
      <p class="field">
        <label for="email">{t("ui.email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
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
      <p>
        {t("ui.link.or")}{" "}
        <button type="button" class="secondary" disabled={busy} onClick={() => void sendLink()}>
          {t("ui.link.send")}
        </button>
      </p>
    </form>
  );
}
