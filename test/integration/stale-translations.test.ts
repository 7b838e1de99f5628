import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../functions/src/i18n/index.js";
import type { DocumentContent } from "../../functions/src/model/index.js";
import { callOverHttp } from "../support/callable-http.js";
import { type Callers, DEMO_PROJECT, demoCallers } from "../support/console-callers.js";
import { HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";
import { attr, type Element, elementsOf, textOf } from "../support/html.js";

// A translation that falls behind its original, through the deployed callables in the Functions
// emulator with real ID tokens, down to the English page the Hosting emulator serves.
const DOC = `stale-translation-${process.pid}`;
const EVENT = `stale-translation-event-${process.pid}`;
const app = initializeApp({ projectId: DEMO_PROJECT }, `stale-translations-${process.pid}`);
const db = getFirestore(app);
let callers: Callers;

beforeAll(async () => {
  callers = await demoCallers();
});
afterAll(async () => {
  for (const path of [`documents/${DOC}`, `events/${EVENT}`]) await db.recursiveDelete(db.doc(path));
  const audit = await db.collection("audit").where("target.id", "in", [DOC, EVENT]).get();
  await Promise.all(audit.docs.map((d) => d.ref.delete()));
  const mail = await db.collection("outbox").where("key.purpose", "==", "document.submitted").get();
  await Promise.all(mail.docs.map((d) => d.ref.delete()));
  await db.doc(`publicationNews/${DOC}`).delete();
  await callers?.close();
  await deleteApp(app);
});

async function call(name: string, caller: Parameters<Callers["idToken"]>[0], data: unknown) {
  const body = await callOverHttp<{ result?: { version: number }; error?: unknown }>(
    `committee-${name}`,
    callers.idToken(caller),
    data,
  );
  if (!body.result) throw new Error(`committee-${name}: ${JSON.stringify(body.error)}`);
  return body.result;
}

const stored = async (path: string) => (await db.doc(path).get()).data() ?? {};

const bilingual: DocumentContent = {
  kind: "news",
  title: { es: "Noticia traducida", en: "Translated news" },
  summary: { es: "Resumen.", en: "Summary." },
  body: { es: "Texto original.", en: "Original text." },
  translations: { es: "original", en: "translated" },
  countries: ["CL"],
  topics: [],
  source: "test/integration/stale-translations.test.ts",
};
const changedSpanish = { ...bilingual, body: { ...bilingual.body, es: "Texto original, corregido." } };

describe("a translation behind its original", () => {
  it("is flagged when the original's text changes, not by a save that changes nothing, and cleared when marked done again", async () => {
    await call("saveDraft", "committee-cl", { id: DOC, document: bilingual });
    const first = await stored(`documents/${DOC}`);
    expect(first.translations).toEqual({ es: "original", en: "translated" });
    expect(first.originalChangedAt).toEqual(expect.any(String));

    // The same content again: nothing of the original changed, nothing is flagged.
    await call("saveDraft", "committee-cl", { id: DOC, baseVersion: 1, document: bilingual });
    const same = await stored(`documents/${DOC}`);
    expect(same.version).toBe(2);
    expect(same.translations).toEqual({ es: "original", en: "translated" });
    expect(same.originalChangedAt).toBe(first.originalChangedAt);

    // The Spanish text changes: the English translation done before is now behind it.
    await call("saveDraft", "committee-cl", { id: DOC, baseVersion: 2, document: changedSpanish });
    const changed = await stored(`documents/${DOC}`);
    expect(changed.translations).toEqual({ es: "original", en: "outdated" });
    expect(Date.parse(changed.originalChangedAt)).toBeGreaterThan(Date.parse(first.originalChangedAt));

    // Published as it stands, the English page says so, in English, with the original's date and link.
    await call("submit", "committee-cl", { id: DOC, baseVersion: 3 });
    await call("publish", "committee-pe", { id: DOC, baseVersion: 4 });
    const en = translator("en");
    const note = await eventually(async () => {
      const response = await fetch(`${HOSTING_ORIGIN}/en/documents/${DOC}`);
      const notes = elementsOf(await response.text()).filter((e) => attr(e, "role") === "note");
      return notes.find((n) => textOf(n).includes(en("translation.outdated.link", { lang: en("lang.es") })));
    }, "the English page's note on its outdated translation");
    const anchor = note.childNodes.find((n): n is Element => "tagName" in n && n.tagName === "a");
    expect(anchor && attr(anchor, "href")).toBe(`/es/documents/${DOC}`);
    expect(anchor && attr(anchor, "hreflang")).toBe("es");
    const spanishPage = await (await fetch(`${HOSTING_ORIGIN}/es/documents/${DOC}`)).text();
    expect(spanishPage).not.toContain(translator("es")("translation.outdated.link", { lang: "Español" }));

    // Back to a draft, the English text is revised; only marking it done again clears the flag.
    await call("unpublish", "committee-pe", { id: DOC, baseVersion: 5, reason: "Revisar la traducción." });
    const reviewed = { ...changedSpanish, body: { ...changedSpanish.body, en: "Original text, corrected." } };
    await call("saveDraft", "committee-cl", {
      id: DOC,
      baseVersion: 6,
      document: { ...reviewed, translations: { es: "original", en: "outdated" } },
    });
    expect((await stored(`documents/${DOC}`)).translations).toEqual({ es: "original", en: "outdated" });
    await call("saveDraft", "committee-cl", { id: DOC, baseVersion: 7, document: reviewed });
    const cleared = await stored(`documents/${DOC}`);
    expect(cleared.translations).toEqual({ es: "original", en: "translated" });
    expect(cleared.originalChangedAt).toBe(changed.originalChangedAt);

    // Both languages rewritten in one save: the translation kept up with its original.
    const both = {
      ...reviewed,
      body: { es: "Texto nuevo.", en: "New text." },
    };
    await call("saveDraft", "committee-cl", { id: DOC, baseVersion: 8, document: both });
    expect((await stored(`documents/${DOC}`)).translations).toEqual({ es: "original", en: "translated" });
  });

  it("flags a record's translation the same way (an event), and leaves a record without statuses alone", async () => {
    const event = {
      kind: "meeting",
      title: { es: "Reunión traducida", en: "Translated meeting" },
      status: "planned",
      hostCountries: ["CL"],
      source: "test/integration/stale-translations.test.ts",
    };
    await call("recordSaveDraft", "committee-cl", { kind: "events", id: EVENT, record: event });
    expect((await stored(`events/${EVENT}`)).translations).toBeUndefined();
    await call("recordSaveDraft", "committee-cl", {
      kind: "events",
      id: EVENT,
      baseVersion: 1,
      record: { ...event, title: { ...event.title, es: "Reunión retitulada" } },
    });
    expect((await stored(`events/${EVENT}`)).translations).toBeUndefined();

    const tracked = { ...event, translations: { es: "original", en: "translated" } };
    await call("recordSaveDraft", "committee-cl", { kind: "events", id: EVENT, baseVersion: 2, record: tracked });
    await call("recordSaveDraft", "committee-cl", { kind: "events", id: EVENT, baseVersion: 3, record: tracked });
    expect((await stored(`events/${EVENT}`)).translations).toEqual({ es: "original", en: "translated" });
    const retitled = { ...tracked, title: { ...event.title, es: "Reunión del comité" } };
    await call("recordSaveDraft", "committee-cl", { kind: "events", id: EVENT, baseVersion: 4, record: retitled });
    const flagged = await stored(`events/${EVENT}`);
    expect(flagged.translations).toEqual({ es: "original", en: "outdated" });
    expect(flagged.originalChangedAt).toEqual(expect.any(String));
    // The console sends back what it loaded, the stored date included: the store keeps its own.
    await call("recordSaveDraft", "committee-cl", {
      kind: "events",
      id: EVENT,
      baseVersion: 5,
      record: {
        ...retitled,
        translations: { es: "original", en: "translated" },
        originalChangedAt: "2001-01-01T00:00:00.000Z",
      },
    });
    const cleared = await stored(`events/${EVENT}`);
    expect(cleared.translations).toEqual({ es: "original", en: "translated" });
    expect(cleared.originalChangedAt).toBe(flagged.originalChangedAt);
  });
});
