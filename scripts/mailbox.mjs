// The local mailbox of `npm start`: MailDev, an SMTP server that keeps every message it gets and
// shows it on a web page. The Functions emulator sends to it (SMTP_HOST and SMTP_PORT in
// functions/.env.local), so no email the emulated system sends leaves this machine.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { MailDev } from "maildev";
import { ROOT } from "./emulators.mjs";

/**
 * The web page's port; the SMTP port is the one the functions are told to use. MailDev 3 serves
 * its page (a list, each message's HTML in a frame without scripts, its text and source) to a
 * request that accepts text/html, as browsers' do; `curl` without that header gets its API's 404.
 */
const MAILBOX_WEB_PORT = 1080;

/** SMTP host and port the emulated functions send to, read from the one place that sets them. */
export function emulatorSmtp() {
  const env = parseEnv(readFileSync(join(ROOT, "functions/.env.local"), "utf8"));
  return { host: env.SMTP_HOST ?? "127.0.0.1", port: Number(env.SMTP_PORT) };
}

/** Starts MailDev on loopback; returns its web address and a stop function. */
export async function startMailbox() {
  const { host, port } = emulatorSmtp();
  const maildev = new MailDev({ smtp: port, ip: host, web: MAILBOX_WEB_PORT, webIp: "127.0.0.1", silent: true });
  await maildev.start();
  return { url: `http://127.0.0.1:${MAILBOX_WEB_PORT}/`, smtp: `${host}:${port}`, stop: () => maildev.stop() };
}
