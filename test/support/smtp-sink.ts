import type { AddressInfo, Socket } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

/**
 * What the test server does with the next transaction:
 * - accept: stores the message and replies 250;
 * - refuse: replies 451 after the message (a temporary refusal), or `code` if given;
 * - dropMidMessage: cuts the connection while the message is still arriving (nothing stored);
 * - dropAfterAccept: stores the message, then cuts the connection before the 250 reaches the
 *   client, the one case where the sender cannot know the message arrived;
 * - dropAfterData: takes the whole message, its final "." included, then cuts the connection
 *   without storing it or replying: the sender cannot know either, but nothing arrived;
 * - refuseMailFrom / refuseRcptTo: replies `code` to MAIL FROM or RCPT TO, before any message;
 * - dropAtRcptTo: cuts the connection when RCPT TO arrives, before any message.
 */
export type SinkBehaviour =
  | { kind: "accept" }
  | { kind: "refuse"; code?: number }
  | { kind: "dropMidMessage" }
  | { kind: "dropAfterAccept" }
  | { kind: "dropAfterData" }
  | { kind: "refuseMailFrom"; code: number }
  | { kind: "refuseRcptTo"; code: number }
  | { kind: "dropAtRcptTo" };

/** A real SMTP server on loopback that stores what it accepts, parsed by mailparser. */
export interface SmtpSink {
  port: number;
  /** Every message the server accepted, in arrival order. */
  received: ParsedMail[];
  /** Decides each transaction (once, at MAIL FROM); accepts everything by default. */
  behaviour: (session: SMTPServerSession) => SinkBehaviour;
  /** While true, every connection is refused at the greeting with 421 ("try again later"). */
  refusingConnections: boolean;
  /** How many connections were refused that way. */
  refusedConnections: number;
  close(): Promise<void>;
}

/** Listens on a free port of loopback, or on `at` (the emulated functions' SMTP server, for one). */
export async function startSmtpSink(
  at: { host: string; port: number } = { host: "127.0.0.1", port: 0 },
): Promise<SmtpSink> {
  const sockets = new Map<number, Socket>();
  const cut = (session: SMTPServerSession) => sockets.get(session.remotePort)?.destroy();
  // One decision per transaction, taken at MAIL FROM and kept for its later commands.
  const decided = new Map<string, SinkBehaviour>();
  const decide = (session: SMTPServerSession) => {
    const behaviour = sink.behaviour(session);
    decided.set(session.id, behaviour);
    return behaviour;
  };
  const refusal = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });
  const sink: SmtpSink = {
    port: 0,
    received: [],
    behaviour: () => ({ kind: "accept" }),
    refusingConnections: false,
    refusedConnections: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      if (!sink.refusingConnections) return callback();
      sink.refusedConnections++;
      callback(Object.assign(new Error("Service not available, try again later"), { responseCode: 421 }));
    },
    onMailFrom(_address, session, callback) {
      const behaviour = decide(session);
      if (behaviour.kind === "refuseMailFrom") return callback(refusal("Sender refused", behaviour.code));
      callback();
    },
    onRcptTo(_address, session, callback) {
      const behaviour = decided.get(session.id) ?? decide(session);
      if (behaviour.kind === "refuseRcptTo") return callback(refusal("Recipient refused", behaviour.code));
      if (behaviour.kind === "dropAtRcptTo") return cut(session);
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const behaviour = decided.get(session.id) ?? decide(session);
      decided.delete(session.id);
      if (behaviour.kind === "dropMidMessage") {
        stream.once("data", () => cut(session));
        stream.resume();
        return;
      }
      if (behaviour.kind === "dropAfterData") {
        stream.once("end", () => cut(session));
        stream.resume();
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          if (behaviour.kind === "refuse") {
            return callback(Object.assign(new Error("Try again later"), { responseCode: behaviour.code ?? 451 }));
          }
          sink.received.push(mail);
          if (behaviour.kind === "dropAfterAccept") {
            cut(session);
            return;
          }
          callback(null, `queued as ${sink.received.length}`);
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.server.on("connection", (socket: Socket) => {
    if (socket.remotePort === undefined) return;
    const port = socket.remotePort;
    sockets.set(port, socket);
    socket.once("close", () => sockets.delete(port));
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(at.port, at.host, resolve);
  });
  sink.port = (server.server.address() as AddressInfo).port;
  return sink;
}
