import type { Firestore } from "firebase-admin/firestore";
import { pick } from "../../i18n/index.js";
import type { Log } from "../../log.js";
import { converterFor, RecipientSchema } from "../../model/index.js";
import { countryNames } from "../../notify/audit-reactions.js";
import { enqueueAll } from "../../notify/outbox.js";
import { composeMessage } from "../../notify/templates.js";
import { answerHref } from "./answer-links.js";
import type { NewInvitation } from "./delegations.js";

export interface InvitationMailDeps {
  db: Firestore;
  clock: () => Date;
  log: Log;
  siteOrigin: string;
  /** OUTBOX_KEY: the answer link is sealed in the queued message. */
  sealKey: string;
}

/**
 * Each newly named person's invitation, in their language, with the link to the page where they
 * accept or decline. Queued right after the saving transaction (the token exists only there, like
 * a console invitation's); the key is the delegation, the person and the moment they were named,
 * so a retried save never mails one invitation twice, and naming someone again mails them again.
 */
export async function queueDelegateInvitations(deps: InvitationMailDeps, invited: NewInvitation[]): Promise<number> {
  const [first] = invited;
  if (!first) return 0;
  const { db } = deps;
  const event = (
    await db.collection("events").withConverter(converterFor("events")).doc(first.delegation.eventId).get()
  ).data();
  const country = await countryNames(db, first.delegation.country);
  return enqueueAll(
    db,
    deps.clock,
    deps.log,
    invited.map(({ delegationId, person, token }) => {
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
            paragraphs: ["notice.delegation.body", "notice.delegation.how"],
            params: {
              country: country(person.lang),
              event: event ? pick(event.title, person.lang).text : first.delegation.eventId,
              role: { keys: [`notice.delegation.role.${person.role}`] },
            },
            action: {
              label: "notice.delegation.action",
              path: answerHref(person.lang, { delegationId, personId: person.id, token }),
            },
          },
          recipient,
          deps.siteOrigin,
        ),
      };
    }),
  );
}
