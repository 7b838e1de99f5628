import { describe, expect, it } from "vitest";
import { invitationUrl } from "../committee/invitations/invitations.js";
import { HeaderTextSchema, LANGS, type Recipient } from "../model/index.js";
import { publicationMessage } from "../subscriptions/templates.js";
import { classifyFailure } from "./delivery.js";
import { NotifyError } from "./errors.js";
import { subjectValue } from "./mail/compose.js";
import { composeMessage, consoleUrl, formatInstant, type MessageSpec, siteLink } from "./templates.js";

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

  it("is certain a connection lost before the message's final dot sent nothing, and unsure only after it", () => {
    const lost = { code: "ECONNECTION", command: "CONN", message: "Connection closed unexpectedly" };
    expect(classifyFailure({ ...lost, messageEnded: false }).kind).toBe("temporary");
    expect(classifyFailure({ ...lost, messageEnded: true }).kind).toBe("unknown");
    expect(classifyFailure({ code: "EENVELOPE", command: "MAIL FROM", responseCode: 421 })).toMatchObject({
      kind: "temporary",
      command: "MAIL FROM",
    });
    expect(
      classifyFailure({ code: "EENVELOPE", command: "RCPT TO", responseCode: 550, messageEnded: false }),
    ).toMatchObject({ kind: "permanent", command: "RCPT TO" });
    expect(classifyFailure({ code: "EMESSAGE", command: "DATA", responseCode: 554, messageEnded: true }).kind).toBe(
      "permanent",
    );
  });
});

describe("links into the console", () => {
  const BASES = [
    "https://www.compraspublicas.org/console/",
    "https://console.compraspublicas.org",
    "http://127.0.0.1:5003/",
  ];

  it("puts a route or an invitation's code in the hash of the console's address, wherever the console is served", () => {
    expect(consoleUrl(BASES[0] as string, "/documents/x")).toBe(
      "https://www.compraspublicas.org/console/#/documents/x",
    );
    expect(consoleUrl("https://www.compraspublicas.org/console?x=1#old", "/documents/x")).toBe(
      "https://www.compraspublicas.org/console/#/documents/x",
    );
    const token = `${"A".repeat(42)}_`;
    expect(invitationUrl(BASES[1] as string, token)).toBe(`https://console.compraspublicas.org/#invitation=${token}`);
    expect(invitationUrl(BASES[2] as string, token)).toBe(`http://127.0.0.1:5003/#invitation=${token}`);
  });

  it("refuses anything but a route or a code, and a console that is not http(s)", () => {
    for (const fragment of ["", "/x?y", "/<script>", "/a#b", "javascript:alert(1)", "/a b"]) {
      expect(() => consoleUrl(BASES[0] as string, fragment), fragment).toThrow(NotifyError);
    }
    expect(() => consoleUrl("javascript:alert(1)//", "/documents/x")).toThrow(NotifyError);
  });

  it("links a console action to the console and escapes every value of the message", () => {
    const mail = composeMessage(
      {
        subject: "notice.submitted.subject",
        paragraphs: ["notice.submitted.body"],
        params: { title: '<img src=x onerror="alert(1)">', who: "Ana & <b>Bob</b>" },
        action: { label: "notice.submitted.action", consoleRoute: "/documents/x" },
      },
      to("en"),
      ORIGIN,
      BASES[0],
    );
    expect(mail.html).toContain('href="https://www.compraspublicas.org/console/#/documents/x"');
    expect(mail.html).not.toMatch(/<img|<b>/);
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(mail.text).toContain("Review in the console: https://www.compraspublicas.org/console/#/documents/x");
    expect(() =>
      composeMessage(
        {
          subject: "notice.submitted.subject",
          paragraphs: [],
          params: {},
          action: { label: "notice.submitted.action", consoleRoute: "/documents/x" },
        },
        to("en"),
        ORIGIN,
      ),
    ).toThrow(NotifyError);
  });

  it("has every notification in es, en, pt and fr, with no placeholder left", () => {
    const specs: MessageSpec[] = [
      {
        subject: "notice.submitted.subject",
        paragraphs: ["notice.submitted.body", "notice.submitted.rule"],
        params: { title: "T", who: "W" },
      },
      {
        subject: "notice.seatGained.subject",
        paragraphs: [
          "notice.seatGained.hosted",
          "notice.seatGained.will-host",
          "notice.seatGained.manual",
          "notice.seatGained.rights",
        ],
        params: { country: "Chile", reason: "R" },
      },
      { subject: "notice.seatLost.subject", paragraphs: ["notice.seatLost.body"], params: { country: "Chile" } },
      {
        subject: "notice.invitation.subject",
        paragraphs: [
          "notice.invitation.body",
          "notice.invitation.bodyCountry",
          "notice.invitation.howTo",
          "notice.invitation.expires",
        ],
        params: {
          role: { keys: ["console.role.member"] },
          country: "Perú",
          email: "a@b.org",
          date: new Date("2026-04-08T12:00:00Z"),
        },
      },
      {
        subject: "notice.event.subject",
        paragraphs: ["notice.event.body", "notice.event.city"],
        params: { event: "E", days: 7, date: { day: "2026-06-15" }, city: "Lima" },
      },
    ];
    for (const spec of specs) {
      const texts = new Set<string>();
      for (const lang of LANGS) {
        const mail = composeMessage(spec, to(lang), ORIGIN);
        expect(`${mail.subject}\n${mail.text}`, `${spec.subject} in ${lang}`).not.toMatch(
          /\{\w+\}|notice\.|console\.role/,
        );
        texts.add(mail.text);
      }
      expect(texts.size, spec.subject).toBe(LANGS.length);
    }
  });
});

describe("subjects built from a record's title", () => {
  const title = `Informe\r\nsobre ${"compras públicas ".repeat(60)}\u2028fin`;

  it("are one line of at most 300 characters, the title shortened with an ellipsis, in every language", () => {
    for (const lang of LANGS) {
      const review = composeMessage(
        {
          subject: "notice.submitted.subject",
          paragraphs: ["notice.submitted.body"],
          params: { title, who: "Ana Pérez" },
        },
        to(lang),
        ORIGIN,
      );
      const news = publicationMessage(ORIGIN, { id: "s", lang }, { id: "d", title: { es: title } }, "key");
      for (const mail of [review, news]) {
        expect(HeaderTextSchema.safeParse(mail.subject).success, `${lang}: ${mail.subject}`).toBe(true);
        expect(mail.subject).not.toMatch(/[\r\n\u2028]/);
        expect(mail.subject).toContain("Informe sobre compras públicas");
        expect(mail.subject).toContain("…");
      }
      // The body keeps the whole title: only the subject line is shortened.
      expect(news.text).toContain("fin");
    }
  });

  it("keep a short title whole and never split a character in two", () => {
    expect(subjectValue("Informe ejecutivo")).toBe("Informe ejecutivo");
    const flags = "🇨🇱".repeat(200);
    const shortened = subjectValue(flags);
    expect(shortened.endsWith("…")).toBe(true);
    expect(
      Array.from(new Intl.Segmenter().segment(shortened.slice(0, -1)), (s) => s.segment).every((s) => s === "🇨🇱"),
    ).toBe(true);
  });
});
