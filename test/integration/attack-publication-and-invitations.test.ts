import { randomBytes } from "node:crypto";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentContent } from "../../functions/src/model/index.js";
import { DEMO_ACCOUNTS } from "../../scripts/demo-accounts.mjs";
import { callOverHttp } from "../support/callable-http.js";
import { DEMO_PROJECT, signIn } from "../support/console-callers.js";
import { emulatorHost } from "../support/emulator-suite.js";

// Attacks 1 and 2 of issue 14, played from outside as an attacker would: the demo logins and
// accounts the Auth emulator's public sign-up makes, callables over HTTP to the Functions
// emulator. Next to each refused attack, the legitimate path still works. The Functions emulator
// serves the demo project only, so everything this file makes there has its own ids and
// addresses, and is removed afterwards; the demo logins' roles and seats are never touched.
const AUTH = `http://${emulatorHost("FIREBASE_AUTH_EMULATOR_HOST")}`;
const IDENTITY = `${AUTH}/identitytoolkit.googleapis.com/v1`;
const RUN = randomBytes(4).toString("hex");
const DOC_ID = `attack-person-doc-${RUN}`;
const SECOND_ACCOUNT = `attack-second-${RUN}@demo-tests.compraspublicas.org`;
const INVITEE = `attack-invitee-${RUN}@demo-tests.compraspublicas.org`;
const INVITEE_PERSON = `attack-invitee-${RUN}`;
const app = initializeApp({ projectId: DEMO_PROJECT }, `attack-person-${RUN}`);
const db = getFirestore(app);
const auth = getAuth(app);
const createdUids: string[] = [];

const demo = (role: string, countryId?: string) => {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && (countryId === undefined || a.countryId === countryId));
  if (!account) throw new Error(`no demo ${role} ${countryId ?? ""}`);
  return account;
};
const committeeCl = demo("committee", "CL");
const tokens: Record<string, string> = {};

interface CallResult {
  result?: Record<string, unknown>;
  error?: { status: string; message: string; details?: { key?: string } };
}

const call = (name: string, idToken: string | undefined, data: unknown) =>
  callOverHttp<CallResult>(`committee-${name}`, idToken, data);

/** The Auth emulator's public REST API, as the console's SDK (or anyone) calls it. */
async function identity(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${IDENTITY}/${path}?key=demo-api-key`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function signUp(email: string, password: string): Promise<{ uid: string; idToken: string }> {
  const created = await identity("accounts:signUp", { email, password, returnSecureToken: true });
  const uid = String(created.localId);
  createdUids.push(uid);
  return { uid, idToken: String(created.idToken) };
}

/** The newest out-of-band code the Auth emulator holds for an address (what its email would carry). */
async function oobCode(email: string, requestType: string): Promise<string> {
  const response = await fetch(`${AUTH}/emulator/v1/projects/${DEMO_PROJECT}/oobCodes`);
  const { oobCodes } = (await response.json()) as {
    oobCodes: { email: string; requestType: string; oobCode: string }[];
  };
  const code = oobCodes.filter((c) => c.email === email && c.requestType === requestType).at(-1)?.oobCode;
  if (!code) throw new Error(`no ${requestType} code for ${email}`);
  return code;
}

const news: DocumentContent = {
  kind: "news",
  title: { es: "Noticia de la prueba de ataque" },
  summary: { es: "Una noticia que una sola persona intenta publicar." },
  body: { es: "Texto." },
  translations: { es: "original" },
  countries: ["CL"],
  topics: [],
  source: "attack test of issue 14",
};

beforeAll(async () => {
  for (const account of [committeeCl, demo("committee", "PE"), demo("secretariat")]) {
    tokens[account.uid] = await signIn(account.email, account.password);
  }
});

afterAll(async () => {
  await db.recursiveDelete(db.doc(`documents/${DOC_ID}`));
  const invitations = (
    await Promise.all(
      [SECOND_ACCOUNT, INVITEE].map((email) => db.collection("invitations").where("email", "==", email).get()),
    )
  ).flatMap((s) => s.docs);
  const targets = [DOC_ID, ...createdUids, ...invitations.map((d) => d.id)];
  for (const id of targets) {
    const audit = await db.collection("audit").where("target.id", "==", id).get();
    await Promise.all(audit.docs.map((d) => d.ref.delete()));
  }
  await Promise.all(invitations.map((d) => d.ref.delete()));
  await Promise.all(createdUids.map((uid) => db.doc(`accounts/${uid}`).delete()));
  await Promise.all(createdUids.map((uid) => db.doc(`metadata/${uid}`).delete()));
  await db.doc(`members/${INVITEE_PERSON}`).delete();
  await Promise.all(createdUids.map((uid) => auth.deleteUser(uid).catch(() => undefined)));
  await deleteApp(app);
});

describe("attack 1: one committee member publishing alone through a second account", () => {
  it("refuses a committee member inviting a second committee account for an address they control", async () => {
    const attempt = await call("invite", tokens[committeeCl.uid], {
      lang: "en",
      email: SECOND_ACCOUNT,
      role: "committee",
      countryId: "CL",
      memberId: `attack-any-person-${RUN}`,
      name: "Second account",
    });
    expect(attempt.error?.status).toBe("PERMISSION_DENIED");
    expect(attempt.error?.message).toContain("only as member");
    expect((await db.collection("invitations").where("email", "==", SECOND_ACCOUNT).get()).size).toBe(0);
  });

  it("refuses even a member-role invitation for the person the inviter already is", async () => {
    const attempt = await call("invite", tokens[committeeCl.uid], {
      lang: "en",
      email: SECOND_ACCOUNT,
      role: "member",
      countryId: "CL",
      memberId: committeeCl.memberId,
      name: "Myself again",
    });
    expect(attempt.error?.status).toBe("PERMISSION_DENIED");
    expect(attempt.error?.details?.key).toBe("console.error.personHasAccount");
    expect((await db.collection("invitations").where("email", "==", SECOND_ACCOUNT).get()).size).toBe(0);
  });

  it("refuses the person who last edited a draft publishing it from a second account of theirs; another person publishes it", async () => {
    const draft = await call("saveDraft", tokens[committeeCl.uid], { id: DOC_ID, document: news });
    expect(draft.result?.version).toBe(1);
    expect((await call("submit", tokens[committeeCl.uid], { id: DOC_ID, baseVersion: 1 })).result?.status).toBe(
      "in-review",
    );

    // A second account already linked to the same person, as one made before the rule (or by a
    // slip) would be: self-registered, then linked to the person by an account record.
    const second = await signUp(SECOND_ACCOUNT, `attack-${RUN}-password`);
    await db.doc(`accounts/${second.uid}`).set({
      id: second.uid,
      memberId: committeeCl.memberId,
      role: "committee",
      countryId: "CL",
    });
    const alone = await call("publish", second.idToken, { id: DOC_ID, baseVersion: 2, lang: "en" });
    expect(alone.error?.status).toBe("PERMISSION_DENIED");
    expect(alone.error?.details?.key).toBe("console.error.ownEdit");
    expect((await db.doc(`documents/${DOC_ID}`).get()).get("status")).toBe("in-review");

    // The legitimate path: a second, different person (Peru's committee representative) publishes.
    const other = await call("publish", tokens[demo("committee", "PE").uid], { id: DOC_ID, baseVersion: 2 });
    expect(other.error).toBeUndefined();
    expect(other.result?.status).toBe("published");
  });
});

describe("attack 2: taking an invitation with the address merely typed in", () => {
  it("refuses a password account whose address is not proved, even for a secretariat invitation; once verified, the invitee accepts", async () => {
    const secretariat = tokens[demo("secretariat").uid];
    const invite = async (role: string) => {
      const created = await call("invite", secretariat, {
        email: INVITEE,
        role,
        ...(role === "secretariat" ? {} : { countryId: "UY" }),
        memberId: INVITEE_PERSON,
        name: "Persona Invitada",
      });
      expect(created.error).toBeUndefined();
      return String(created.result?.token);
    };
    // Whoever holds the link registers the address with a password, without opening anything sent to it.
    const taker = await signUp(INVITEE, `attack-${RUN}-invitee`);
    for (const [role, lang, words] of [
      ["secretariat", "en", "open the verification link"],
      ["member", "es", "abra el enlace de verificación"],
    ] as const) {
      const token = await invite(role);
      const taken = await call("acceptInvitation", taker.idToken, { token, lang });
      expect(taken.error?.status).toBe("FAILED_PRECONDITION");
      expect(taken.error?.details?.key).toBe("console.error.emailUnverified");
      expect(taken.error?.message).toContain(words);
    }
    expect((await db.doc(`accounts/${taker.uid}`).get()).exists).toBe(false);

    // The legitimate path: the invitee opens the verification link the console has sent to the
    // address (here read from the Auth emulator's out-of-band codes), signs in again, accepts.
    await identity("accounts:sendOobCode", { requestType: "VERIFY_EMAIL", idToken: taker.idToken });
    await identity("accounts:update", { oobCode: await oobCode(INVITEE, "VERIFY_EMAIL") });
    const proved = await signIn(INVITEE, `attack-${RUN}-invitee`);
    const token = await invite("member");
    const accepted = await call("acceptInvitation", proved, { token });
    expect(accepted.error).toBeUndefined();
    expect(accepted.result).toEqual({ memberId: INVITEE_PERSON, role: "member", countryId: "UY" });
  });
});
