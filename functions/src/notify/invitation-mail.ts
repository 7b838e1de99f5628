import { COLLECTIONS, converterFor, type Invitation, RecipientSchema } from "../model/index.js";
import type { NoticeDeps } from "./audit-reactions.js";
import { countryNames } from "./audit-reactions.js";
import { enqueue } from "./outbox.js";
import { composeMessage } from "./templates.js";

/**
 * The invitation's email, with its single-use link. Called by the invite callable right after
 * its transaction, because the token exists only there (the database keeps its hash, and the
 * outbox keeps it sealed until the email goes). The
 * address is the one the server just stored; the key is the invitation's id, so a retried call
 * never mails one invitation twice.
 */
export async function queueInvitationMail(
  deps: NoticeDeps & { sealKey: string },
  invitation: { id: string; token: string; record: Invitation },
): Promise<{ id: string; created: boolean }> {
  const { db } = deps;
  const { record } = invitation;
  // A person already on record has a time zone; a new one reads the expiry in UTC.
  const person = (
    await db.collection(COLLECTIONS.members.path).doc(record.memberId).withConverter(converterFor("members")).get()
  ).data();
  const country = record.countryId ? await countryNames(db, record.countryId) : undefined;
  const recipient = RecipientSchema.parse({
    id: `invitation:${invitation.id}`,
    name: record.name,
    address: record.email,
    lang: record.lang,
    timeZone: person?.timeZone ?? "UTC",
  });
  return enqueue(db, deps.clock, deps.log, {
    purpose: "invitation",
    occurrence: invitation.id,
    recipient,
    seal: { key: deps.sealKey, tokens: [invitation.token] },
    content: composeMessage(
      {
        subject: "notice.invitation.subject",
        paragraphs: [
          country ? "notice.invitation.bodyCountry" : "notice.invitation.body",
          "notice.invitation.howTo",
          "notice.invitation.expires",
        ],
        params: {
          role: { keys: [`console.role.${record.role}`] },
          country: country?.(record.lang) ?? "",
          email: record.email,
          date: new Date(record.expiresAt),
        },
        action: { label: "notice.invitation.action", consoleRoute: `invitation=${invitation.token}` },
      },
      recipient,
      deps.siteOrigin,
      deps.consoleBase,
    ),
  });
}
