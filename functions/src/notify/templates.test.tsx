import { describe, expect, it } from "vitest";
import { LANGS, type Recipient } from "../model/index.js";
import { classifyFailure } from "./delivery.js";
import { NotifyError } from "./errors.js";
import { composeMessage, formatInstant, siteLink } from "./templates.js";

const ORIGIN = "https://www.compraspublicas.org";
const to = (lang: Recipient["lang"], timeZone = "America/Santiago"): Recipient => ({
  id: "member:x",
  name: "Ana",
  address: "ana@example.org",
  lang,
  timeZone,
});

describe("email templates", () => {
  it("builds links only from the site's origin", () => {
    expect(siteLink(ORIGIN, "/es/hosting?x=1")).toBe("https://www.compraspublicas.org/es/hosting?x=1");
    for (const path of ["//evil.example/x", "https://evil.example/", "evil.example", "/\\evil.example", ""]) {
      expect(() => siteLink(ORIGIN, path), path).toThrow(NotifyError);
    }
  });

  it("writes each message in the recipient's language, with no key left untranslated", () => {
    const subjects = new Set<string>();
    for (const lang of LANGS) {
      const mail = composeMessage(
        {
          subject: "commitment.reminder.subject",
          paragraphs: ["commitment.reminder.body"],
          params: { host: "Chile", days: 7, date: new Date("2026-06-01T12:00:00Z") },
          action: { label: "commitment.action", path: `/${lang}/hosting` },
        },
        to(lang),
        ORIGIN,
      );
      expect(mail.lang).toBe(lang);
      expect(`${mail.subject}${mail.text}`).not.toMatch(/\{\w+\}|commitment\./);
      expect(mail.html).toContain(`lang="${lang}"`);
      subjects.add(mail.subject);
    }
    expect(subjects.size).toBe(LANGS.length);
  });

  it("writes dates in the recipient's time zone", () => {
    const at = new Date("2026-03-31T03:00:00Z");
    expect(formatInstant(at, "en", "America/Santiago")).toBe("March 31, 2026");
    expect(formatInstant(at, "en", "America/Los_Angeles")).toBe("March 30, 2026");
    expect(formatInstant(at, "es", "Asia/Tokyo")).toBe("31 de marzo de 2026");
  });
});

describe("SMTP failures", () => {
  it("retries what the server defers, fails what it refuses, and flags a connection lost mid-way", () => {
    expect(
      classifyFailure({ code: "EMESSAGE", responseCode: 451, message: "Message failed: 451 try later" }).kind,
    ).toBe("temporary");
    expect(classifyFailure({ code: "EENVELOPE", responseCode: 550, message: "550 no such user" }).kind).toBe(
      "permanent",
    );
    expect(classifyFailure({ code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:25" }).kind).toBe("temporary");
    expect(classifyFailure({ code: "EAUTH", responseCode: 535, message: "Invalid login" }).kind).toBe("temporary");
    expect(classifyFailure({ code: "ESOCKET", message: "read ECONNRESET" }).kind).toBe("unknown");
    expect(classifyFailure({ code: "ECONNECTION", message: "Connection closed unexpectedly" }).kind).toBe("unknown");
  });
});
