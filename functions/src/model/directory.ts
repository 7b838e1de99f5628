import { z } from "zod";
import { IdSchema } from "./common.js";
import { MemberContactSchema } from "./member.js";

/**
 * The members' directory's contact details: `directory/{memberId}` holds what that person chose
 * to share, and nothing else. Rules cannot hide a field of a document, so the private record
 * (`memberContacts`, the person's and the secretariat's) is never what another representative
 * reads: this projection is, written only by Cloud Functions in the transaction that changes
 * the entry (committee/directory/). The person's name, title, institution, country and
 * languages are in `members/{id}`, which every console role reads.
 */
export const DIRECTORY_COLLECTION = "directory";

export const SharedContactSchema = z
  .object({
    id: IdSchema,
    email: MemberContactSchema.shape.email.optional(),
    phone: MemberContactSchema.shape.phone,
  })
  .strict();
export type SharedContact = z.infer<typeof SharedContactSchema>;

/**
 * What `directory/{id}` holds for a person's private contact record: the fields they share, no
 * more. A field kept private is absent, never `undefined`, so the result is written as it is.
 */
export function sharedContactOf(contact: z.infer<typeof MemberContactSchema>): SharedContact {
  return SharedContactSchema.parse({
    id: contact.id,
    ...(contact.share?.email ? { email: contact.email } : {}),
    ...(contact.share?.phone && contact.phone ? { phone: contact.phone } : {}),
  });
}
