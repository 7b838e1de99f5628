import { createHmac, timingSafeEqual } from "node:crypto";
import type { Lang } from "../../model/index.js";

// The link in a delegate's invitation is keyed like a registration's cancellation link
// (registration/keys.ts): an HMAC with REGISTRATION_KEY of the delegation, the person and the
// moment they were invited, stored nowhere. It names one person of one delegation, so it cannot
// answer for anyone else; naming the person again (removed, then added) voids the old link.

function answerToken(key: string, delegationId: string, personId: string, invitedAtMs: number): Buffer {
  return createHmac("sha256", key)
    .update(`delegation-answer\n${delegationId}\n${personId}\n${invitedAtMs}`)
    .digest()
    .subarray(0, 16);
}

export const newAnswerToken = (key: string, delegationId: string, personId: string, invitedAtMs: number): string =>
  answerToken(key, delegationId, personId, invitedAtMs).toString("base64url");

export function isAnswerToken(
  key: string,
  delegationId: string,
  personId: string,
  invitedAtMs: number,
  token: string,
): boolean {
  const given = Buffer.from(token, "base64url");
  const expected = answerToken(key, delegationId, personId, invitedAtMs);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The shapes the answer page accepts before reading anything. */
export const DELEGATION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*__[A-Z]{2}$/;
export const PERSON_ID = /^[0-9a-f]{32}$/;
export const ANSWER_TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** The answer page of a person named in a delegation (GET shows accept and decline; POST decides). */
export const answerPath = (lang: Lang) => `/${lang}/delegations/answer`;

/** The answer page's address for one person, as the invitation's button carries it (a path on the site). */
export const answerHref = (lang: Lang, link: { delegationId: string; personId: string; token: string }): string =>
  `${answerPath(lang)}?${new URLSearchParams({ d: link.delegationId, p: link.personId, t: link.token })}`;
