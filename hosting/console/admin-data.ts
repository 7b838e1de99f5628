import { collection, getDocs, query, where } from "firebase/firestore/lite";
import { type HostingCommitment, HostingCommitmentSchema } from "../../functions/src/model/commitment.js";
import {
  type CommitteeSeat,
  CommitteeSeatSchema,
  SEAT_OVERRIDES_COLLECTION,
  type SeatOverride,
  SeatOverrideSchema,
} from "../../functions/src/model/committee.js";
import { type Country, CountrySchema } from "../../functions/src/model/country.js";
import { type Event, EventSchema } from "../../functions/src/model/event.js";
import { type Institution, InstitutionSchema } from "../../functions/src/model/institution.js";
import { INVITATIONS_COLLECTION, type Invitation, InvitationSchema } from "../../functions/src/model/invitation.js";
import { type Member, MemberSchema } from "../../functions/src/model/member.js";
import { OUTBOX_REVIEW_COLLECTION, type OutboxReview, OutboxReviewSchema } from "../../functions/src/model/outbox.js";
import {
  ACCOUNTS_COLLECTION,
  type Account,
  type AccountClaims,
  AccountSchema,
} from "../../functions/src/model/roles.js";
import { mergedById, readableQueries } from "./records-data.js";
import { services } from "./session.js";

// The secretariat's and the committee's reads for people, seats, the hosting commitment and the
// outbox. Each query is one the rules allow the role (a list the rules would refuse in part is
// refused whole), with single-field filters only, which need no composite index.

const db = () => {
  const s = services.value;
  if (!s) throw new Error("Firebase is not connected");
  return s.db;
};

type Schema<T> = { safeParse(v: unknown): { success: boolean; data?: T } };

// A record that does not parse is left out instead of breaking the screen.
async function all<T>(q: Parameters<typeof getDocs>[0], schema: Schema<T>): Promise<(T & { docId: string })[]> {
  const snap = await getDocs(q);
  return snap.docs.flatMap((d) => {
    const result = schema.safeParse(d.data());
    return result.success && result.data !== undefined ? [{ ...result.data, docId: d.id }] : [];
  });
}

export const listAccounts = (): Promise<(Account & { docId: string })[]> =>
  all(collection(db(), ACCOUNTS_COLLECTION), AccountSchema);
export const listMembers = (): Promise<Member[]> => all(collection(db(), "members"), MemberSchema);
export const listCountries = (): Promise<Country[]> => all(collection(db(), "countries"), CountrySchema);
export const listInstitutions = (): Promise<Institution[]> => all(collection(db(), "institutions"), InstitutionSchema);
export const listSeats = (): Promise<CommitteeSeat[]> => all(collection(db(), "committee"), CommitteeSeatSchema);
export const listSeatOverrides = (): Promise<SeatOverride[]> =>
  all(collection(db(), SEAT_OVERRIDES_COLLECTION), SeatOverrideSchema);
export const listCommitments = (): Promise<HostingCommitment[]> =>
  all(collection(db(), "commitments"), HostingCommitmentSchema);
/** The events the role may read (a member: published ones and those its country hosts). */
export const listEvents = (who: AccountClaims): Promise<Event[]> =>
  mergedById(readableQueries("events", who), (_id, data) => {
    const result = EventSchema.safeParse(data);
    return result.success ? [result.data] : [];
  });

/** Invitations the role may read: all for the secretariat, the committee's own country's. */
export function listInvitations(who: AccountClaims): Promise<(Invitation & { docId: string })[]> {
  const invitations = collection(db(), INVITATIONS_COLLECTION);
  return all(
    who.role === "secretariat" ? invitations : query(invitations, where("countryId", "==", who.countryId ?? "")),
    InvitationSchema,
  );
}

/**
 * Messages waiting for the secretariat's decision (flagged `unknown`: they may have arrived), as
 * delivery projects them: recipient and subject, no body. The outbox itself is no client's to read.
 */
export const listOutboxForReview = (): Promise<(OutboxReview & { docId: string })[]> =>
  all(collection(db(), OUTBOX_REVIEW_COLLECTION), OutboxReviewSchema);
