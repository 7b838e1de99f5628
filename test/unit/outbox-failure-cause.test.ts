import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyFailure } from "../../functions/src/notify/delivery.js";
import { type FailureCause, failureCause } from "../../functions/src/notify/failure-cause.js";
import { smtpTransport } from "../../functions/src/notify/smtp.js";
import { type SinkBehaviour, type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";

// The errors are the real transport's, against a real SMTP server on loopback, stored as
// delivery stores them (classifyFailure's reason): the words the console must never show, read
// into the cause whose sentence it shows instead.
const MAIL = { from: "noreply@example.org", to: "someone@example.org", subject: "Hello", text: "Hello" };

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

/** What delivery stores after the real transport failed against the sink behaving as `behaviour`. */
async function storedError(behaviour: SinkBehaviour, port = sink.port): Promise<string> {
  sink.behaviour = () => behaviour;
  const transport = smtpTransport({ host: "127.0.0.1", port, user: "", password: "" });
  const error = await transport.sendMail(MAIL).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `the transport did not fail (${behaviour.kind})`).toBeDefined();
  return classifyFailure(error).reason;
}

describe("the cause of a delivery failure, as the outbox screen names it", () => {
  it("reads a refused connection, a refusal at the greeting and a connection cut after the message as the connection", async () => {
    const closed = await startSmtpSink();
    const closedPort = closed.port;
    await closed.close();
    expect(failureCause(await storedError({ kind: "accept" }, closedPort))).toBe("connection");
    sink.refusingConnections = true;
    try {
      expect(failureCause(await storedError({ kind: "accept" }))).toBe("connection");
    } finally {
      sink.refusingConnections = false;
    }
    // The one a person reviews: the whole message went out, and the reply never came.
    expect(failureCause(await storedError({ kind: "dropAfterData" }))).toBe("connection");
    expect(failureCause(await storedError({ kind: "dropAtRcptTo" }))).toBe("connection");
  });

  it("reads a refused recipient or sender as an address, whatever the code", async () => {
    for (const code of [550, 553, 554]) {
      expect(failureCause(await storedError({ kind: "refuseRcptTo", code })), `RCPT TO ${code}`).toBe("address");
    }
    expect(failureCause(await storedError({ kind: "refuseMailFrom", code: 553 }))).toBe("address");
  });

  it("reads a message refused after it was sent as the message", async () => {
    for (const code of [552, 554]) {
      expect(failureCause(await storedError({ kind: "refuse", code })), `DATA ${code}`).toBe("message");
    }
  });

  it("reads refused credentials as authentication", async () => {
    const server = new SMTPServer({
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth: (_auth, _session, callback) => callback(new Error("Invalid username or password")),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as { port: number };
    try {
      const transport = nodemailer.createTransport({
        host: "127.0.0.1",
        port,
        ignoreTLS: true,
        auth: { user: "outbox", pass: "wrong" },
      });
      const error = await transport.sendMail(MAIL).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failureCause(classifyFailure(error).reason)).toBe("authentication");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("reads the sweeper's words as an interrupted sending, and a message given up on by its last error", () => {
    expect(failureCause("the sending attempt stopped after it may have handed the message to the server")).toBe(
      "interrupted",
    );
    expect(failureCause("gave up after 5 attempts that stopped before sending")).toBe("interrupted");
    expect(failureCause("gave up after 5 attempts; last: connect ECONNREFUSED 127.0.0.1:1025")).toBe("connection");
  });

  it("names nothing it does not recognise, or nothing stored, as another answer", () => {
    const other: FailureCause = "other";
    expect(failureCause(undefined)).toBe(other);
    expect(failureCause("")).toBe(other);
    expect(failureCause("Unexpected reply")).toBe(other);
  });
});
