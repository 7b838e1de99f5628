/**
 * Every Firestore query in the code that filters or orders, with the fields it uses.
 * Production Firestore refuses a query without a matching composite index while the emulator
 * runs it anyway, so test/unit/firestore-indexes.test.ts checks each entry here against
 * firestore.indexes.json and checks that every file calling where, orderBy or findNearest in functions/src and
 * hosting/console (the console's reads, which the rules judge by their filters) is listed here.
 */
export interface QuerySpec {
  /** Source file (relative to functions/src) that makes the query. */
  file: string;
  collection: string;
  /** Fields compared with ==, in order. */
  equality: string[];
  /** Array field filtered with array-contains, if any (indexed with `arrayConfig: CONTAINS`). */
  arrayContains?: string;
  /** Field compared with a range or inequality, if any. */
  range?: string;
  orderBy: { field: string; direction: "ASCENDING" | "DESCENDING" }[];
}

export const QUERIES: QuerySpec[] = [
  // The representatives of a country, whose claims follow its committee seat.
  { file: "committee/accounts/claims.ts", collection: "accounts", equality: ["countryId"], orderBy: [] },
  // Expired claims, which the sweeper takes back.
  {
    file: "notify/sweeper.ts",
    collection: "outbox",
    equality: ["delivery.state"],
    range: "delivery.leaseExpiresAtMs",
    orderBy: [],
  },
  // Messages due for an attempt, oldest first ("in" on the state counts as equality).
  {
    file: "notify/sweeper.ts",
    collection: "outbox",
    equality: ["delivery.state"],
    range: "delivery.nextAttemptAtMs",
    orderBy: [{ field: "delivery.nextAttemptAtMs", direction: "ASCENDING" }],
  },
  // The accounts of a person: one at most, checked when inviting and accepting.
  { file: "committee/invitations/invitations.ts", collection: "accounts", equality: ["memberId"], orderBy: [] },
  // An event's confirmations waiting for the allocator, in the order Firestore stamped them.
  {
    file: "registration/allocator.ts",
    collection: "registrations",
    equality: ["eventId", "status.state"],
    orderBy: [{ field: "confirmedAt", direction: "ASCENDING" }],
  },
  // The first people on an event's waiting list, for a freed place.
  {
    file: "registration/allocator.ts",
    collection: "registrations",
    equality: ["eventId", "status.state"],
    orderBy: [{ field: "status.seq", direction: "ASCENDING" }],
  },
  // Rooms: the people holding a place who wait for a room's seat, the earliest confirmation first.
  {
    file: "registration/seats.ts",
    collection: "registrations",
    equality: ["eventId"],
    arrayContains: "seatsWaiting",
    orderBy: [{ field: "confirmedAt", direction: "ASCENDING" }],
  },
  // Rooms: an event's registrations, when the committee lowers a room below its seats held.
  { file: "registration/room-changes.ts", collection: "registrations", equality: ["eventId"], orderBy: [] },
  // How many are ahead of a waitlisted person (a count).
  {
    file: "registration/positions.ts",
    collection: "registrations",
    equality: ["eventId", "status.state"],
    range: "status.seq",
    orderBy: [],
  },
  // Offers whose claim window is over, in every event, for the job that passes them on.
  {
    file: "registration/cancellation.ts",
    collection: "registrations",
    equality: ["status.state"],
    range: "status.untilMs",
    orderBy: [],
  },
  // Every registration of an event, for the console's counts, list and export (one field: no composite index).
  { file: "committee/registrations/overview.ts", collection: "registrations", equality: ["eventId"], orderBy: [] },
  // The people holding a place at an event, for its reminders (and those still waiting, a count).
  {
    file: "reminders/registration-reminders.ts",
    collection: "registrations",
    equality: ["eventId", "status.state"],
    orderBy: [],
  },
  // An event's registrations by state, for a change of places or the event's cancellation.
  {
    file: "registration/changes.ts",
    collection: "registrations",
    equality: ["eventId", "status.state"],
    orderBy: [{ field: "status.seq", direction: "ASCENDING" }],
  },
  // Every country's delegation to an event, for the committee's and the secretariat's list.
  { file: "registration/delegations/delegations.ts", collection: "delegations", equality: ["eventId"], orderBy: [] },
  // At the door and after: an event's registrations, for the check-in list and the figures.
  { file: "registration/door/attendance.ts", collection: "registrations", equality: ["eventId"], orderBy: [] },
  { file: "registration/door/figures.ts", collection: "registrations", equality: ["eventId"], orderBy: [] },
  // The registrations whose person agreed to the public participant list, for the public view.
  { file: "views/public-snapshot.ts", collection: "registrations", equality: ["publicListConsent"], orderBy: [] },
  // Upcoming events, for the daily event reminders.
  { file: "reminders/event-reminders.ts", collection: "events", equality: ["status"], orderBy: [] },
  // Running and lapsed hosting terms, for the daily reminders.
  { file: "reminders/commitment-reminders.ts", collection: "commitments", equality: ["status"], orderBy: [] },
  // Recipients: accounts by assigned role, by country, by person (of a host institution).
  { file: "notify/recipients.ts", collection: "accounts", equality: ["role"], orderBy: [] },
  { file: "notify/recipients.ts", collection: "accounts", equality: ["countryId"], orderBy: [] },
  { file: "notify/recipients.ts", collection: "accounts", equality: ["memberId"], orderBy: [] },
  { file: "notify/recipients.ts", collection: "members", equality: ["institutionId"], orderBy: [] },
  // Scheduled publications that are due (one field: no composite index).
  { file: "committee/records/schedule.ts", collection: "publicationSchedules", equality: [], range: "at", orderBy: [] },
  // The console's audit screen for the committee: the entries its audience may read, newest first
  // (the rules judge the list by this filter).
  {
    file: "../../hosting/console/data.ts",
    collection: "audit",
    equality: ["audience"],
    orderBy: [{ field: "at", direction: "DESCENDING" }],
  },
  // The console's lists for a member, two queries per kind merged in the browser (the rules judge
  // a list by its filters): what is published, and the member's own country's.
  { file: "../../hosting/console/records-data.ts", collection: "events", equality: ["publication"], orderBy: [] },
  { file: "../../hosting/console/records-data.ts", collection: "events", equality: ["hostCountries"], orderBy: [] },
  { file: "../../hosting/console/records-data.ts", collection: "institutions", equality: ["publication"], orderBy: [] },
  { file: "../../hosting/console/records-data.ts", collection: "institutions", equality: ["countryId"], orderBy: [] },
  { file: "../../hosting/console/records-data.ts", collection: "initiatives", equality: ["publication"], orderBy: [] },
  { file: "../../hosting/console/records-data.ts", collection: "topics", equality: ["publication"], orderBy: [] },
  { file: "../../hosting/console/data.ts", collection: "documents", equality: ["status"], orderBy: [] },
  { file: "../../hosting/console/data.ts", collection: "documents", equality: ["countries"], orderBy: [] },
  // A record's versions, newest first (one field: no composite index).
  {
    file: "../../hosting/console/data.ts",
    collection: "versions",
    equality: [],
    orderBy: [{ field: "version", direction: "DESCENDING" }],
  },
  {
    file: "../../hosting/console/records-data.ts",
    collection: "versions",
    equality: [],
    orderBy: [{ field: "version", direction: "DESCENDING" }],
  },
  // The committee's own country's invitations.
  { file: "../../hosting/console/admin-data.ts", collection: "invitations", equality: ["countryId"], orderBy: [] },
  // Confirmed subscribers, a page at a time, for a publication's news.
  { file: "subscriptions/publish.ts", collection: "subscribers", equality: ["status"], orderBy: [] },
];
