/** @jsxImportSource preact */
// An event's registrations for the committee and the secretariat: counts by state, category and
// country, the people with search, the export, and the approvals the secretariat decides. Read
// through registrations-overview: no client reads registrations themselves.
import { useEffect, useState } from "preact/hooks";
import type { ResultOf } from "../../../functions/src/committee/api.js";
import { mayAttempt } from "../../../functions/src/committee/permissions.js";
import { formatTime, pickText, t, type UiKey } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { call } from "../lib/callables.js";
import { FilterChoice, FilterInput, Filters, matchesSearch } from "../lib/filters.js";
import { countryName, recordName } from "../lib/names.js";
import { type Column, Table } from "../lib/table.js";
import { claims } from "../session.js";
import { say, sayFailure } from "../ui.js";

type Overview = ResultOf<"registrations-overview">;
type Row = Overview["rows"][number];

const STATES = [
  "pending",
  "awaitingApproval",
  "confirming",
  "confirmed",
  "offered",
  "waitlisted",
  "cancelled",
] as const;
const stateName = (state: string) => t(`ui.reg.state.${state}` as UiKey);
const categoryName = (category: string) => t(`ui.reg.category.${category}` as UiKey);

/** Who a row is: the first columns of both the approvals and the people tables. */
const personColumns = (): Column<Row>[] => [
  { header: t("ui.reg.col.name"), cell: (row) => row.name },
  { header: t("ui.reg.col.institution"), cell: (row) => row.institution },
  { header: t("ui.reg.col.country"), cell: (row) => countryName(row.country) },
  { header: t("ui.reg.col.category"), cell: (row) => categoryName(row.category) },
];

/** Why a registration ended, in words: a reason without a sentence fails the typecheck. */
const ENDED_BY = {
  person: "ui.reg.by.person",
  offerLapsed: "ui.reg.by.offerLapsed",
  declined: "ui.reg.by.declined",
  eventCancelled: "ui.reg.by.eventCancelled",
  country: "ui.reg.by.country",
} as const satisfies Record<NonNullable<Row["cancelledBy"]>, UiKey>;

/** Where a person stands, in words: their number and position, an offer's deadline, why it ended. */
function detail(row: Row): string {
  if (row.state === "waitlisted" && row.seq !== undefined)
    return t("ui.reg.waiting", { seq: row.seq, position: row.position ?? "" });
  if (row.state === "offered" && row.seq !== undefined && row.untilMs !== undefined)
    return t("ui.reg.offeredUntil", { seq: row.seq, when: formatTime(new Date(row.untilMs).toISOString()) });
  if (row.state === "cancelled" && row.cancelledBy) return t(ENDED_BY[row.cancelledBy]);
  return "";
}

/** The rooms a person holds a seat of, and those they wait for, by the sessions' titles. */
function roomsOfRow(row: Row, titles: Map<number, string>): string {
  const named = (sessions: number[]) => sessions.map((s) => titles.get(s) ?? String(s + 1)).join(", ");
  return [
    ...(row.seats?.length ? [t("ui.rooms.seat", { sessions: named(row.seats) })] : []),
    ...(row.seatsWaiting?.length ? [t("ui.rooms.waiting", { sessions: named(row.seatsWaiting) })] : []),
  ].join("; ");
}

/** Saves a file the server made, as the browser downloads one. */
function download(file: { filename: string; mediaType: string; content: string }) {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mediaType};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Counts(props: {
  caption: string;
  header: string;
  counts: Record<string, number>;
  name: (key: string) => string;
}) {
  const rows = Object.entries(props.counts)
    .map(([key, count]) => ({ key, name: props.name(key), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return (
    <section aria-label={props.caption}>
      <h2>{props.caption}</h2>
      <Table
        caption={props.caption}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { header: props.header, cell: (r) => r.name },
          { header: t("ui.reg.col.count"), cell: (r) => r.count },
        ]}
      />
    </section>
  );
}

export function RegistrationsScreen(props: { eventId: string }) {
  const { eventId } = props;
  const who = claims.value;
  const decides = who ? mayAttempt(who.role, "registration.approve") : false;
  const [data, setData] = useState<Overview | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [search, setSearch] = useState("");
  const [state, setState] = useState("");
  const { busy, run } = useAction();
  const load = () =>
    call("registrations-overview", { eventId })
      .then(setData)
      .catch((error) => {
        setFailed(true);
        sayFailure(error);
      });
  useEffect(() => {
    void load();
  }, [eventId]);
  const back = (
    <p>
      <a href="#/registration">{t("ui.reg.back")}</a>
    </p>
  );
  if (failed) return back;
  if (!data) return <p>{t("ui.loading")}</p>;
  const event = recordName("events", eventId);
  const shown = data.rows.filter(
    (row) =>
      (state === "" || row.state === state) &&
      matchesSearch(search, `${row.name} ${row.institution} ${countryName(row.country)}`),
  );
  const waiting = data.rows.filter((row) => row.state === "awaitingApproval");
  const roomTitles = new Map(
    data.rooms.map((room) => [
      room.session,
      t("ui.reg.session", { n: room.session + 1, title: pickText(room.title ?? undefined) ?? "" }),
    ]),
  );

  const exportAs = (format: "csv" | "json") =>
    void run(async () => {
      const file = await call("registrations-export", { eventId, format });
      download(file);
      say(t("ui.reg.exported", { file: file.filename }));
    });
  const decide = (row: Row, decision: "approve" | "decline") =>
    void run(async () => {
      await call("registrations-decide", { eventId, id: row.id, decision });
      say(t(decision === "approve" ? "ui.reg.approved" : "ui.reg.declined", { name: row.name }));
      await load();
    });

  return (
    <>
      {back}
      <h1>{t("ui.reg.list.title", { event })}</h1>
      {data.places === null ? (
        <p class="card">{t("ui.reg.list.notOpen")}</p>
      ) : (
        <p>{t("ui.reg.held", { held: data.placesHeld, places: data.places })}</p>
      )}
      <p>
        <a href={`#/registration/${eventId}/settings`}>{t("ui.reg.settingsLink", { event })}</a>
      </p>
      {data.rooms.length > 0 ? (
        <section aria-labelledby="reg-rooms">
          <h2 id="reg-rooms">{t("ui.rooms.title")}</h2>
          <p>{t("ui.rooms.note")}</p>
          <Table
            caption={t("ui.rooms.title")}
            rows={data.rooms}
            rowKey={(room) => String(room.session)}
            columns={[
              { header: t("ui.rooms.col.session"), cell: (room) => roomTitles.get(room.session) ?? "" },
              {
                header: t("ui.rooms.col.held"),
                cell: (room) => t("ui.rooms.heldOf", { held: room.held, places: room.places }),
              },
            ]}
          />
        </section>
      ) : null}
      <Counts
        caption={t("ui.reg.byState")}
        header={t("ui.reg.col.state")}
        counts={data.counts.state}
        name={stateName}
      />
      <Counts
        caption={t("ui.reg.byCategory")}
        header={t("ui.reg.col.category")}
        counts={data.counts.category}
        name={categoryName}
      />
      <Counts
        caption={t("ui.reg.byCountry")}
        header={t("ui.reg.col.country")}
        counts={data.counts.country}
        name={countryName}
      />
      {waiting.length > 0 ? (
        <section aria-labelledby="reg-approvals">
          <h2 id="reg-approvals">{t("ui.reg.approvals")}</h2>
          <p>{t(decides ? "ui.reg.approvalsNote" : "ui.reg.approvalsReadOnly")}</p>
          <Table
            stacked
            caption={t("ui.reg.approvals")}
            rows={waiting}
            rowKey={(row) => row.id}
            columns={[
              ...personColumns(),
              ...(decides
                ? [
                    {
                      header: t("ui.reg.col.state"),
                      cell: (row: Row) => (
                        <span class="actions">
                          <button
                            type="button"
                            disabled={busy}
                            aria-label={t("ui.reg.approveOf", { name: row.name })}
                            onClick={() => decide(row, "approve")}
                          >
                            {t("ui.reg.approve")}
                          </button>
                          <button
                            type="button"
                            class="secondary"
                            disabled={busy}
                            aria-label={t("ui.reg.declineOf", { name: row.name })}
                            onClick={() => decide(row, "decline")}
                          >
                            {t("ui.reg.decline")}
                          </button>
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </section>
      ) : null}
      <section aria-labelledby="reg-people">
        <h2 id="reg-people">{t("ui.reg.people")}</h2>
        <Filters label={t("ui.reg.filters")}>
          <FilterInput id="reg-search" label={t("ui.reg.search")} value={search} onInput={setSearch} />
          <FilterChoice
            id="reg-state"
            label={t("ui.reg.col.state")}
            value={state}
            options={STATES.map((s) => [s, stateName(s)] as const)}
            onChange={setState}
          />
        </Filters>
        <p role="status">{t("ui.reg.shown", { shown: shown.length, total: data.rows.length })}</p>
        <Table
          stacked
          caption={t("ui.reg.people")}
          rows={shown}
          rowKey={(row) => row.id}
          columns={[
            ...personColumns(),
            { header: t("ui.reg.col.state"), cell: (row) => stateName(row.state) },
            { header: t("ui.reg.col.detail"), cell: detail },
            ...(data.rooms.length > 0
              ? [{ header: t("ui.rooms.col.person"), cell: (row: Row) => roomsOfRow(row, roomTitles) }]
              : []),
          ]}
        />
      </section>
      <section aria-labelledby="reg-export">
        <h2 id="reg-export">{t("ui.reg.export")}</h2>
        <p>{t("ui.reg.exportNote")}</p>
        <p class="actions">
          <button type="button" disabled={busy} onClick={() => exportAs("csv")}>
            {t("ui.reg.exportCsv")}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => exportAs("json")}>
            {t("ui.reg.exportJson")}
          </button>
        </p>
      </section>
    </>
  );
}
