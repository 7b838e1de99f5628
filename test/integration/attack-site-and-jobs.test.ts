import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv, promisify } from "node:util";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { type DocumentSnapshot, getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentCallables } from "../../functions/src/committee/records/document-callables.js";
import { REGION } from "../../functions/src/config.js";
import { translator } from "../../functions/src/i18n/index.js";
import {
  AUDIT_COLLECTION,
  type DocumentContent,
  DocumentContentSchema,
  DocumentSchema,
  OUTBOX_COLLECTION,
  OutboxMessageSchema,
  SUBSCRIBERS_COLLECTION,
  SUBSCRIPTION_LIMITS_COLLECTION,
  SubscriberSchema,
} from "../../functions/src/model/index.js";
import { clientId, subscriberId } from "../../functions/src/subscriptions/keys.js";
import { callOverHttp } from "../support/callable-http.js";
import {
  type Caller,
  type Callers,
  DEMO_PROJECT,
  demoCallers,
  openCallableProject,
} from "../support/console-callers.js";
import { clearFirestore, emulatorHost, HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";
import { elementsOf, textOf } from "../support/html.js";

// Attacks on the public site's form and on the jobs, played from outside: the subscription form
// over HTTP through the Hosting emulator and at the `site` function's own URL, the console's
// callables over HTTP with real ID tokens, and the seed loader's command line. Next to each
// refused attack, the legitimate path still works. (The weekly link check writing over a console
// edit, #14 item 6, is played in initiative-links.test.ts.)
const FUNCTIONS = "http://127.0.0.1:5001";
const ROOT = join(import.meta.dirname, "../..");
const readEnv = (file: string) => parseEnv(readFileSync(join(ROOT, "functions", file), "utf8"));
// The emulated functions' own settings: their subscription key and the site's origin.
const KEY = readEnv(".secret.local").SUBSCRIPTION_KEY ?? "";
const SITE_ORIGIN = readEnv(".env.local").SITE_ORIGIN ?? "";

const app = initializeApp({ projectId: DEMO_PROJECT }, `attack-site-and-jobs-${process.pid}`);
const db = getFirestore(app);
let callers: Callers;

beforeAll(async () => {
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  callers = await demoCallers();
});
afterAll(async () => {
  await callers?.close();
  await deleteApp(app);
});

describe("the subscription form's limits, from outside (#14 item 11)", () => {
  const limits = db.collection(SUBSCRIPTION_LIMITS_COLLECTION);
  const DIRECT = `client-${clientId(KEY, "direct")}`;
  const GLOBAL = "global-confirmations";
  const addresses = new Set<string>();
  const forgedClients = new Set<string>();
  let saved: Map<string, DocumentSnapshot>;

  // The demo project's counters are shared with the e2e tests that subscribe through Hosting:
  // whatever this file counts in them is put back as it was.
  beforeAll(async () => {
    saved = new Map(await Promise.all([DIRECT, GLOBAL].map(async (id) => [id, await limits.doc(id).get()] as const)));
  });
  afterAll(async () => {
    for (const [id, snapshot] of saved) {
      if (snapshot.exists) await limits.doc(id).set(snapshot.data() ?? {});
      else await limits.doc(id).delete();
    }
    for (const address of addresses) {
      const id = subscriberId(KEY, address);
      await db.collection(SUBSCRIBERS_COLLECTION).doc(id).delete();
      await limits.doc(`address-${id}`).delete();
      const queued = await db.collection(OUTBOX_COLLECTION).where("key.recipient", "==", `subscriber:${id}`).get();
      await Promise.all(queued.docs.map((d) => d.ref.delete()));
    }
    for (const ip of forgedClients) await limits.doc(`client-${clientId(KEY, ip)}`).delete();
  });

  let n = 0;
  /** A fresh address of this file. */
  const fresh = (label: string) => {
    const address = `attack-${label}-${process.pid}-${n++}@example.org`;
    addresses.add(address);
    return address;
  };

  /** The form as a page of the site sends it, to `base` (Hosting, or the function's own URL). */
  async function subscribe(base: string, address: string, headers: Record<string, string> = {}, page = "en") {
    addresses.add(address);
    const response = await fetch(`${base}/${page}/subscribe`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: SITE_ORIGIN,
        "sec-fetch-site": "same-origin",
        ...headers,
      },
      body: new URLSearchParams({ address, lang: "en" }).toString(),
      redirect: "manual",
    });
    const elements = elementsOf(await response.text());
    const heading = elements.find((e) => e.tagName === "h1");
    const [root] = elements;
    return {
      status: response.status,
      cacheControl: response.headers.get("cache-control"),
      heading: heading ? textOf(heading).trim() : "",
      text: root ? textOf(root).replace(/\s+/g, " ") : "",
    };
  }
  const THROUGH_HOSTING = HOSTING_ORIGIN;
  const DIRECT_URL = `${FUNCTIONS}/${DEMO_PROJECT}/${REGION}/site`;
  const count = async (id: string) => ((await limits.doc(id).get()).get("count") as number | undefined) ?? 0;

  it("through Hosting, counts every request as the one client Hosting's front end saw, whatever X-Forwarded-For says", async () => {
    const before = await count(DIRECT);
    const forged = ["203.0.113.1", "203.0.113.2", "203.0.113.3"];
    for (const ip of forged) {
      forgedClients.add(ip);
      const answer = await subscribe(THROUGH_HOSTING, fresh("xff"), { "x-forwarded-for": ip });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.heading).toBe(translator("en")("sub.sent.title"));
    }
    // On the emulators no front end sets Fastly-Client-IP: every request through Hosting is the
    // one client "direct", and no forged address got a counter of its own.
    expect(await count(DIRECT)).toBe(before + forged.length);
    for (const ip of forged) expect((await limits.doc(`client-${clientId(KEY, ip)}`).get()).exists, ip).toBe(false);
  });

  it("holds the per-client limit for a client address as Hosting's front end sets it; a direct caller who writes another one gets a fresh count (what the README says they can do)", async () => {
    const visitor = "198.51.100.66";
    forgedClients.add(visitor);
    const asVisitor = { "fastly-client-ip": visitor };
    for (let i = 0; i < 20; i++) {
      const answer = await subscribe(DIRECT_URL, fresh("client"), asVisitor);
      expect(answer.status, `request ${i + 1}: ${answer.text}`).toBe(200);
    }
    const limited = await subscribe(DIRECT_URL, fresh("client"), asVisitor, "fr");
    expect(limited.status).toBe(429);
    expect(limited.cacheControl).toBe("no-store");
    expect(limited.heading).toBe(translator("fr")("sub.limited.title"));
    // A caller of the function's own URL, past Hosting, writes the header themselves.
    const other = "198.51.100.67";
    forgedClients.add(other);
    expect((await subscribe(DIRECT_URL, fresh("client"), { "fastly-client-ip": other })).status).toBe(200);
  });

  it("sends one address at most three confirmations a day even to a direct caller who changes client address every time", async () => {
    const target = fresh("target");
    for (let i = 0; i < 3; i++) {
      const ip = `198.51.100.${100 + i}`;
      forgedClients.add(ip);
      expect((await subscribe(DIRECT_URL, target, { "fastly-client-ip": ip })).status).toBe(200);
    }
    forgedClients.add("198.51.100.110");
    const limited = await subscribe(DIRECT_URL, target, { "fastly-client-ip": "198.51.100.110" });
    expect(limited.status).toBe(429);
    expect(limited.text).toContain(translator("en")("sub.limited.address", { hours: 24 }));
    const confirmations = await db
      .collection(OUTBOX_COLLECTION)
      .where("key.recipient", "==", `subscriber:${subscriberId(KEY, target)}`)
      .get();
    expect(confirmations.size).toBe(3);
  });

  it("caps the site's confirmations in an hour for every caller, direct ones included, with a 429 page in the visitor's language", async () => {
    // The hour's 300 confirmations used up, as 300 requests would leave the counter (sending them
    // would take the hour from every other test of the demo project for longer than this one).
    const now = Date.now();
    await limits.doc(GLOBAL).set({ windowStartMs: now, count: 300, expireAt: new Date(now + 3_600_000) });
    const ip = "198.51.100.120";
    forgedClients.add(ip);
    const address = fresh("global");
    const direct = await subscribe(DIRECT_URL, address, { "fastly-client-ip": ip }, "pt");
    expect(direct.status).toBe(429);
    expect(direct.heading).toBe(translator("pt")("sub.limited.title"));
    expect(direct.text).toContain(translator("pt")("sub.limited.global", { minutes: 60 }));
    const throughHosting = await subscribe(THROUGH_HOSTING, address, {}, "es");
    expect(throughHosting.status).toBe(429);
    expect(throughHosting.text).toContain(translator("es")("sub.limited.global", { minutes: 60 }));
    const id = subscriberId(KEY, address);
    expect((await db.collection(SUBSCRIBERS_COLLECTION).doc(id).get()).exists).toBe(false);
    expect((await db.collection(OUTBOX_COLLECTION).where("key.recipient", "==", `subscriber:${id}`).get()).size).toBe(
      0,
    );

    // The legitimate path: once the hour turns, a visitor through Hosting subscribes again.
    await limits.doc(GLOBAL).set({ windowStartMs: now - 3_600_000, count: 300, expireAt: new Date(now) });
    const visitor = await subscribe(THROUGH_HOSTING, address);
    expect(visitor.status, visitor.text).toBe(200);
    expect((await db.collection(SUBSCRIBERS_COLLECTION).doc(id).get()).get("status")).toBe("pending");
    await eventually(async () => {
      const queued = await db.collection(OUTBOX_COLLECTION).where("key.recipient", "==", `subscriber:${id}`).get();
      return queued.size === 1 ? true : undefined;
    }, "the visitor's confirmation email queued");
  });
});

/** A console callable over HTTP to the Functions emulator, with the caller's real ID token. */
const callable = (name: string, caller: Caller, data: unknown) =>
  callOverHttp<{
    result?: { version: number; status: string };
    error?: { status: string; message: string; details?: { fields?: { path: string }[] } };
  }>(name, callers.idToken(caller), data);

/**
 * How long an audit trigger may take to queue its email: the emulator starts a function's first
 * worker on demand, which on a busy machine takes tens of seconds.
 */
const TRIGGER_WAIT_MS = 60_000;

describe("a long title with line breaks, through the callables (#14 item 8)", () => {
  const id = `attack-long-title-${process.pid}`;
  const subscriberAddress = `attack-news-${process.pid}@example.org`;
  const subscriber = subscriberId(KEY, subscriberAddress);
  /** A title of `length` characters over several lines, each line break of another kind. */
  const title = (length: number) => {
    const lines = [
      "Compras públicas electrónicas en las Américas:",
      "informe\r\ndel seminario",
      "\u2028y sus anexos\n",
    ];
    let text = lines.join("\n");
    while (text.length < length) text += " palabra";
    return text.slice(0, length).trimEnd();
  };
  const document = (t: string): DocumentContent => ({
    kind: "news",
    title: { es: t, en: t.replace("Compras públicas electrónicas", "E-procurement") },
    summary: { es: "Resumen." },
    body: { es: "Texto." },
    translations: { es: "original", en: "translated" },
    countries: ["CL"],
    topics: [],
    source: "test/integration/attack-site-and-jobs.test.ts",
  });

  beforeAll(async () => {
    // A confirmed subscriber, as the form and its emailed button leave one.
    await db
      .collection(SUBSCRIBERS_COLLECTION)
      .doc(subscriber)
      .set(
        SubscriberSchema.parse({
          status: "confirmed",
          address: subscriberAddress,
          lang: "en",
          confirmedAtMs: Date.now(),
        }),
      );
  });
  afterAll(async () => {
    // Hard clean-up (the console only deletes softly), so the browser tests see the seed alone.
    await db.recursiveDelete(db.doc(`documents/${id}`));
    const audit = await db.collection(AUDIT_COLLECTION).where("target.id", "==", id).get();
    for (const entry of audit.docs) {
      const queued = await db.collection(OUTBOX_COLLECTION).where("key.occurrence", "==", entry.id).get();
      await Promise.all([...queued.docs.map((d) => d.ref.delete()), entry.ref.delete()]);
    }
    const news = await db.collection(OUTBOX_COLLECTION).where("key.recipient", "==", `subscriber:${subscriber}`).get();
    await Promise.all(news.docs.map((d) => d.ref.delete()));
    await db.collection(SUBSCRIBERS_COLLECTION).doc(subscriber).delete();
  });

  it(
    "refuses a title past the limit a record fits in, then queues the review notice and the subscriber news of a title at that limit, each with one shortened line as subject",
    async () => {
      const tooLong = await callable("committee-saveDraft", "committee-cl", { id, document: document(title(500)) });
      expect(tooLong.error?.status).toBe("INVALID_ARGUMENT");
      expect(tooLong.error?.details?.fields?.map((f) => f.path)).toContain("document.title.es");
      expect((await db.doc(`documents/${id}`).get()).exists).toBe(false);

      const longest = title(300);
      expect(longest).toMatch(/[\r\n\u2028]/);
      expect(
        (await callable("committee-saveDraft", "committee-cl", { id, document: document(longest) })).result?.status,
      ).toBe("draft");
      expect((await callable("committee-submit", "committee-cl", { id, baseVersion: 1 })).result?.status).toBe(
        "in-review",
      );

      const oneShortLine = (subject: string) => {
        expect(subject).not.toMatch(/[\r\n\u2028\u2029]/);
        expect(subject).toContain("…");
        expect(subject.length).toBeLessThan(200);
      };
      const submitted = await eventually(
        async () => {
          const entry = (await db.collection(AUDIT_COLLECTION).where("target.id", "==", id).get()).docs.find(
            (d) => d.get("action") === "document.submit",
          );
          if (!entry) return undefined;
          const queued = await db.collection(OUTBOX_COLLECTION).where("key.occurrence", "==", entry.id).get();
          return queued.empty ? undefined : queued.docs.map((d) => OutboxMessageSchema.parse(d.data()));
        },
        "the review notice of the submitted document queued",
        TRIGGER_WAIT_MS,
      );
      for (const message of submitted) {
        oneShortLine(message.subject ?? "");
        expect(
          (message.subject ?? "").startsWith(translator(message.lang)("notice.submitted.subject", { title: "" })),
        ).toBe(true);
        expect(message.subject).toContain("en las Américas: informe del seminario y sus anexos palabra");
      }

      // The legitimate path: another committee member publishes it, and the subscriber hears of it.
      expect((await callable("committee-publish", "committee-pe", { id, baseVersion: 2 })).result?.status).toBe(
        "published",
      );
      const news = await eventually(
        async () => {
          const queued = await db
            .collection(OUTBOX_COLLECTION)
            .where("key.recipient", "==", `subscriber:${subscriber}`)
            .where("key.purpose", "==", "subscription.published")
            .get();
          const mine = queued.docs
            .map((d) => OutboxMessageSchema.parse(d.data()))
            .filter((m) => m.key.occurrence.startsWith(id));
          return mine.length > 0 ? mine : undefined;
        },
        "the subscriber's news of the publication queued",
        TRIGGER_WAIT_MS,
      );
      expect(news).toHaveLength(1);
      oneShortLine(news[0]?.subject ?? "");
      expect(news[0]?.subject).toContain("E-procurement en las Américas: informe del seminario y sus anexos palabra");
    },
    3 * TRIGGER_WAIT_MS,
  );
});

describe("the seed loader run again on a live database (#14 item 10)", () => {
  const PROJECT = "demo-attack-seed-cli";
  const DOC = "documents/santiago-2005-executive-report";

  /** The loader's command line, as the README runs it, against this file's own project. */
  const loadSeed = () =>
    promisify(execFile)(process.execPath, [join(ROOT, "functions/lib/seed/cli.js"), join(ROOT, "seed")], {
      env: { ...process.env, GCLOUD_PROJECT: PROJECT },
    });

  it("loads an empty project, then keeps a console edit, its state, its versions and its audit entry when run again", async () => {
    const project = await openCallableProject(PROJECT, async () => {
      const first = await loadSeed();
      expect(first.stdout).toMatch(/^Seed loaded from /m);
    });
    try {
      const { db: own, callers: owners } = project;
      const handlers = documentCallables(() => ({ db: own, clock: () => new Date() }));
      expect((await own.doc(DOC).get()).get("status")).toBe("published");

      // What the console does: unpublish the report, then correct its title in a draft.
      await handlers.unpublish(owners.request("secretariat", { id: "santiago-2005-executive-report", baseVersion: 1 }));
      const seeded = DocumentSchema.parse((await own.doc(DOC).get()).data());
      const content: DocumentContent = DocumentContentSchema.parse(
        Object.fromEntries(Object.entries(seeded).filter(([field]) => field in DocumentContentSchema.shape)),
      );
      const corrected = { ...content, title: { ...content.title, es: "Informe ejecutivo, corregido en la consola" } };
      expect(
        (await handlers.saveDraft(
          owners.request("secretariat", { id: "santiago-2005-executive-report", baseVersion: 2, document: corrected }),
        )) as { version: number },
      ).toMatchObject({ version: 3, status: "draft" });
      const edited = await own.doc(DOC).get();
      const versions = async () =>
        (await own.collection(`${DOC}/versions`).get()).docs.map((d) => [d.id, d.updateTime.toMillis()]);
      const audit = async () => (await own.collection(AUDIT_COLLECTION).get()).size;
      const [versionsBefore, auditBefore] = [await versions(), await audit()];
      await own.doc("countries/CA").delete();

      const again = await loadSeed();
      expect(again.stdout).toMatch(/^Seed loaded from /m);

      const after = await own.doc(DOC).get();
      expect(after.updateTime?.toMillis()).toBe(edited.updateTime?.toMillis());
      expect(after.data()).toEqual(edited.data());
      expect(after.get("title.es")).toBe("Informe ejecutivo, corregido en la consola");
      expect(after.get("status")).toBe("draft");
      expect(after.get("version")).toBe(3);
      expect(await versions()).toEqual(versionsBefore);
      expect(await audit()).toBe(auditBefore);
      // The legitimate path: what is missing is created again.
      expect((await own.doc("countries/CA").get()).exists).toBe(true);
    } finally {
      await project.close();
      await clearFirestore(PROJECT);
    }
  }, 60_000);
});
