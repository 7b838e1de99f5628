import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { converterFor, type Document } from "../../functions/src/model/index.js";
import { eventually } from "../support/eventually.js";

// Runs against the whole emulator suite started by `npm test`: the Firestore trigger in the
// Functions emulator must rebuild the public view, and the Hosting emulator must then serve it.
const PROJECT = "demo-compraspublicas";
const SITE = "http://127.0.0.1:5000";
const app = initializeApp({ projectId: PROJECT }, "public-view-trigger");
const db = getFirestore(app);
const id = "trigger-test-news";
const ref = db.collection("documents").withConverter(converterFor("documents")).doc(id);

afterAll(async () => {
  await ref.delete();
  await deleteApp(app);
});

describe("public view trigger", () => {
  it("publishes a new document on the site once the trigger has rebuilt the view", async () => {
    const before = (await db.doc("views/public").get()).get("version") as string | undefined;
    expect(before, "the seed must have built the view").toBeTypeOf("string");
    const news: Document = {
      id,
      kind: "news",
      title: { es: "Noticia de prueba del disparador", en: "Trigger test news" },
      summary: { es: "Resumen", en: "Summary" },
      body: { es: "Cuerpo", en: "Body" },
      translations: { es: "original", en: "translated" },
      countries: [],
      topics: [],
      status: "published",
      publishedOn: "2026-11-25",
      version: 1,
      source: "integration test",
    };
    await ref.set(news);
    await eventually(async () => {
      const version = (await db.doc("views/public").get()).get("version");
      return version !== before ? version : undefined;
    }, "the view rebuild");
    const html = await eventually(async () => {
      const res = await fetch(`${SITE}/en/`);
      const text = await res.text();
      return text.includes("Trigger test news") ? text : undefined;
    }, "the home page showing the new document");
    expect(html).toContain(`/en/documents/${id}`);

    await ref.update({ status: "draft" });
    await eventually(async () => {
      const text = await (await fetch(`${SITE}/en/`)).text();
      return text.includes("Trigger test news") ? undefined : true;
    }, "the home page dropping the unpublished document");
  });
});
