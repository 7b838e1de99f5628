/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { RegistrationFigures } from "../../../functions/src/model/registration.js";
import { formatTime, t, type UiKey } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { call } from "../lib/callables.js";
import { matchesSearch } from "../lib/filters.js";
import { countryName, dayName, personName, titleOf } from "../lib/names.js";
import { listRecords, type StoredRecord } from "../records-data.js";
import { claims } from "../session.js";
import { Field, say, sayFailure } from "../ui.js";

type Entry = Awaited<ReturnType<typeof loadEntries>>[number];
const loadEntries = async (eventId: string) => (await call("committee-doorList", { eventId })).entries;
const at = (ms: number | undefined) => (ms === undefined ? "" : formatTime(new Date(ms).toISOString()));
const categoryName = (category: string) => t(`ui.door.category.${category}` as UiKey);

/** Events newest first, each named by its title and first day. */
function eventLabel(event: StoredRecord): string {
  const start = typeof event.start === "string" ? event.start : undefined;
  const title = titleOf(event) ?? event.id;
  return start ? `${title} (${dayName(start)})` : title;
}

/**
 * The door (`#/door`): on a phone at the entrance, find a registered person by name and mark
 * them present, or undo a mistake; after the event, count the participation from attendance and
 * publish it on the event's page once a second person confirms it. The registrations stay closed
 * to the console: it reads and writes them through the `committee-door*` callables.
 */
export function DoorScreen() {
  const [events, setEvents] = useState<StoredRecord[] | undefined>(undefined);
  const [eventId, setEventId] = useState("");
  useEffect(() => {
    const who = claims.value;
    if (!who) return;
    listRecords("events", who)
      .then((list) =>
        setEvents(
          list.sort((a, b) => String(b.start ?? "").localeCompare(String(a.start ?? "")) || a.id.localeCompare(b.id)),
        ),
      )
      .catch(sayFailure);
  }, []);
  if (!events) return <p>{t("ui.loading")}</p>;
  return (
    <>
      <h1>{t("ui.door.title")}</h1>
      <p>{t("ui.door.intro")}</p>
      <p class="field">
        <label for="door-event">{t("ui.door.event")}</label>
        <select id="door-event" value={eventId} onChange={(e) => setEventId(e.currentTarget.value)}>
          <option value="">{t("ui.door.chooseEvent")}</option>
          {events.map((event) => (
            <option key={event.id} value={event.id}>
              {eventLabel(event)}
            </option>
          ))}
        </select>
      </p>
      {eventId ? <EventDoor key={eventId} eventId={eventId} /> : null}
    </>
  );
}

function EventDoor({ eventId }: { eventId: string }) {
  const [entries, setEntries] = useState<Entry[] | undefined>(undefined);
  const [search, setSearch] = useState("");
  const { busy, errors, run } = useAction();
  useEffect(() => {
    loadEntries(eventId).then(setEntries).catch(sayFailure);
  }, [eventId]);
  if (!entries) return <p>{t("ui.loading")}</p>;

  const shown = entries.filter((e) => matchesSearch(search, `${e.name} ${e.institution}`));
  const present = entries.filter((e) => e.attendedAtMs !== undefined).length;
  const mark = (entry: Entry, on: boolean) =>
    run(
      async () => {
        const next = await call("committee-doorCheckIn", { eventId, id: entry.id, present: on });
        setEntries((list) => list?.map((e) => (e.id === next.id ? next : e)));
        say(t(on ? "ui.door.marked" : "ui.door.unmarked", { name: entry.name }));
        // The next person at the door: back to the search, its text selected to type over.
        const field = document.getElementById("door-search");
        if (field instanceof HTMLInputElement) {
          field.focus();
          field.select();
        }
      },
      { at: entry.id },
    );

  return (
    <>
      <section aria-labelledby="door-people">
        <h2 id="door-people">{t("ui.door.people")}</h2>
        <p>{t("ui.door.count", { present, total: entries.length })}</p>
        <Field id="door-search" label={t("ui.door.search")}>
          {(attrs) => (
            <input
              {...attrs}
              type="search"
              autocomplete="off"
              value={search}
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
          )}
        </Field>
        {shown.length === 0 ? <p>{t(entries.length === 0 ? "ui.door.nobody" : "ui.door.noMatch")}</p> : null}
        <ul class="door-list">
          {shown.map((entry) => (
            <li key={entry.id} class="card">
              <p>
                <strong>{entry.name}</strong>
                <br />
                {entry.institution} · {countryName(entry.country)} · {categoryName(entry.category)}
              </p>
              <p>
                {entry.attendedAtMs !== undefined
                  ? t("ui.door.presentSince", { when: at(entry.attendedAtMs), who: personName(entry.attendedBy) })
                  : t("ui.door.notYet")}
              </p>
              <p class="actions">
                {entry.attendedAtMs === undefined ? (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t("ui.door.markFor", { name: entry.name })}
                    onClick={() => void mark(entry, true)}
                  >
                    {t("ui.door.mark")}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy}
                    aria-label={t("ui.door.undoFor", { name: entry.name })}
                    onClick={() => void mark(entry, false)}
                  >
                    {t("ui.door.undo")}
                  </button>
                )}
              </p>
              {errors[entry.id] ? <p class="error">{errors[entry.id]}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <Figures eventId={eventId} />
    </>
  );
}

/** The participation counted from attendance, and its publication by a second person. */
function Figures({ eventId }: { eventId: string }) {
  const [figures, setFigures] = useState<RegistrationFigures | null | undefined>(undefined);
  const [reason, setReason] = useState("");
  const { busy, errors, run, label } = useAction();
  useEffect(() => {
    call("committee-doorFigures", { eventId })
      .then((answer) => setFigures(answer.figures))
      .catch(sayFailure);
  }, [eventId]);
  if (figures === undefined) return <p>{t("ui.loading")}</p>;

  const count = () =>
    run(
      async () => {
        setFigures(await call("committee-doorCountFigures", { eventId }));
        say(t("ui.door.figures.counted"));
      },
      { at: "count", pending: t("ui.pending.counting"), pendingOn: "count" },
    );
  const publish = () =>
    run(
      async () => {
        setFigures(
          await call("committee-doorPublishFigures", { eventId, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
        );
        say(t("ui.door.figures.published"));
      },
      { at: "publish", pending: t("ui.pending.publishing"), pendingOn: "publish" },
    );

  return (
    <section aria-labelledby="door-figures">
      <h2 id="door-figures">{t("ui.door.figures.title")}</h2>
      <p>{t("ui.door.figures.help")}</p>
      {figures ? (
        <>
          <dl class="door-figures">
            <dt>{t("ui.door.figures.officials")}</dt>
            <dd>{figures.officials}</dd>
            <dt>{t("ui.door.figures.countries")}</dt>
            <dd>{figures.countries}</dd>
            <dt>{t("ui.door.figures.institutions")}</dt>
            <dd>{figures.institutions}</dd>
            <dt>{t("ui.door.figures.attended")}</dt>
            <dd>{figures.attended}</dd>
          </dl>
          <p>
            {t("ui.door.figures.countedBy", {
              who: personName(figures.countedBy.memberId),
              when: at(figures.countedAtMs),
            })}
          </p>
          {figures.publishedAtMs !== undefined ? (
            <p>
              {t("ui.door.figures.publishedBy", {
                who: personName(figures.publishedBy),
                when: at(figures.publishedAtMs),
              })}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t("ui.door.figures.none")}</p>
      )}
      <p class="actions">
        <button type="button" class="secondary" disabled={busy} onClick={() => void count()}>
          {label(t(figures ? "ui.door.figures.recount" : "ui.door.figures.count"), "count")}
        </button>
      </p>
      {errors.count ? <p class="error">{errors.count}</p> : null}
      {figures && figures.publishedAtMs === undefined ? (
        <>
          <Field id="door-reason" label={t("ui.door.figures.reason")} error={errors.publish}>
            {(attrs) => <input {...attrs} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <p class="actions">
            <button type="button" disabled={busy} onClick={() => void publish()}>
              {label(t("ui.door.figures.publish"), "publish")}
            </button>
          </p>
        </>
      ) : null}
    </section>
  );
}
