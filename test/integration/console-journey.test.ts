import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentContent } from "../../functions/src/model/index.js";
import { callOverHttp } from "../support/callable-http.js";
import { type Callers, DEMO_PROJECT, demoCallers } from "../support/console-callers.js";
import { HOSTING_ORIGIN } from "../support/emulator-suite.js";
import { eventually } from "../support/eventually.js";

// The document journey through the deployed callables in the Functions emulator, with real ID
// tokens, down to the public site served by the Hosting emulator.
const id = "journey-console-news";
const app = initializeApp({ projectId: DEMO_PROJECT }, "console-journey");
const db = getFirestore(app);
let callers: Callers;

beforeAll(async () => {
  callers = await demoCallers();
});
afterAll(async () => {
  // Hard clean-up (the console only deletes softly), so the browser tests see the seed alone.
  await db.recursiveDelete(db.doc(`documents/${id}`));
  const audit = await db.collection("audit").where("target.id", "==", id).get();
  await Promise.all(audit.docs.map((d) => d.ref.delete()));
  await callers?.close();
  await deleteApp(app);
});

async function call(name: string, caller: Parameters<Callers["idToken"]>[0], data: unknown) {
  return callOverHttp<{
    result?: { version: number; status: string };
    error?: { status: string; message: string };
  }>(`committee-${name}`, callers.idToken(caller), data);
}

const spanish: DocumentContent = {
  kind: "news",
  title: { es: "La consola publica su primera noticia" },
  summary: { es: "Una noticia escrita en la consola." },
  body: { es: "Texto en **español**." },
  translations: { es: "original" },
  countries: ["CL"],
  topics: [],
  source: "console journey test",
};

describe("a document from draft to the public site, through the callables", () => {
  it("is drafted in Spanish, translated, submitted, refused to its author and a member, published by another committee member, and shown in both languages", async () => {
    expect((await call("saveDraft", "committee-cl", { id, document: spanish })).result).toEqual({
      id,
      version: 1,
      status: "draft",
    });
    const bilingual = {
      ...spanish,
      title: { ...spanish.title, en: "The console publishes its first news" },
      summary: { ...spanish.summary, en: "News written in the console." },
      body: { ...spanish.body, en: "Text in **English**." },
      translations: { es: "original", en: "translated" },
    };
    expect((await call("saveDraft", "committee-cl", { id, baseVersion: 1, document: bilingual })).result?.version).toBe(
      2,
    );
    expect((await call("submit", "committee-cl", { id, baseVersion: 2 })).result?.status).toBe("in-review");

    const own = await call("publish", "committee-cl", { id, baseVersion: 3, lang: "en" });
    expect(own.error?.status).toBe("PERMISSION_DENIED");
    expect(own.error?.message).toContain("another committee member must publish it");
    const member = await call("publish", "member", { id, baseVersion: 3 });
    expect(member.error).toEqual(
      expect.objectContaining({
        status: "PERMISSION_DENIED",
        message: "Esta acción requiere el rol secretaría, comité; su rol es miembro.",
      }),
    );
    const anonymous = await call("publish", "anonymous", { id, baseVersion: 3 });
    expect(anonymous.error?.status).toBe("UNAUTHENTICATED");

    expect((await call("publish", "committee-pe", { id, baseVersion: 3 })).result?.status).toBe("published");
    const titles = { es: "La consola publica su primera noticia", en: "The console publishes its first news" };
    for (const [lang, title] of Object.entries(titles)) {
      await eventually(async () => {
        const html = await (await fetch(`${HOSTING_ORIGIN}/${lang}/documents/${id}`)).text();
        return html.includes(title) ? true : undefined;
      }, `the ${lang} page of the published document`);
    }
  });
});
