import { FirebaseError } from "firebase/app";
import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../functions/src/i18n/catalog.js";
import { LANGS } from "../../functions/src/model/common.js";
import type { UiKey } from "../../hosting/console/i18n/index.js";
import { consoleUi } from "../../hosting/console/i18n/messages.js";
import type { CallFailure } from "../../hosting/console/lib/callables.js";
import { failureCode, failureText, WordedFailure } from "../../hosting/console/lib/failures.js";

const translate = (lang: (typeof LANGS)[number]) => (key: UiKey) => fillTemplate(consoleUi[lang][key]);

// What the Firestore SDK and a callable throw, as the console meets them.
const RULES_MESSAGE =
  "Missing or insufficient permissions. false for 'list' @ L29, Property publication is undefined on object.";
const firestore = (code: string, message: string) => new FirebaseError(code, message);
// A CallError (lib/callables.ts, which needs a browser to load): its failure, as call() builds it.
const callable = (code: string, message: string, details: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { failure: { code, message, fields: {}, details } satisfies CallFailure });

describe("the console's failures, as a person reads them", () => {
  it("names the failure by its Firestore or Functions code", () => {
    expect(failureCode(firestore("permission-denied", RULES_MESSAGE))).toBe("permission-denied");
    expect(failureCode(callable("unavailable", "internal"))).toBe("unavailable");
    expect(failureCode({ code: "functions/not-found" })).toBe("not-found");
    expect(failureCode(new TypeError("Failed to fetch"))).toBe("unavailable");
    expect(failureCode(new Error("Firebase is not connected"))).toBe("unknown");
    expect(failureCode(undefined)).toBe("unknown");
  });

  it.each(LANGS)("says in %s what happened and what to do, never the rules' or the SDK's words", (lang) => {
    const say = (error: unknown) => failureText(error, translate(lang));
    const failures = [
      firestore("permission-denied", RULES_MESSAGE),
      firestore("unavailable", "Failed to get document because the client is offline."),
      firestore("not-found", "No document to update"),
      firestore("resource-exhausted", "Quota exceeded."),
      firestore("failed-precondition", "The query requires an index. You can create it here: https://…"),
      callable("internal", "internal"),
      callable("permission-denied", "PERMISSION_DENIED"),
      new TypeError("Failed to fetch"),
      new Error("FirebaseError: [code=unknown]: boom"),
    ];
    for (const failure of failures) {
      const text = say(failure);
      expect(text.length, text).toBeGreaterThan(30);
      expect(text).not.toMatch(/permission|PERMISSION_DENIED|false for|FirebaseError|internal|index|offline|fetch/i);
    }
    expect(say(failures[0])).toBe(consoleUi[lang]["ui.fail.denied"]);
    expect(say(failures[1])).toBe(consoleUi[lang]["ui.fail.offline"]);
    expect(say(failures[4])).toBe(consoleUi[lang]["ui.fail.other"]);
  });

  it("keeps a callable's refusal as the server worded it from its catalogue, in the person's language", () => {
    const refusal = callable("failed-precondition", "Otra persona guardó este documento mientras usted lo editaba.", {
      key: "console.error.stale",
    });
    expect(failureText(refusal, translate("es"))).toBe("Otra persona guardó este documento mientras usted lo editaba.");
  });

  it("says a problem the console worded itself as it is, and no other error's own words", () => {
    const taken = "Este identificador ya está en uso.";
    expect(failureText(new WordedFailure(taken), translate("es"))).toBe(taken);
    expect(failureText(new Error(taken), translate("es"))).not.toBe(taken);
  });
});
