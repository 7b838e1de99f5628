import type { Firestore } from "firebase-admin/firestore";
import { formatDateRange } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import {
  converterFor,
  type Delegate,
  type Delegation,
  type Event,
  type Lang,
  RecipientSchema,
} from "../../model/index.js";
import { countryNames } from "../../notify/audit-reactions.js";
import type { NewMessage } from "../../notify/outbox.js";
import { composeMessage } from "../../notify/templates.js";
import { answerHref } from "./answer-links.js";

/** A person newly invited by a save, with their answer link's token (stored nowhere). */
export interface NewInvitation {
  delegationId: string;
  delegation: Delegation;
  person: Delegate;
  token: string;
}

/** Where an invitation's links lead and the key that seals them in the queued email. */
export interface InvitationMailDeps {
  siteOrigin: string;
  /** OUTBOX_KEY: the answer link is sealed in the queued message. */
  sealKey: string;
}

/** What an invitation says besides the person: the event and the country's name in each language. */
export interface InvitationContext {
  event: Event | undefined;
  country: (lang: Lang) => string;
}

/** The event and the country's names an invitation to `delegation` tells of. */
export async function invitationContext(db: Firestore, eventId: string, countryId: string): Promise<InvitationContext> {
  const [event, country] = await Promise.all([
    db
      .collection("events")
      .withConverter(converterFor("events"))
      .doc(eventId)
      .get()
      .then((snap) => snap.data()),
    countryNames(db, countryId),
  ]);
  return { event, country };
}

/**
 * Each newly named person's invitation, in their language, with the link to the page where they
 * accept or decline. Queued in the saving transaction (saveDelegation): the token exists only
 * there. The key is the delegation, the person and the moment they were named, so a retried save
 * never mails one invitation twice, and naming someone again mails them again.
 */
export function delegateInvitations(
  deps: InvitationMailDeps,
  { event, country }: InvitationContext,
  invited: NewInvitation[],
): NewMessage[] {
  return invited.map(({ delegationId, delegation, person, token }) => {
    const recipient = RecipientSchema.parse({
      id: `delegate:${delegationId}:${person.id}`,
      name: person.name,
      address: person.address,
      lang: person.lang,
      timeZone: event?.timeZone ?? "UTC",
    });
    return {
      purpose: "delegation-invitation",
      occurrence: String(person.invitedAtMs),
      recipient,
      seal: { key: deps.sealKey, tokens: [token] },
      content: composeMessage(
        {
          subject: "notice.delegation.subject",
          paragraphs: [
            "notice.delegation.body",
            ...(event?.start ? (["notice.delegation.when"] as const) : []),
            "notice.delegation.how",
          ],
          params: {
            country: country(person.lang),
            event: event ? pick(event.title, person.lang).text : delegation.eventId,
            role: { keys: [`notice.delegation.role.${person.role}`] },
            dates: event?.start ? formatDateRange(event.start, event.end, person.lang) : "",
          },
          // The person named may hold no account: they are told who named them, not that they represent anyone.
          footer: "notice.delegation.footer",
          action: {
            label: "notice.delegation.action",
            path: answerHref(person.lang, { delegationId, personId: person.id, token }),
          },
        },
        recipient,
        deps.siteOrigin,
      ),
    };
  });
}
