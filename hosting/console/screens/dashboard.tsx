/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { addDays } from "../../../functions/src/calendar/days.js";
import { daysRemaining, lastDayOf, termsInForce } from "../../../functions/src/commitment/term.js";
import type { AuditEntry } from "../../../functions/src/model/audit.js";
import type { HostingCommitment } from "../../../functions/src/model/commitment.js";
import type { Publication } from "../../../functions/src/model/common.js";
import type { Document } from "../../../functions/src/model/document.js";
import type { Event } from "../../../functions/src/model/event.js";
import { listCommitments, listEvents } from "../admin-data.js";
import { getVersion, listAudit, listDocuments } from "../data.js";
import { pickText, t, type UiKey } from "../i18n/index.js";
import { countryName, dayName } from "../lib/names.js";
import { Table } from "../lib/table.js";
import { listRecords } from "../records-data.js";
import { claims, user } from "../session.js";
import { DocumentTable, sayFailure } from "../ui.js";
import { AuditTable } from "./audit.js";
import { DirectoryStatus } from "./directory-status.js";

interface Overview {
  review: Document[];
  drafts: Document[];
  recent: AuditEntry[];
  upcoming: Event[];
  hosting: HostingCommitment[];
}

/** Events not cancelled that start within the next 90 days (a month-only date counts by its month). */
export function upcomingEvents(events: Event[], today: string): Event[] {
  const until = addDays(today, 90);
  return events
    .filter((e) => {
      const start = e.start;
      if (!start || start.length < 7 || e.status === "cancelled") return false;
      return start >= today.slice(0, start.length) && start <= until.slice(0, start.length);
    })
    .sort((a, b) => (a.start ?? "").localeCompare(b.start ?? ""));
}

/**
 * The persons whose work a document's latest version is: who last changed its content and who
 * submitted it (committee and secretariat may read versions). Persons, not accounts: the
 * two-person rule weighs people, whichever account they used.
 */
async function authorsOf(d: Document): Promise<(string | undefined)[]> {
  const version = await getVersion(d.id, d.version);
  const submitter = version?.submittedBy ?? (version?.action?.endsWith(".submit") ? version.by : undefined);
  return [version?.contentBy?.memberId, submitter?.memberId];
}

export function Dashboard() {
  return claims.value?.role === "member" ? <MemberHome /> : <ReviewerHome />;
}

/** The home of those who review and publish: the committee and the secretariat. */
function ReviewerHome() {
  const who = claims.value;
  const uid = user.value?.uid;
  const [overview, setOverview] = useState<Overview | undefined>(undefined);
  useEffect(() => {
    if (!who || !uid) return;
    const reviewer = who.role !== "member";
    (async () => {
      const documents = await listDocuments(who);
      const inReview = documents.filter((d) => d.status === "in-review");
      const drafts = documents.filter((d) => d.status === "draft");
      // Nobody publishes their own last edit, so "waiting for my review" leaves those out, and
      // "my drafts" are the drafts whose last edit is mine. A member cannot read versions: their
      // drafts are their country's, and nothing waits for their review.
      const authors = reviewer
        ? new Map(await Promise.all([...inReview, ...drafts].map(async (d) => [d.id, await authorsOf(d)] as const)))
        : new Map<string, (string | undefined)[]>();
      const person = who.memberId;
      const [events, commitments] = await Promise.all([listEvents(who), listCommitments()]);
      setOverview({
        review: reviewer ? inReview.filter((d) => !authors.get(d.id)?.includes(person)) : [],
        drafts: reviewer ? drafts.filter((d) => authors.get(d.id)?.[0] === person) : drafts,
        recent: reviewer ? await listAudit(who, 8) : [],
        upcoming: upcomingEvents(events, new Date().toISOString().slice(0, 10)).slice(0, 8),
        hosting: termsInForce(commitments),
      });
    })().catch(sayFailure);
  }, [who, uid]);
  if (!overview) return <p>{t("ui.loading")}</p>;
  return (
    <>
      <h1>{t("ui.nav.dashboard")}</h1>
      {who?.role !== "member" ? (
        <section aria-labelledby="dash-review">
          <h2 id="dash-review">{t("ui.dash.review")}</h2>
          <DocumentTable documents={overview.review} caption={t("ui.dash.review")} />
        </section>
      ) : null}
      <section aria-labelledby="dash-drafts">
        <h2 id="dash-drafts">{t("ui.dash.drafts")}</h2>
        <DocumentTable documents={overview.drafts} caption={t("ui.dash.drafts")} />
      </section>
      <section aria-labelledby="dash-upcoming">
        <h2 id="dash-upcoming">{t("ui.dash.upcoming")}</h2>
        {overview.upcoming.length === 0 ? (
          <p>{t("ui.none")}</p>
        ) : (
          <ul>
            {overview.upcoming.map((e) => (
              <li key={e.id}>
                <time dateTime={e.start}>{e.start ? dayName(e.start) : ""}</time> ·{" "}
                <a href={`#/records/events/${e.id}`}>{pickText(e.title) ?? e.id}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="dash-hosting">
        <h2 id="dash-hosting">{t("ui.dash.hosting")}</h2>
        {overview.hosting.length === 0 ? (
          <p>{t("ui.none")}</p>
        ) : (
          <ul>
            {overview.hosting.map((commitment) => {
              const host = countryName(commitment.hostCountryId);
              const left = daysRemaining(commitment, new Date());
              const text =
                left === undefined
                  ? t("ui.dash.hostingOffered", { host })
                  : left >= 0
                    ? t("ui.dash.hostingLeft", { host, days: left, end: dayName(lastDayOf(commitment) ?? "") })
                    : t("ui.dash.hostingLapsed", { host, days: -left });
              return (
                <li key={commitment.id} id={`dash-host-${commitment.id}`}>
                  {who?.role === "member" ? text : <a href="#/hosting">{text}</a>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {who?.role !== "member" ? (
        <section aria-labelledby="dash-recent">
          <h2 id="dash-recent">{t("ui.dash.recent")}</h2>
          <AuditTable entries={overview.recent} caption={t("ui.dash.recent")} />
        </section>
      ) : null}
    </>
  );
}

/** Something of the member's country on its way to the public site: a document, an event, an institution. */
/** An item of the member's home, its words looked up when shown (the person may change the interface's language). */
interface OwnItem {
  href: string;
  title: Record<string, string> | undefined;
  id: string;
  what: UiKey;
  state: Publication;
  version: number;
}

/**
 * The home of a member (a country's representative, or a committee one whose country holds no
 * seat): what they can act on. A member reads no versions, so "my drafts" are their country's
 * drafts, the ones they may edit and submit.
 */
function MemberHome() {
  const who = claims.value;
  const [home, setHome] = useState<{ own: OwnItem[]; upcoming: Event[] } | undefined>(undefined);
  useEffect(() => {
    if (!who?.countryId) return;
    const country = who.countryId;
    (async () => {
      const [documents, events, institutions] = await Promise.all([
        listDocuments(who),
        listEvents(who),
        listRecords("institutions", who),
      ]);
      const own: OwnItem[] = [
        ...documents
          .filter((d) => d.countries.includes(country))
          .map((d) => ({
            href: `#/documents/${d.id}`,
            title: d.title,
            id: d.id,
            what: "ui.nav.documents" as const,
            state: d.status,
            version: d.version,
          })),
        ...events
          .filter((e) => e.hostCountries.includes(country))
          .map((e) => ({
            href: `#/records/events/${e.id}`,
            title: e.title,
            id: e.id,
            what: "ui.rec.nav.events" as const,
            state: e.publication ?? "published",
            version: e.version ?? 1,
          })),
        ...institutions
          .filter((i) => i.countryId === country)
          .map((i) => ({
            href: `#/records/institutions/${i.id}`,
            title: i.name as Record<string, string> | undefined,
            id: i.id,
            what: "ui.rec.nav.institutions" as const,
            state: i.publication ?? "published",
            version: i.version ?? 1,
          })),
      ];
      setHome({ own, upcoming: upcomingEvents(events, new Date().toISOString().slice(0, 10)).slice(0, 8) });
    })().catch(sayFailure);
  }, [who]);
  if (!who?.countryId) return <p class="card">{t("ui.noPerson")}</p>;
  if (!home) return <p>{t("ui.loading")}</p>;
  const inState = (state: Publication) => home.own.filter((item) => item.state === state);
  return (
    <>
      <h1>{t("ui.nav.dashboard")}</h1>
      <section aria-labelledby="home-drafts">
        <h2 id="home-drafts">{t("ui.home.mine")}</h2>
        <p>{t("ui.home.mineHint")}</p>
        <OwnTable items={inState("draft")} caption={t("ui.home.mine")} />
      </section>
      <section aria-labelledby="home-review">
        <h2 id="home-review">{t("ui.home.country")}</h2>
        <p>{t("ui.home.countryHint")}</p>
        <OwnTable items={inState("in-review")} caption={t("ui.home.country")} />
      </section>
      <section aria-labelledby="dash-upcoming">
        <h2 id="dash-upcoming">{t("ui.dash.upcoming")}</h2>
        <UpcomingList events={home.upcoming} />
      </section>
      <DirectoryStatus />
    </>
  );
}

function OwnTable(props: { items: OwnItem[]; caption: string }) {
  return (
    <Table
      stacked
      caption={props.caption}
      rows={props.items}
      rowKey={(item) => item.href}
      columns={[
        { header: t("ui.col.title"), cell: (item) => <a href={item.href}>{pickText(item.title) ?? item.id}</a> },
        { header: t("ui.home.what"), cell: (item) => t(item.what) },
        { header: t("ui.col.status"), cell: (item) => t(`ui.status.${item.state}`) },
        { header: t("ui.col.version"), cell: (item) => item.version },
      ]}
    />
  );
}

function UpcomingList(props: { events: Event[] }) {
  return props.events.length === 0 ? (
    <p>{t("ui.none")}</p>
  ) : (
    <ul>
      {props.events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.start}>{e.start ? dayName(e.start) : ""}</time> ·{" "}
          <a href={`#/records/events/${e.id}`}>{pickText(e.title) ?? e.id}</a>
        </li>
      ))}
    </ul>
  );
}
