/** @jsxImportSource preact */
import {
  isSignInWithEmailLink,
  sendSignInLinkToEmail,
  signInWithEmailAndPassword,
  signInWithEmailLink,
} from "firebase/auth";
import { useEffect, useState } from "preact/hooks";
import { EMULATED, emulatedEmailLink } from "./firebase.js";
import { t } from "./i18n/index.js";
import { invitationToken } from "./invitation.js";
import { useAction } from "./lib/action.js";
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
  const { busy, run } = useAction();
  const [email, setEmail] = useState("");
  /** The link was opened on a device that does not know which address it was sent to. */
  const [confirmEmail, setConfirmEmail] = useState(false);
  /** On the emulators, the link the Auth emulator keeps instead of mailing it. */
  const [emulatorLink, setEmulatorLink] = useState<string | undefined>(undefined);

  const finishLink = (address: string) => {
    const s = services.value;
    if (!s) return;
    say(t("ui.signingIn"));
    // The one-time code must not stay in the address bar, the history or a bookmark.
    const forgetCode = () => history.replaceState(null, "", `${location.pathname}${location.hash}`);
    void run(
      async () => {
        await signInWithEmailLink(s.auth, address, location.href);
        localStorage.removeItem(EMAIL_FOR_LINK);
        forgetCode();
        notice.value = undefined;
      },
      {
        message: t("ui.link.invalid"),
        onError: () => {
          setConfirmEmail(false);
          forgetCode();
        },
      },
    );
  };

  useEffect(() => {
    const s = services.value;
    if (!s || !isSignInWithEmailLink(s.auth, location.href)) return;
    const remembered = localStorage.getItem(EMAIL_FOR_LINK);
    if (remembered) finishLink(remembered);
    else setConfirmEmail(true);
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    const s = services.value;
    if (!s) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    say(t("ui.signingIn"));
    // The form keeps what was typed, so the person only fixes the wrong field.
    void run(
      async () => {
        await signInWithEmailAndPassword(s.auth, String(form.get("email")), String(form.get("password")));
        notice.value = undefined;
      },
      { message: t("ui.wrongLogin") },
    );
  };

  const sendLink = () => {
    const s = services.value;
    const address = email.trim();
    if (!s) return;
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      say(t("ui.link.needEmail"), "error");
      document.getElementById("email")?.focus();
      return;
    }
    void run(
      async () => {
        await sendSignInLinkToEmail(s.auth, address, { url: consoleUrl(), handleCodeInApp: true });
        localStorage.setItem(EMAIL_FOR_LINK, address);
        say(t("ui.link.sent", { email: address }));
        setEmulatorLink(await emulatedEmailLink(s, address, "EMAIL_SIGNIN"));
      },
      { message: t("ui.link.notSent") },
    );
  };

  if (confirmEmail) {
    return (
      <form
        class="card narrow"
        onSubmit={(e) => {
          e.preventDefault();
          finishLink(email.trim());
        }}
      >
        <h1>{t("ui.link.confirmTitle")}</h1>
        <p>{t("ui.link.confirmHelp")}</p>
        <EmailField id="link-email" value={email} onInput={setEmail} />
        <SignInButton busy={busy} />
      </form>
    );
  }

  return (
    <form class="card narrow" onSubmit={submit}>
      <h1>{t("ui.signInTitle")}</h1>
      {invitationToken.value ? <p>{t("ui.admin.invite.signInFirst")}</p> : null}
      <EmailField id="email" name="email" value={email} onInput={setEmail} />
      <p class="field">
        <label for="password">{t("ui.password")}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
      </p>
      <SignInButton busy={busy} />
      <p>
        {t("ui.link.or")}{" "}
        <button type="button" class="secondary" disabled={busy} onClick={sendLink}>
          {t("ui.link.send")}
        </button>
      </p>
      {EMULATED && emulatorLink ? (
        <p>
          {t("ui.link.emulatorNoMail")} <a href={emulatorLink}>{t("ui.link.emulatorOpen")}</a>
        </p>
      ) : null}
    </form>
  );
}

function EmailField(props: { id: string; name?: string; value: string; onInput: (value: string) => void }) {
  return (
    <p class="field">
      <label for={props.id}>{t("ui.email")}</label>
      <input
        id={props.id}
        name={props.name}
        type="email"
        autocomplete="username"
        required
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </p>
  );
}

function SignInButton(props: { busy: boolean }) {
  return (
    <p>
      <button type="submit" disabled={props.busy}>
        {t("ui.signIn")}
      </button>
    </p>
  );
}
