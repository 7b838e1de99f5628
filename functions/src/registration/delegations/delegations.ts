import type { Firestore } from "firebase-admin/firestore";
import { z } from "zod";
import { appendAudit } from "../../committee/audit/audit-log.js";
import type { CommitteeDeps } from "../../committee/deps.js";
import { assertAllowed, CommitteeError } from "../../committee/errors.js";
import type { Actor } from "../../committee/permissions.js";
import {
  type Author,
  awaitingAccreditation,
  CountryCodeSchema,
  converterFor,
  DELEGATION_COLLECTIONS,
  type Delegate,
  DelegateInputSchema,
  type Delegation,
  delegationId,
  type Event,
  IdSchema,
  LangSchema,
  MAX_DELEGATES,
  ReasonSchema,
  type RegistrationSettings,
  stripUndefined,
} from "../../model/index.js";
import { countryNames } from "../../notify/audit-reactions.js";
import { stageMessages } from "../../notify/outbox.js";
import { eventRefusal } from "../eligibility.js";
import { normalizeAddress, registrationId } from "../keys.js";
import { registrationMessage } from "../mail.js";
import { pendingRooms, takeSeats } from "../seats.js";
import { eventRecords, RUSH_RETRIES, registrationCounters, registrationSettings, registrations } from "../store.js";
import { newAnswerToken } from "./answer-links.js";
import { delegateInvitations, invitationContext, type NewInvitation } from "./invitation-mail.js";
import { hasStarted } from "./started.js";
import { delegations } from "./store.js";

/**
 * The console's dependencies and REGISTRATION_KEY, which keys each delegate by their future
 * registration; with `notices`, the network's sender too (SMTP_SENDER): accreditation tells the
 * delegates by the registration emails, which name it.
 */
export type DelegationDeps = CommitteeDeps & { key: string; sender?: string };

const Target = { lang: LangSchema.optional(), eventId: IdSchema, country: CountryCodeSchema };

export const SaveDelegationPayloadSchema = z
  .object({
    ...Target,
    people: z
      .array(DelegateInputSchema)
      .max(MAX_DELEGATES)
      .refine((people) => new Set(people.map((p) => normalizeAddress(p.address))).size === people.length, {
        error: "must name each address once",
      })
      .refine((people) => people.filter((p) => p.role === "head").length <= 1, {
        error: "must have at most one head of delegation",
      }),
  })
  .strict();

export const SubmitDelegationPayloadSchema = z.object(Target).strict();

export const DecideDelegationPayloadSchema = z
  .object({ ...Target, decision: z.enum(["accredit", "return"]), reason: ReasonSchema.optional() })
  .strict()
  .refine((input) => input.decision === "accredit" || input.reason !== undefined, {
    error: "must say why the delegation goes back to its country",
    path: ["reason"],
  });

export const ListDelegationsPayloadSchema = z.object({ lang: LangSchema.optional() }).strict();

const author = (actor: Actor): Author => ({ memberId: actor.memberId, role: actor.role });

async function eventAndSettings(db: Firestore, eventId: string) {
  const [event, settings] = await Promise.all([
    db.collection("events").withConverter(converterFor("events")).doc(eventId).get(),
    registrationSettings(db).doc(eventId).get(),
  ]);
  return { event: event.data(), settings: settings.data() };
}

/**
 * The event takes delegations: it takes registrations now (eligibility.ts) and offers the
 * delegate category. A country names its delegation while registration is open, like everyone.
 */
async function openSettings(
  deps: DelegationDeps,
  eventId: string,
): Promise<{ event: Event; settings: RegistrationSettings }> {
  const { event, settings } = await eventAndSettings(deps.db, eventId);
  if (eventRefusal(event, settings, deps.clock()) || !settings || !event)
    throw new CommitteeError("failed-precondition", "console.delegation.notOpen");
  if (!settings.categories.includes("delegate"))
    throw new CommitteeError("failed-precondition", "console.delegation.noDelegates");
  return { event, settings };
}

/**
 * The people of a delegation within the country's quota: everyone named counts except those who
 * declined, whose place the country may give to someone else (they stay listed, their answer kept).
 */
function withinQuota(settings: RegistrationSettings, people: Pick<Delegate, "state">[]): void {
  const quota = settings.countryQuota;
  const count = people.filter((person) => person.state !== "declined").length;
  if (quota !== undefined && count > quota)
    throw new CommitteeError("failed-precondition", "console.delegation.quota", { quota, excess: count - quota });
}

/** Whether the country changed anything of a person it named (the address is their identity). */
const renamed = (before: Delegate, given: z.infer<typeof DelegateInputSchema>) =>
  before.name !== given.name ||
  before.institution !== given.institution ||
  before.lang !== given.lang ||
  before.role !== given.role;

/**
 * A country's representative names its delegation for an event, the whole list at once (add,
 * remove, change a role). People already named keep their invitation and their answer; each
 * new person gets an invitation, returned with its token for the email. Someone who accepted
 * cannot be removed: they hold a registration as a delegate, which they leave from their own
 * email. Refused over the quota, for another country, or while submitted.
 *
 * An accredited delegation still takes people until the event starts (a delegate who cannot
 * travel is replaced): each new person awaits the secretariat's accreditation, while those
 * accredited before keep theirs untouched; whoever already answered stays as they are, and
 * the delegation keeps exactly one head, since it is not submitted again.
 */
export async function saveDelegation(
  deps: DelegationDeps,
  actor: Actor,
  input: z.infer<typeof SaveDelegationPayloadSchema>,
): Promise<{ delegation: Delegation; invited: NewInvitation[] }> {
  assertAllowed(actor, "delegation.save", { countries: [input.country] });
  const { event, settings } = await openSettings(deps, input.eventId);
  const { db, key } = deps;
  const now = deps.clock().getTime();
  const id = delegationId(input.eventId, input.country);
  const ref = delegations(db).doc(id);
  // What the invitations tell besides the person; read once, outside the transaction.
  const mail = deps.notices ? await invitationContext(db, input.eventId, input.country) : undefined;
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (current?.state === "submitted") throw new CommitteeError("failed-precondition", "console.delegation.locked");
    const accredited = current?.state === "accredited";
    if (accredited && hasStarted(event, new Date(now)))
      throw new CommitteeError("failed-precondition", "console.delegation.started");
    const known = new Map((current?.people ?? []).map((person) => [person.id, person]));
    const invited: Delegate[] = [];
    const people = input.people.map((given): Delegate => {
      const address = normalizeAddress(given.address);
      const personId = registrationId(key, input.eventId, address);
      const before = known.get(personId);
      known.delete(personId);
      if (before) {
        // Accredited, someone who answered is who the secretariat accredited (or who declined).
        if (accredited && before.state !== "invited" && renamed(before, given))
          throw new CommitteeError("failed-precondition", "console.delegation.answeredFixed", { name: before.name });
        return { ...before, ...given, address };
      }
      const person: Delegate = {
        ...given,
        address,
        id: personId,
        state: "invited",
        invitedAtMs: now,
        namedBy: author(actor),
        ...(accredited ? { awaitingAccreditation: true as const } : {}),
      };
      invited.push(person);
      return person;
    });
    const stays = [...known.values()].find((person) => person.state === "accepted");
    if (stays)
      throw new CommitteeError("failed-precondition", "console.delegation.acceptedStays", { name: stays.name });
    // Counted on the answers as this transaction reads them: a person who declined meanwhile frees a place.
    withinQuota(settings, people);
    if (accredited && people.filter((person) => person.role === "head").length !== 1)
      throw new CommitteeError("failed-precondition", "console.delegation.headAccredited");
    const after: Delegation = {
      ...(current ?? { eventId: input.eventId, country: input.country, state: "draft", createdAtMs: now }),
      people,
      updatedBy: author(actor),
      updatedAtMs: now,
    };
    const invitations = invited.map((person) => ({
      delegationId: id,
      delegation: after,
      person,
      token: newAnswerToken(key, id, person.id, person.invitedAtMs),
    }));
    // Each person named is mailed if and only if the naming commits (their token exists only
    // here); without notices (a test's own deps) nobody is mailed. Its reads come before the writes.
    const staged =
      deps.notices && mail
        ? await stageMessages(tx, db, deps.clock, delegateInvitations(deps.notices, mail, invitations))
        : undefined;
    tx.set(ref, after);
    appendAudit(db, tx, {
      at: new Date(now).toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action: "delegation.save",
      target: { collection: DELEGATION_COLLECTIONS.delegations.path, id },
      countryIds: [input.country],
      before: current ? stripUndefined(current) : null,
      after: stripUndefined(after),
    });
    staged?.write();
    return { delegation: after, invited: invitations };
  });
}

/** The country sends its delegation to the secretariat: a head of delegation, within the quota. */
export async function submitDelegation(
  deps: DelegationDeps,
  actor: Actor,
  input: z.infer<typeof SubmitDelegationPayloadSchema>,
): Promise<{ delegation: Delegation }> {
  assertAllowed(actor, "delegation.submit", { countries: [input.country] });
  const { settings } = await openSettings(deps, input.eventId);
  const { db } = deps;
  const now = deps.clock().getTime();
  const id = delegationId(input.eventId, input.country);
  const ref = delegations(db).doc(id);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (!current || current.people.length === 0)
      throw new CommitteeError("failed-precondition", "console.delegation.empty");
    if (current.state !== "draft" && current.state !== "returned")
      throw new CommitteeError("failed-precondition", "console.delegation.locked");
    if (current.people.filter((person) => person.role === "head").length !== 1)
      throw new CommitteeError("failed-precondition", "console.delegation.head");
    // The committee may have lowered the quota since the list was saved.
    withinQuota(settings, current.people);
    const { returnReason: _dropped, ...rest } = current;
    const after: Delegation = { ...rest, state: "submitted", submittedBy: author(actor), submittedAtMs: now };
    tx.set(ref, after);
    appendAudit(db, tx, {
      at: new Date(now).toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action: "delegation.submit",
      target: { collection: DELEGATION_COLLECTIONS.delegations.path, id },
      countryIds: [input.country],
      before: stripUndefined(current),
      after: stripUndefined(after),
    });
    return { delegation: after };
  });
}

const confirmedMs = ({ confirmedAt }: { confirmedAt?: Date | { toMillis(): number } }) =>
  confirmedAt === undefined ? 0 : confirmedAt instanceof Date ? confirmedAt.getTime() : confirmedAt.toMillis();

/** The states of a delegate's registration that hear of their accreditation: not ended, not unconfirmed. */
const TOLD_OF_ACCREDITATION = new Set(["confirming", "confirmed", "waitlisted", "offered", "awaitingApproval"]);

/**
 * The secretariat accredits a submitted delegation, or returns it to its country with a reason.
 * Accrediting marks the registrations of everyone who accepted as accredited, in the same
 * transaction: only they hold places in private sessions. Whoever accepts later is accredited
 * when they accept (answer.ts). An accredited delegation with people awaiting accreditation is
 * accredited again for them only: the people accredited before, and their seats, stay as they are.
 */
export async function decideDelegation(
  deps: DelegationDeps,
  actor: Actor,
  input: z.infer<typeof DecideDelegationPayloadSchema>,
): Promise<{ delegation: Delegation }> {
  const action = input.decision === "accredit" ? "delegation.accredit" : "delegation.return";
  assertAllowed(actor, action, { countries: [input.country] });
  const { db } = deps;
  const now = deps.clock().getTime();
  const id = delegationId(input.eventId, input.country);
  const ref = delegations(db).doc(id);
  const mailDeps =
    deps.notices && deps.sender !== undefined
      ? { key: deps.key, sealKey: deps.notices.sealKey, origin: deps.notices.siteOrigin, sender: deps.sender }
      : undefined;
  const country = mailDeps && input.decision === "accredit" ? await countryNames(db, input.country) : undefined;
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (!current) throw new CommitteeError("not-found", "console.delegation.notFound");
    const accrediting = input.decision === "accredit";
    const awaiting = awaitingAccreditation(current);
    const again = accrediting && awaiting.length > 0;
    if (current.state !== "submitted" && !again)
      throw new CommitteeError("failed-precondition", "console.delegation.notSubmitted");
    const accepted = (again ? awaiting : current.people).filter((person) => person.state === "accepted");
    const [held, event, settings, counter] = accrediting
      ? await Promise.all([
          Promise.all(accepted.map((person) => tx.get(registrations(db).doc(person.id)))),
          tx.get(eventRecords(db).doc(input.eventId)).then((snap) => snap.data()),
          tx.get(registrationSettings(db).doc(input.eventId)).then((snap) => snap.data()),
          tx.get(registrationCounters(db).doc(input.eventId)).then((snap) => snap.data()),
        ])
      : [[], undefined, undefined, undefined];
    const delegates = held.flatMap((snapshot) => {
      const registration = snapshot.data();
      return registration?.delegationOf === input.country && registration.eventId === input.eventId
        ? [{ snapshot, registration: { ...registration, id: snapshot.id, accredited: true as const } }]
        : [];
    });
    // Accredited, those holding a place (or an offer) take the seats of the private sessions' rooms
    // now, in the order of confirmation, or wait for them like anyone finding a room full.
    const seatsHeld = { ...counter?.seatsHeld };
    const seated = delegates
      .filter(({ registration }) => ["confirmed", "offered"].includes(registration.status.state))
      .sort(
        (a, b) =>
          confirmedMs(a.registration) - confirmedMs(b.registration) ||
          a.registration.id.localeCompare(b.registration.id),
      );
    const seats = new Map(
      counter && settings
        ? seated.map(({ registration }) => [
            registration.id,
            takeSeats(registration, settings, seatsHeld, pendingRooms(counter)),
          ])
        : [],
    );
    // Each delegate who still holds or waits for something is told, in the same transaction, once
    // (the registration and its round key the message), with the private sessions it gives them.
    const told = delegates.filter(({ registration }) => TOLD_OF_ACCREDITATION.has(registration.status.state));
    const mail =
      mailDeps && country && event && settings
        ? await stageMessages(
            tx,
            db,
            deps.clock,
            told.map(
              ({ registration }) =>
                registrationMessage(
                  mailDeps,
                  { event, settings, now: new Date(now) },
                  { ...registration, ...seats.get(registration.id) },
                  {
                    kind: "accredited",
                    country: country(registration.lang),
                  },
                ).message,
            ),
          )
        : undefined;
    const after: Delegation =
      input.decision === "accredit"
        ? {
            ...current,
            people: current.people.map(({ awaitingAccreditation: _accredited, ...person }) => person),
            state: "accredited",
            decidedBy: author(actor),
            decidedAtMs: now,
          }
        : { ...current, state: "returned", returnReason: input.reason, decidedBy: author(actor), decidedAtMs: now };
    tx.set(ref, after);
    for (const { snapshot } of delegates) tx.update(snapshot.ref, { accredited: true, ...seats.get(snapshot.id) });
    if (counter && [...seats.values()].some((s) => s !== undefined))
      tx.set(registrationCounters(db).doc(input.eventId), { ...counter, seatsHeld, updatedAtMs: now });
    mail?.write();
    appendAudit(db, tx, {
      at: new Date(now).toISOString(),
      actor: { uid: actor.uid, memberId: actor.memberId, role: actor.role },
      action,
      target: { collection: DELEGATION_COLLECTIONS.delegations.path, id },
      countryIds: [input.country],
      before: stripUndefined(current),
      after: stripUndefined(after),
      reason: input.reason,
    });
    return { delegation: after };
  }, RUSH_RETRIES);
}

/** An event taking registrations, as the Delegations screen lists it, with the delegations the caller may read. */
export interface DelegationsOfEvent {
  eventId: string;
  /** At most this many people per country, if the committee set a quota. */
  quota: number | null;
  /** Whether registration is open now (delegations are named and changed only then). */
  open: boolean;
  closesAtMs: number;
  delegations: Delegation[];
}

/**
 * The events whose registration is open or yet to come and not past, each with its delegations:
 * every country's for the committee and the secretariat, the caller's own country's for a member
 * (and for a committee representative acting as one).
 */
export async function listDelegations(deps: DelegationDeps, actor: Actor): Promise<{ events: DelegationsOfEvent[] }> {
  assertAllowed(actor, "delegation.read");
  const { db } = deps;
  const now = deps.clock();
  const everyCountry = actor.role === "committee" || actor.role === "secretariat";
  const settings = (await registrationSettings(db).get()).docs.map((doc) => doc.data());
  const events = await Promise.all(
    settings.map(async (setting): Promise<DelegationsOfEvent | undefined> => {
      const event = (
        await db.collection("events").withConverter(converterFor("events")).doc(setting.eventId).get()
      ).data();
      const refused = eventRefusal(event, setting, now);
      if (refused && refused !== "notYetOpen" && refused !== "closed") return undefined;
      const found = everyCountry
        ? (await delegations(db).where("eventId", "==", setting.eventId).get()).docs.map((doc) => doc.data())
        : actor.countryId
          ? [(await delegations(db).doc(delegationId(setting.eventId, actor.countryId)).get()).data()].filter(
              (d): d is Delegation => d !== undefined,
            )
          : [];
      return {
        eventId: setting.eventId,
        quota: setting.countryQuota ?? null,
        open: refused === undefined,
        closesAtMs: setting.closesAtMs,
        delegations: found.sort((a, b) => a.country.localeCompare(b.country)),
      };
    }),
  );
  return { events: events.filter((e): e is DelegationsOfEvent => e !== undefined) };
}
