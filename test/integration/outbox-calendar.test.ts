import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTBOX_COLLECTION, type Recipient } from "../../functions/src/model/index.js";
import { type DeliveryDeps, deliverMessage } from "../../functions/src/notify/delivery.js";
import { NotifyError } from "../../functions/src/notify/errors.js";
import { composeMail } from "../../functions/src/notify/mail/compose.js";
import { enqueue, stageMessages } from "../../functions/src/notify/outbox.js";
import { emulatedProject } from "../support/functions-admin.js";
import { transportTo } from "../support/outbox-delivery.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

const PROJECT_ID = `demo-outbox-calendar-${process.pid}`;
const SENDER = "Red Interamericana <no-reply@compraspublicas.org>";
const SEAL_KEY = "test-outbox-key-0123456789abcdef-0123456789abcdef";
const TOKEN = "live-token-0123456789abcdef";
const now = Date.parse("2027-03-01T12:00:00Z");
const clock = () => new Date(now);
const db = emulatedProject(PROJECT_ID);
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
});

const deps = (): DeliveryDeps => ({
  db,
  clock,
  transport: transportTo(sink),
  sender: SENDER,
  log: () => {},
  sealKey: SEAL_KEY,
});

const recipient: Recipient = {
  id: "registration:calendar-test",
  name: "Ana Pérez",
  address: "ana@example.org",
  lang: "es",
  timeZone: "America/Santiago",
};

/** A small calendar of one timed event in Santiago (a VTIMEZONE of one rule is enough here). */
const CALENDAR = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//compraspublicas.org//test//ES",
  "METHOD:PUBLISH",
  "BEGIN:VTIMEZONE",
  "TZID:America/Santiago",
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:-0300",
  "TZOFFSETTO:-0300",
  "END:STANDARD",
  "END:VTIMEZONE",
  "BEGIN:VEVENT",
  "UID:calendar-test@compraspublicas.org",
  "DTSTAMP:20270301T120000Z",
  "SEQUENCE:0",
  "DTSTART;TZID=America/Santiago:20270410T090000",
  "DTEND;TZID=America/Santiago:20270410T180000",
  "SUMMARY:Conferencia",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

const content = (text: string) => composeMail({ lang: "es", subject: "Su plaza", paragraphs: [text], notes: ["Nota"] });

describe("an outbox message with a calendar file", () => {
  it("arrives as a text/calendar part with its method and as an .ics attachment that parses to the same instant", async () => {
    const { id } = await enqueue(db, clock, () => {}, {
      purpose: "registration.test",
      occurrence: "calendar",
      recipient,
      content: content(`Anular: https://example.org/cancel?t=${TOKEN}`),
      seal: { key: SEAL_KEY, tokens: [TOKEN] },
      calendar: { method: "PUBLISH", content: CALENDAR },
    });
    expect(await deliverMessage(deps(), id)).toBe("sent");
    const mail = sink.received.at(-1);
    expect(mail?.text).toContain(TOKEN);
    const files = (mail?.attachments ?? []).filter((a) => /calendar|ics/.test(a.contentType));
    // The file once as an alternative and once as an attachment, no more.
    expect(files).toHaveLength(2);
    const methodOf = (a: (typeof files)[number]) =>
      (a.headers.get("content-type") as { params?: { method?: string } } | undefined)?.params?.method;
    expect(files.map((a) => [a.contentType, methodOf(a)?.toUpperCase()])).toContainEqual(["text/calendar", "PUBLISH"]);
    expect(files.some((a) => a.filename === "event.ics")).toBe(true);
    for (const file of files) {
      const calendar = new ICAL.Component(ICAL.parse(file.content.toString("utf8")));
      for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
      expect(event.startDate.toJSDate().toISOString()).toBe("2027-04-10T12:00:00.000Z");
    }
    // Settled: the calendar file goes with the texts and the address.
    const settled = (await db.collection(OUTBOX_COLLECTION).doc(id).get()).data();
    expect(settled?.calendar).toBeUndefined();
  });

  it("refuses a calendar file that carries a live token, and one that is not a calendar", async () => {
    const queue = (calendar: { method: "PUBLISH"; content: string }, occurrence: string) =>
      enqueue(db, clock, () => {}, {
        purpose: "registration.test",
        occurrence,
        recipient,
        content: content(`https://example.org/cancel?t=${TOKEN}`),
        seal: { key: SEAL_KEY, tokens: [TOKEN] },
        calendar,
      });
    await expect(
      queue({ method: "PUBLISH", content: CALENDAR.replace("SUMMARY:Conferencia", `URL:https://x/?t=${TOKEN}`) }, "a"),
    ).rejects.toThrow(NotifyError);
    await expect(queue({ method: "PUBLISH", content: "<html>" }, "b")).rejects.toThrow(NotifyError);
    await expect(queue({ method: "PUBLISH", content: `${CALENDAR}${"X".repeat(40_000)}` }, "c")).rejects.toThrow(
      NotifyError,
    );
  });

  it("queues a message inside a transaction once, however often the transaction runs", async () => {
    const message = {
      purpose: "registration.test",
      occurrence: "staged",
      recipient,
      content: content("Hola"),
      calendar: { method: "PUBLISH" as const, content: CALENDAR },
    };
    const run = () =>
      db.runTransaction(async (tx) => {
        const staged = await stageMessages(tx, db, clock, [message, message]);
        staged.write();
        return staged.count;
      });
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
    const queued = await db.collection(OUTBOX_COLLECTION).where("key.occurrence", "==", "staged").get();
    expect(queued.size).toBe(1);
  });
});
