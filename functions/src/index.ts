// Every deployed function, each wired to its handler. Logic lives in the capability folders.
import { setGlobalOptions } from "firebase-functions/v2";
import { onDocumentCreated, onDocumentWritten } from "firebase-functions/v2/firestore";
import { type CallableFunction, type CallableRequest, onCall, onRequest } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { auth, firestore } from "./admin.js";
import { commitmentCallables } from "./commitment/callables.js";
import { onAccountWritten } from "./committee/accounts/claims.js";
import { consoleCallables } from "./committee/console-callables.js";
import { publishDueRecords } from "./committee/records/schedule.js";
import { registrationCallables } from "./committee/registrations/callables.js";
import { applySantiagoRule } from "./committee/seats/apply-santiago-rule.js";
import {
  CURSOR_KEY,
  consoleOrigin,
  DEFAULT_SITE_ORIGIN,
  JOBS_TIME_ZONE,
  OUTBOX_KEY,
  outboxKey,
  REGION,
  REGISTRATION_KEY,
  registrationKey,
  SITE_ORIGIN,
  SMTP_PASSWORD,
  SMTP_SENDER,
  SUBSCRIPTION_KEY,
} from "./config.js";
import { checkInitiativeLinks } from "./links/check.js";
import { cloudLog } from "./log.js";
import {
  ACCOUNTS_COLLECTION,
  AUDIT_COLLECTION,
  COLLECTIONS,
  OUTBOX_COLLECTION,
  PUBLIC_COLLECTIONS,
  REGISTRATION_COLLECTIONS,
} from "./model/index.js";
import { reactToAuditEntry } from "./notify/audit-reactions.js";
import { reviewCallables } from "./notify/callables.js";
import { deliverMessage } from "./notify/delivery.js";
import { outboxDeps } from "./notify/runtime.js";
import { sweepOutbox } from "./notify/sweeper.js";
import { onRegistrationWritten } from "./registration/allocator.js";
import { lapseOffers } from "./registration/cancellation.js";
import { concernsRegistrations, onEventWritten, onSettingsWritten } from "./registration/changes.js";
import { delegationCallables } from "./registration/delegations/callables.js";
import { affectsPublicList } from "./registration/door/participants.js";
import { registrationDeps } from "./registration/runtime.js";
import { runCommitmentReminders } from "./reminders/commitment-reminders.js";
import { jobToday } from "./reminders/demo-clock.js";
import { runDirectoryConfirmations } from "./reminders/directory-confirmations.js";
import { runEventReminders } from "./reminders/event-reminders.js";
import { runRegistrationReminders } from "./reminders/registration-reminders.js";
import { handleSiteRequest } from "./site/handler.js";
import { newsOfPublication } from "./subscriptions/publish.js";
import { subscriptionDeps } from "./subscriptions/runtime.js";
import { refreshPublicView } from "./views/view-writer.js";

setGlobalOptions({ region: REGION });

/**
 * The public network site (Hosting rewrites every non-asset path here).
 *
 * Sized for cost: the Hosting CDN answers most visits, and an instance answers a page it has
 * rendered from memory at thousands of requests a second, so one instance carries the network's
 * traffic and a few carry a crawler's. 80 requests at once share one vCPU (concurrency needs a
 * whole one) rather than each starting an instance and reading the view. 1 GiB: at 10,000
 * documents an instance that has built every output and filled its 64 MiB page cache peaks near
 * 600 MiB (`npm run bench`, "One instance"), and a killed instance costs a cold start and a view
 * read; memory is priced at about a tenth of a vCPU per second, so the margin costs little.
 * maxInstances caps the bill, and the view reads, under a flood: past it, requests queue and are
 * served, late, from warm caches. No minimum instance: a cold start reads one document for a
 * network's view, and the CDN hides it.
 */
export const site = onRequest(
  {
    memory: "1GiB",
    cpu: 1,
    concurrency: 80,
    maxInstances: 4,
    secrets: [CURSOR_KEY, SUBSCRIPTION_KEY, OUTBOX_KEY, REGISTRATION_KEY],
  },
  (req, res) => handleSiteRequest(req, res),
);

/**
 * One rebuild at a time per collection: concurrent rebuilds of the same view race to the same
 * result, and a write queued behind a rebuild finds the view already showing it and costs one
 * read (see refreshPublicView). Eventarc redelivers what waits. 512 MiB: a rebuild holds every
 * public record, its JSON and its gzip at once (40 MB of JSON at 10,000 documents).
 */
const REBUILD = { memory: "512MiB", concurrency: 1, maxInstances: 1 } as const;

const refreshView = (path: string) =>
  onDocumentWritten({ document: `${path}/{id}`, ...REBUILD }, async (event) => {
    const after = event.data?.after;
    await refreshPublicView(firestore(), after?.exists ? after.updateTime : undefined);
  });

/** Keeps the public view (views/public) current whenever public content changes. */
export const views = Object.fromEntries(PUBLIC_COLLECTIONS.map((name) => [name, refreshView(COLLECTIONS[name].path)]));

/** The public site's origin, where registration emails link to. */
const siteOrigin = () => new URL(SITE_ORIGIN.value()).origin;

/** Where the email the console's actions cause links to: the site, and the console on its own origin. */
const noticeOrigins = () => ({
  siteOrigin: new URL(SITE_ORIGIN.value()).origin,
  consoleBase: `${consoleOrigin()}/`,
});

const committeeDeps = () => ({ db: firestore(), auth: auth(), clock: () => new Date() });

/** The console's own actions also queue email with a sealed link (an invitation's): they hold OUTBOX_KEY. */
const consoleDeps = () => ({
  ...committeeDeps(),
  notices: { log: cloudLog, ...noticeOrigins(), sealKey: outboxKey() },
});

/** Mirrors each console account into its custom claims (role, country, committee standing). */
export const accountClaims = onDocumentWritten(`${ACCOUNTS_COLLECTION}/{uid}`, async (event) => {
  await onAccountWritten(committeeDeps(), event.params.uid, event.data?.before?.data());
});

/** The Santiago rule: a country holds a seat when it hosted a past event or hosts an upcoming one. */
export const committeeSeats = onDocumentWritten(`${COLLECTIONS.events.path}/{id}`, async () => {
  await applySantiagoRule(committeeDeps());
});

/** Each handler of a group deployed as a callable of its own, under the handler's name. */
const deployed = <H extends Record<string, (request: CallableRequest) => Promise<unknown>>>(
  handlers: H,
  options: { secrets?: (typeof OUTBOX_KEY)[] } = {},
) =>
  Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [name, onCall(options, (request) => handler(request))]),
  ) as { [Name in keyof H]: CallableFunction<unknown, unknown> };

/** The console's actions, one callable each (deployed as committee-saveDraft, committee-invite, ...). */
export const committee = deployed(consoleCallables(consoleDeps, consoleOrigin), { secrets: [OUTBOX_KEY] });

/**
 * Registration in the console (committee/registrations/): open it, read and export who
 * registered, approve or decline a category needing approval (deployed as registrations-open, ...).
 */
export const registrations = deployed(
  registrationCallables(() => ({
    ...committeeDeps(),
    key: registrationKey(),
    log: cloudLog,
    sealKey: outboxKey(),
    siteOrigin: noticeOrigins().siteOrigin,
  })),
  { secrets: [OUTBOX_KEY, REGISTRATION_KEY] },
);

/**
 * Country delegations, one callable each (deployed as delegations-save, delegations-submit,
 * delegations-decide, delegations-list, delegations-withdraw): the console's deps, and REGISTRATION_KEY, which keys
 * each named person by the registration they get by accepting.
 */
export const delegations = deployed(
  delegationCallables(() => ({ ...consoleDeps(), key: registrationKey(), sender: SMTP_SENDER.value() })),
  { secrets: [OUTBOX_KEY, REGISTRATION_KEY] },
);

/** Sends each queued email once (notify/delivery.ts); a duplicate delivery of the event finds it claimed. */
export const outbox = onDocumentCreated(
  { document: `${OUTBOX_COLLECTION}/{id}`, secrets: [SMTP_PASSWORD, OUTBOX_KEY], timeoutSeconds: 120 },
  async (event) => {
    await deliverMessage(outboxDeps(), event.params.id);
  },
);

/**
 * Decides confirmed registrations: place or waiting-list number, in the order of confirmation
 * (registration/allocator.ts; docs/registration.md). One instance handling one event at a time:
 * a rush's runs queue behind the first, which decides a batch per transaction, and find nothing
 * left. The transaction keeps places exact even if Cloud Functions ever ran two at once.
 */
export const registrationAllocator = onDocumentWritten(
  {
    document: `${REGISTRATION_COLLECTIONS.registrations.path}/{id}`,
    maxInstances: 1,
    concurrency: 1,
    timeoutSeconds: 300,
    // Each decision's email is queued in the deciding transaction, with the person's own links.
    secrets: [REGISTRATION_KEY, OUTBOX_KEY],
  },
  async (event) => {
    await onRegistrationWritten(registrationDeps(siteOrigin()), event.data?.after?.data());
  },
);

/**
 * The committee changed an event's places (registration/changes.ts): more places are offered to
 * the next on the waiting list, fewer take nobody's place; each person concerned is told once
 * (the event's id names the change, so a redelivered trigger queues nothing more).
 */
export const registrationPlaces = onDocumentWritten(
  {
    document: `${REGISTRATION_COLLECTIONS.registrationSettings.path}/{eventId}`,
    secrets: [REGISTRATION_KEY, OUTBOX_KEY],
    timeoutSeconds: 300,
  },
  async (event) => {
    await onSettingsWritten(
      registrationDeps(siteOrigin()),
      event.id,
      event.data?.before?.data(),
      event.data?.after?.data(),
    );
  },
);

/**
 * An event's cancellation published: every registration not cancelled ends; its days, zone or
 * place changed: those holding a place get the updated calendar entry, the waiting list and open
 * offers the new hours. A draft tells nobody. Each person told once (registration/changes.ts).
 */
export const registrationEventChanges = onDocumentWritten(
  { document: `${COLLECTIONS.events.path}/{id}`, secrets: [REGISTRATION_KEY, OUTBOX_KEY], timeoutSeconds: 300 },
  async (event) => {
    const before = event.data?.before?.data();
    const after = event.data?.after?.data();
    // Most writes of an event change nothing its registrations hold: only those need the keys.
    if (!concernsRegistrations(before, after)) return;
    await onEventWritten(registrationDeps(siteOrigin()), event.id, before, after);
  },
);

/**
 * Offers of a freed place not taken within their window pass to the next person on the waiting
 * list, every 15 minutes (registration/cancellation.ts): the person it lapsed for and the one it
 * goes to are each told in the same transaction. A claim made in time always wins.
 */
export const registrationOfferLapses = onSchedule(
  { schedule: "every 15 minutes", timeZone: "UTC", secrets: [REGISTRATION_KEY, OUTBOX_KEY], timeoutSeconds: 300 },
  async () => {
    await lapseOffers(registrationDeps(siteOrigin()));
  },
);

/**
 * The public participant lists follow the registrations of people who consented to them
 * (registration/door/participants.ts); every other registration's write is skipped unread.
 */
export const participantsView = onDocumentWritten(
  { document: `${REGISTRATION_COLLECTIONS.registrations.path}/{id}`, ...REBUILD },
  async (event) => {
    if (!affectsPublicList(event.data?.before?.data(), event.data?.after?.data())) return;
    const after = event.data?.after;
    await refreshPublicView(firestore(), after?.exists ? after.updateTime : undefined);
  },
);

/** Takes back expired claims and sends retries whose backoff is over (notify/sweeper.ts). */
export const outboxSweeper = onSchedule(
  { schedule: "every 5 minutes", timeZone: "UTC", secrets: [SMTP_PASSWORD, OUTBOX_KEY], timeoutSeconds: 300 },
  async () => {
    await sweepOutbox(outboxDeps());
  },
);

/** Hosting-commitment reminders, once a day at 08:00 in the jobs' time zone (reminders/commitment-reminders.ts). */
export const commitmentReminders = onSchedule(
  { schedule: "every day 08:00", timeZone: JOBS_TIME_ZONE, timeoutSeconds: 540 },
  async () => {
    const origin = new URL(SITE_ORIGIN.value()).origin;
    const db = firestore();
    const today = await jobToday(db);
    await runCommitmentReminders(db, () => new Date(), cloudLog, { origin, timeZone: JOBS_TIME_ZONE, today });
  },
);

/** The console's commitment actions (activate, renew, hand over, tick a handover item), secretariat only. */
export const commitments = deployed(commitmentCallables(committeeDeps, { timeZone: JOBS_TIME_ZONE }));

/**
 * The initiatives' cross-links, checked every Monday (links/check.ts). Partner sites link to the
 * network's published address, whatever origin this deployment serves (a local one on the emulators).
 */
export const initiativeLinks = onSchedule(
  { schedule: "every monday 06:00", timeZone: JOBS_TIME_ZONE, timeoutSeconds: 540 },
  async () => {
    const siteOrigin = DEFAULT_SITE_ORIGIN;
    await checkInitiativeLinks(firestore(), () => new Date(), cloudLog, { siteOrigin, timeZone: JOBS_TIME_ZONE });
  },
);

/** The console's decision on an email flagged for review: it arrived, or send it again (secretariat only). */
export const { resolveOutboxReview } = deployed(reviewCallables(committeeDeps));

/** Email hanging off the audit log: each new entry's action decides who hears of it (notify/audit-reactions.ts). */
export const auditNotifications = onDocumentCreated(`${AUDIT_COLLECTION}/{id}`, async (event) => {
  await reactToAuditEntry(
    { db: firestore(), clock: () => new Date(), log: cloudLog, ...noticeOrigins() },
    event.params.id,
    event.data?.data(),
  );
});

/** Event reminders, 30 and 7 days before, once a day at 08:00 in the jobs' time zone (reminders/event-reminders.ts). */
export const eventReminders = onSchedule(
  { schedule: "every day 08:00", timeZone: JOBS_TIME_ZONE, timeoutSeconds: 540 },
  async () => {
    const db = firestore();
    const today = await jobToday(db);
    await runEventReminders(db, () => new Date(), cloudLog, {
      origin: noticeOrigins().siteOrigin,
      timeZone: JOBS_TIME_ZONE,
      today,
    });
  },
);

/**
 * Reminders to the people holding a place, 7 days and 1 day before the event, with their calendar
 * entry, once a day at 08:00 in the jobs' time zone (reminders/registration-reminders.ts).
 */
export const registrationReminders = onSchedule(
  {
    schedule: "every day 08:00",
    timeZone: JOBS_TIME_ZONE,
    secrets: [REGISTRATION_KEY, OUTBOX_KEY],
    timeoutSeconds: 540,
  },
  async () => {
    const deps = registrationDeps(siteOrigin());
    await runRegistrationReminders(deps, { today: await jobToday(deps.db) });
  },
);

/** Publishes records whose scheduled publication is due (committee/records/schedule.ts). */
export const scheduledPublication = onSchedule(
  { schedule: "every 5 minutes", timeZone: JOBS_TIME_ZONE, timeoutSeconds: 300 },
  async () => {
    await publishDueRecords({ db: firestore(), clock: () => new Date() }, cloudLog);
  },
);

/**
 * A document published in the console (its audit entry, written in the publishing transaction)
 * → its news to every confirmed subscriber, in their language, the first time only, or again
 * when the publisher asked for it, at most once a day (subscriptions/publish.ts).
 */
export const subscriptionNews = onDocumentCreated(
  {
    document: `${AUDIT_COLLECTION}/{id}`,
    secrets: [SUBSCRIPTION_KEY, OUTBOX_KEY],
    timeoutSeconds: 540,
    memory: "512MiB",
  },
  async (event) => {
    const entry = event.data?.data() ?? {};
    if (entry.action !== "document.publish") return;
    const origin = new URL(SITE_ORIGIN.value()).origin;
    await newsOfPublication(subscriptionDeps(origin), event.params.id, entry);
  },
);

/** The yearly ask to confirm one's directory entry, checked once a day at 08:00 (reminders/directory-confirmations.ts). */
export const directoryConfirmations = onSchedule(
  { schedule: "every day 08:00", timeZone: JOBS_TIME_ZONE, timeoutSeconds: 540 },
  async () => {
    const db = firestore();
    const today = await jobToday(db);
    await runDirectoryConfirmations(db, () => new Date(), cloudLog, {
      origin: noticeOrigins().siteOrigin,
      consoleBase: noticeOrigins().consoleBase,
      timeZone: JOBS_TIME_ZONE,
      today,
    });
  },
);
