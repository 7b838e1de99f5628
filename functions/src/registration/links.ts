import type { Lang } from "../model/index.js";
import { siteLink } from "../notify/templates.js";
import { cancellationToken } from "./keys.js";

// The pages of a registration on the public site, and the links to them that its emails carry.
// The status, cancellation and claim links all carry the same keyed token (keys.ts): it names
// one registration and stands for its owner, who may see it, leave it or take a place offered.
// The confirmation link carries the request's own token instead, whose hash alone is stored.

const base = (lang: Lang, eventId: string) => `/${lang}/events/${encodeURIComponent(eventId)}/registration`;

/** The form's action: the event page shows the form, this path receives it. */
export const registerPath = (lang: Lang, eventId: string) => base(lang, eventId);

export const confirmPath = (lang: Lang, eventId: string, id: string, token: string) =>
  `${base(lang, eventId)}/confirm?r=${id}&t=${encodeURIComponent(token)}`;

type OwnerPage = "status" | "cancel" | "claim";

/** The status, cancellation or claim page of registration `id`, with its keyed token. */
export const ownerPath = (page: OwnerPage, lang: Lang, eventId: string, id: string, key: string) =>
  `${base(lang, eventId)}/${page}?r=${id}&t=${cancellationToken(key, id)}`;

/** The same links as absolute URLs on the site, for emails (siteLink keeps them on `origin`). */
export const registrationLinks = (origin: string, lang: Lang, eventId: string, id: string, key: string) => ({
  status: siteLink(origin, ownerPath("status", lang, eventId, id, key)),
  cancel: siteLink(origin, ownerPath("cancel", lang, eventId, id, key)),
  claim: siteLink(origin, ownerPath("claim", lang, eventId, id, key)),
});

export const confirmLink = (origin: string, lang: Lang, eventId: string, id: string, token: string) =>
  siteLink(origin, confirmPath(lang, eventId, id, token));
