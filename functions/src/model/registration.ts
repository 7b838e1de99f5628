import { z } from "zod";
import { CountryCodeSchema, IdSchema, LangSchema, TimestampSchema, TimeZoneSchema } from "./common.js";
import { EmailAddressSchema } from "./outbox.js";
import { AuthorSchema } from "./versions.js";

/** A delegate is an official of a member country's agency; the others come on their own account. */
export const REGISTRATION_CATEGORIES = ["delegate", "observer", "speaker", "press"] as const;
export const RegistrationCategorySchema = z.enum(REGISTRATION_CATEGORIES);
export type RegistrationCategory = z.infer<typeof RegistrationCategorySchema>;

/** How long a freed place waits for the person it is offered to, unless the committee says otherwise. */
export const DEFAULT_OFFER_WINDOW_HOURS = 48;

/** At most this many places per event or session: far above any meeting of the network. */
export const MAX_PLACES = 100_000;

const SessionIndexSchema = z.int().min(0).max(99);

/** A time of day on the wall clocks of the event's city, "HH:MM". */
export const LocalTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be a time of day, HH:MM");
const unique = <T>(items: T[]) => new Set(items).size === items.length;

/** A session with a room of its own, and so places of its own (the event's `sessions`, by index). */
export const SessionRoomSchema = z
  .object({ session: SessionIndexSchema, places: z.int().min(1).max(MAX_PLACES) })
  .strict();

export const RegistrationSettingsSchema = z
  .object({
    eventId: IdSchema,
    /** Registration opens and closes at these instants (milliseconds since the epoch). */
    opensAtMs: z.int(),
    closesAtMs: z.int(),
    /**
     * When the event begins on its first day and ends on its last, in the event's time zone: the
     * event's record holds days only, and emails and calendar files need hours.
     */
    startTime: LocalTimeSchema.default("09:00"),
    endTime: LocalTimeSchema.default("18:00"),
    /** Places in all: confirmed registrations and offers waiting for an answer together never exceed it. */
    places: z.int().min(1).max(MAX_PLACES),
    sessionRooms: z
      .array(SessionRoomSchema)
      .max(100)
      .default([])
      .refine((rooms) => unique(rooms.map((r) => r.session)), { error: "must name each session once" }),
    categories: z
      .array(RegistrationCategorySchema)
      .min(1, "must offer at least one category")
      .refine(unique, { error: "must name each category once" }),
    /** Sessions for accredited delegates only (the event's `sessions`, by index). */
    privateSessions: z
      .array(SessionIndexSchema)
      .max(100)
      .default([])
      .refine(unique, { error: "must name each session once" }),
    /** Categories whose registrations the secretariat approves before they hold a place. */
    approvalCategories: z
      .array(RegistrationCategorySchema)
      .default([])
      .refine(unique, { error: "must name each category once" }),
    /** How many delegates each member country may name, when the committee caps it. */
    countryQuota: z.int().min(1).max(1000).optional(),
    offerWindowHours: z
      .int()
      .min(1)
      .max(24 * 14)
      .default(DEFAULT_OFFER_WINDOW_HOURS),
  })
  .strict()
  .refine((s) => s.closesAtMs > s.opensAtMs, { error: "must be after the opening", path: ["closesAtMs"] })
  .refine((s) => s.sessionRooms.every((room) => room.places <= s.places), {
    error: "a session cannot have more places than the event",
    path: ["sessionRooms"],
  });
export type RegistrationSettings = z.infer<typeof RegistrationSettingsSchema>;

/**
 * Approval (the committee lists categories needing it in `approvalCategories`): a person who
 * confirms in such a category waits here, holding nothing, until the secretariat approves (the
 * record goes on to `confirming`, stamped then, so the allocator decides it in order like any
 * other) or declines (`cancelled`, `by: "declined"`). `atMs` is when they confirmed.
 */
const AwaitingApprovalSchema = z.object({ state: z.literal("awaitingApproval"), atMs: z.int() }).strict();
/**
 * Where a registration stands. Each state says what the person holds:
 * - pending: asked, not yet confirmed from the email (only the token's hash is stored);
 * - confirming: confirmed, waiting for the allocator to decide (see registration/allocator.ts);
 * - confirmed: holds a place;
 * - waitlisted: holds number `seq` on the waiting list (their position is how many lower numbers
 *   are still waiting, plus one, so leaving the list moves everyone behind up without a write);
 * - offered: a freed place is held for them until `untilMs`, counted in the places held;
 * - awaitingApproval: confirmed in a category needing approval, holding nothing yet (above);
 * - cancelled: holds nothing; `from` says what they gave up.
 */
export const RegistrationStatusSchema = z.discriminatedUnion("state", [
  z
    .object({
      state: z.literal("pending"),
      tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
      expiresAtMs: z.int(),
    })
    .strict(),
  z.object({ state: z.literal("confirming") }).strict(),
  AwaitingApprovalSchema,
  z
    .object({
      state: z.literal("confirmed"),
      /** "confirmation": in the order of confirmation; "offer": a freed place taken from the waiting list. */
      via: z.enum(["confirmation", "offer"]),
      atMs: z.int(),
    })
    .strict(),
  z.object({ state: z.literal("waitlisted"), seq: z.int().min(1), atMs: z.int() }).strict(),
  z.object({ state: z.literal("offered"), seq: z.int().min(1), untilMs: z.int(), atMs: z.int() }).strict(),
  z
    .object({
      state: z.literal("cancelled"),
      from: z.enum(["pending", "confirming", "confirmed", "waitlisted", "offered", "awaitingApproval"]),
      /**
       * "person": they cancelled; "offerLapsed": the place offered to them was not taken in time;
       * "declined": the secretariat did not approve their category; "eventCancelled": the event
       * was cancelled (registration/changes.ts); "country": their country withdrew them from its
       * delegation (registration/delegations/withdraw.ts).
       */
      by: z.enum(["person", "offerLapsed", "declined", "eventCancelled", "country"]).default("person"),
      atMs: z.int(),
    })
    .strict(),
]);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;
export type RegistrationState = RegistrationStatus["state"];

/** What a visitor fills in (the form's fields, checked at the edge). */
export const RegistrationRequestSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(200),
    address: z.string().trim().pipe(EmailAddressSchema),
    institution: z.string().trim().min(1, "must not be empty").max(300),
    country: CountryCodeSchema,
    category: RegistrationCategorySchema,
    lang: LangSchema,
    sessions: z.array(SessionIndexSchema).max(100).default([]).refine(unique, { error: "must name each session once" }),
    /** The person's own time zone, for the hours in their emails; the event's when not given. */
    timeZone: TimeZoneSchema.optional(),
    /** Whether the person appears on the public participant list: never unless they tick it. */
    publicListConsent: z.boolean().default(false),
  })
  .strict();
export type RegistrationRequest = z.infer<typeof RegistrationRequestSchema>;

/**
 * At the door and after (docs/registration.md, "At the door and after"): who came, and when the
 * record forgets the person.
 */
export const DoorFieldsSchema = z
  .object({
    /** When the person was marked present at the door; absent until then (and after an undo). */
    attendedAtMs: z.int().optional(),
    /** The person (member id, whichever account they used) who marked them present. */
    attendedBy: IdSchema.optional(),
    /**
     * When Firestore's TTL policy deletes the record, personal data and all: REGISTRATION_RETENTION_DAYS
     * after the event's last day (registration/door/retention.ts). The figures counted from
     * attendance live in the event, so they stay.
     */
    expireAt: TimestampSchema.optional(),
  })
  .strict();

/**
 * Rooms (docs/registration.md, "Rooms"): a session with a room of its own (`sessionRooms`) needs a
 * seat of that room besides the event's place. Seats are decided with the place, in the same
 * transaction and the same order, and both fields are absent for a person who asked for no such
 * session. A session without a room of its own comes with the place.
 */
export const RoomSeatsSchema = z
  .object({
    /** The room sessions whose seat this person holds (by the event's session index). */
    seats: z.array(SessionIndexSchema).max(100).optional(),
    /**
     * The room sessions they asked for whose room was full when they got their place: they hold
     * the event's place without them, and a seat freed in such a room goes to the first of the
     * people waiting for it, in the order of confirmation.
     */
    seatsWaiting: z.array(SessionIndexSchema).max(100).optional(),
  })
  .strict();
export type RoomSeats = z.infer<typeof RoomSeatsSchema>;

/** How long after an event's last day its registrations, and the personal data in them, are kept. */
export const REGISTRATION_RETENTION_DAYS = 180;

export const RegistrationSchema = z
  .object({
    eventId: IdSchema,
    ...RegistrationRequestSchema.shape,
    /** Trimmed and lower-cased: the form of the address the record's id is made from. */
    address: EmailAddressSchema,
    requestedAtMs: z.int(),
    status: RegistrationStatusSchema,
    /**
     * The instant the person confirmed, stamped by Firestore at commit (a server timestamp), so
     * confirmations are ordered by the database, not by the clocks of the function instances.
     * Ties are broken by the record's id.
     */
    confirmedAt: TimestampSchema.optional(),
    /** When the allocator decided place or waiting list, for the rush figures. */
    decidedAtMs: z.int().optional(),
    // Emails of the decisions (registration/mail.ts).
    /**
     * The SEQUENCE of the last calendar file sent for this registration: each change or
     * cancellation sends the next number, so a calendar replaces its entry with the later file.
     */
    calendarSequence: z.int().min(0).optional(),
    // Delegations (registration/delegations): a person named by their country who accepted.
    /** The country whose delegation named this person; set when they accept the invitation. */
    delegationOf: CountryCodeSchema.optional(),
    /**
     * The secretariat accredited that delegation: the only registrations that hold places in
     * private sessions (eligibility.ts, privateSessionsOf).
     */
    accredited: z.literal(true).optional(),
    ...DoorFieldsSchema.shape,
    ...RoomSeatsSchema.shape,
  })
  .strict();
export type Registration = z.infer<typeof RegistrationSchema>;

export const RegistrationCounterSchema = z
  .object({
    eventId: IdSchema,
    /** Confirmed registrations and open offers: never more than the settings' places. */
    placesHeld: z.int().min(0),
    /** The last waiting-list number given; numbers are never reused, so they follow confirmation. */
    lastSeq: z.int().min(0),
    /** Confirmations decided so far (places and waiting list). */
    decided: z.int().min(0),
    updatedAtMs: z.int(),
    /**
     * Seats held in each session's own room, keyed by the session's index: never more than the
     * room's places (`sessionRooms`). Kept on this document, written in the same transactions as
     * `placesHeld`, so a rush costs no document more.
     */
    seatsHeld: z.record(z.string().regex(/^[0-9]{1,2}$/), z.int().min(0)).default({}),
    /**
     * Rooms given to sessions after registration opened (set in the transaction that changes the
     * settings) whose seats the room-added seating has not given yet: until it has, nobody is
     * seated in them, and whoever gets a place waits for them, so the people who held a place
     * before the room existed are seated first, in the order of confirmation. Absent on counters
     * written before rooms could be pending: every room they know is seated.
     */
    roomsPending: z.array(SessionIndexSchema).max(100).optional(),
  })
  .strict();
export type RegistrationCounter = z.infer<typeof RegistrationCounterSchema>;

/**
 * An event's participation counted from attendance, waiting for the committee's confirmation
 * (registration/door/figures.ts): counted by one person, published into the event's
 * `participation` by another (the two-person rule of every publication). One per event.
 */
export const RegistrationFiguresSchema = z
  .object({
    eventId: IdSchema,
    /** People marked present in the category "delegate": officials of member countries' agencies. */
    officials: z.int().min(0),
    /** Distinct countries of those officials. */
    countries: z.int().min(0),
    /** Distinct institutions of everyone present (names compared without case, accents or extra spaces). */
    institutions: z.int().min(0),
    /** Everyone marked present, whatever their category. */
    attended: z.int().min(0),
    countedAtMs: z.int(),
    /** The person who counted them (and the role they acted in): they may not publish them too. */
    countedBy: AuthorSchema,
    /** Set when the figures went into the event's record. */
    publishedAtMs: z.int().optional(),
    publishedBy: IdSchema.optional(),
  })
  .strict();
export type RegistrationFigures = z.infer<typeof RegistrationFiguresSchema>;
