/**
 * Why a delivery attempt failed, in words a person can be given: the stored error is the
 * transport's own text (nodemailer's message, with the server's reply when there was one) or
 * the sweeper's, and it stays in the document and the logs for engineers. The console shows the
 * cause's sentence instead, in its own language.
 */
export const FAILURE_CAUSES = ["connection", "interrupted", "authentication", "address", "message", "other"] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

// Read in this order, the first match naming the cause. nodemailer's own wording comes first:
// a reply code alone does not tell a refused recipient from a refused message (a relay refusal
// is a 554 at RCPT TO). The codes, with the enhanced status of RFC 3463 (5.1.x an address,
// 5.7.0/5.7.8 a login), decide only for a server's reply in words nodemailer did not add.
const CAUSES: readonly [FailureCause, RegExp][] = [
  // The sweeper's words: an attempt that stopped, with or without having handed the message over.
  ["interrupted", /sending attempt stopped|stopped before sending/i],
  ["authentication", /invalid login|authentication|credentials|\bEAUTH\b/i],
  ["message", /message failed|data command failed|message size|empty message/i],
  ["address", /recipient|\bRCPT\b|mail command failed|sender/i],
  [
    "connection",
    /\bconnect\b|connection|greeting|timeout|timed out|socket|\bE(CONNREFUSED|CONNRESET|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|DNS|NOTFOUND|AI_AGAIN)\b/i,
  ],
  ["authentication", /\b53[05]\b|\b5\.7\.[08]\b/],
  ["address", /\b55[013]\b|\b5\.1\.\d+\b/],
  ["message", /\b55[24]\b|\b5\.[36]\.\d+\b/],
  ["connection", /\b421\b/],
];

/** The cause a stored delivery error names; `other` when it names none (or nothing was stored). */
export function failureCause(error: string | undefined): FailureCause {
  if (!error) return "other";
  // A message given up on keeps its last attempt's error after this prefix (delivery.ts).
  const last = error.replace(/^gave up after \d+ attempts; last: /, "");
  return CAUSES.find(([, pattern]) => pattern.test(last))?.[0] ?? "other";
}
