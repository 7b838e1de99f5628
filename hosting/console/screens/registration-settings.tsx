/** @jsxImportSource preact */
// Opening registration for an event: the committee's form, checked by the model's own schema
// before anything is sent, each problem beside its field in the person's language, and what was
// typed kept through a refusal.
import { useEffect, useState } from "preact/hooks";
import { timeZoneName } from "../../../functions/src/i18n/format.js";
import { isPublished } from "../../../functions/src/model/common.js";
import {
  DEFAULT_OFFER_WINDOW_HOURS,
  REGISTRATION_CATEGORIES,
  type RegistrationCategory,
  type RegistrationSettings,
  RegistrationSettingsSchema,
} from "../../../functions/src/model/registration.js";
import { lang, pickText, t } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { call } from "../lib/callables.js";
import { defaultZone, instantOf } from "../lib/dates.js";
import { fieldMessage } from "../lib/field-messages.js";
import { titleOf } from "../lib/names.js";
import { getRecord, type StoredRecord } from "../records-data.js";
import { Field, say, sayFailure } from "../ui.js";

/** Whether an event may take registration: published and still planned (as the callable checks). */
export const takesRegistration = (event: StoredRecord) => isPublished(event) && event.status === "planned";

/** What the form holds: the text of every field as typed. */
interface Form {
  opens: string;
  closes: string;
  startTime: string;
  endTime: string;
  places: string;
  categories: RegistrationCategory[];
  approvalCategories: RegistrationCategory[];
  /** Places of each session's own room, by session index; empty: no room of its own. */
  rooms: Record<number, string>;
  privateSessions: number[];
  countryQuota: string;
  offerWindowHours: string;
}

/** "YYYY-MM-DDTHH:MM" on the wall clocks of `zone` at instant `ms` (what a datetime-local input holds). */
function wallClock(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

function formOf(settings: RegistrationSettings | null, zone: string): Form {
  return {
    opens: settings ? wallClock(settings.opensAtMs, zone) : "",
    closes: settings ? wallClock(settings.closesAtMs, zone) : "",
    startTime: settings?.startTime ?? "09:00",
    endTime: settings?.endTime ?? "18:00",
    places: settings ? String(settings.places) : "",
    categories: settings?.categories ?? [...REGISTRATION_CATEGORIES],
    approvalCategories: settings?.approvalCategories ?? [],
    rooms: Object.fromEntries((settings?.sessionRooms ?? []).map((room) => [room.session, String(room.places)])),
    privateSessions: settings?.privateSessions ?? [],
    countryQuota: settings?.countryQuota === undefined ? "" : String(settings.countryQuota),
    offerWindowHours: String(settings?.offerWindowHours ?? DEFAULT_OFFER_WINDOW_HOURS),
  };
}

/** The rooms the form names, in the order of their sessions: the payload's `sessionRooms`. */
const roomsOf = (form: Form) =>
  Object.entries(form.rooms)
    .filter(([, places]) => places.trim() !== "")
    .map(([session, places]) => ({ session: Number(session), places: places.trim() }))
    .sort((a, b) => a.session - b.session);

/** The settings the form describes, or the problems of its fields keyed as the callable names them. */
function settingsOf(
  eventId: string,
  form: Form,
  zone: string,
): { settings?: RegistrationSettings; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const whole = (text: string, path: string): number | undefined => {
    const value = Number(text.trim());
    if (text.trim() === "" || !Number.isInteger(value)) {
      problems[path] = t("ui.reg.err.number");
      return undefined;
    }
    if (value < 1) problems[path] = t("ui.reg.err.atLeastOne");
    return value;
  };
  const opensAt = instantOf(form.opens, zone);
  const closesAt = instantOf(form.closes, zone);
  if (!opensAt) problems["settings.opensAtMs"] = t("ui.reg.err.dateTime");
  if (!closesAt) problems["settings.closesAtMs"] = t("ui.reg.err.dateTime");
  const rooms = roomsOf(form).map((room, i) => ({
    session: room.session,
    places: whole(room.places, `settings.sessionRooms.${i}.places`),
  }));
  const candidate = {
    eventId,
    opensAtMs: opensAt?.getTime(),
    closesAtMs: closesAt?.getTime(),
    startTime: form.startTime,
    endTime: form.endTime,
    places: whole(form.places, "settings.places"),
    sessionRooms: rooms,
    categories: REGISTRATION_CATEGORIES.filter((c) => form.categories.includes(c)),
    privateSessions: [...form.privateSessions].sort((a, b) => a - b),
    // Approval is asked of categories offered only.
    approvalCategories: REGISTRATION_CATEGORIES.filter(
      (c) => form.approvalCategories.includes(c) && form.categories.includes(c),
    ),
    // Left out when empty: the callable's client sends an undefined value as null, which is no quota of zero.
    ...(form.countryQuota.trim() === "" ? {} : { countryQuota: whole(form.countryQuota, "settings.countryQuota") }),
    offerWindowHours: whole(form.offerWindowHours, "settings.offerWindowHours"),
  };
  const parsed = RegistrationSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      let path = `settings.${issue.path.map(String).join(".")}`;
      // A room with more places than the event: beside the first such room.
      if (path === "settings.sessionRooms") {
        const i = rooms.findIndex((room) => (room.places ?? 0) > (candidate.places ?? 0));
        path = `settings.sessionRooms.${Math.max(i, 0)}.places`;
      }
      problems[path] ??= fieldMessage(issue.message);
    }
  }
  return Object.keys(problems).length === 0 && parsed.success ? { settings: parsed.data, problems } : { problems };
}

export function RegistrationSettingsScreen(props: { eventId: string }) {
  const { eventId } = props;
  const [event, setEvent] = useState<StoredRecord | null | undefined>(undefined);
  const [existing, setExisting] = useState<boolean>(false);
  const [form, setForm] = useState<Form | undefined>(undefined);
  const { busy, errors, run, checked, label } = useAction();
  useEffect(() => {
    Promise.all([getRecord("events", eventId), call("registrations-settings", { eventId })])
      .then(([record, { settings }]) => {
        setEvent(record ?? null);
        setExisting(settings !== null);
        if (record) setForm(formOf(settings, zoneOf(record)));
      })
      .catch((error) => {
        setEvent(null);
        sayFailure(error);
      });
  }, [eventId]);
  if (event === undefined) return <p>{t("ui.loading")}</p>;
  const back = (
    <p>
      <a href="#/registration">{t("ui.reg.back")}</a>
    </p>
  );
  if (event === null || !form) return back;
  const name = titleOf(event) ?? t("ui.n.untitled");
  const zone = zoneOf(event);
  const sessions = Array.isArray(event.sessions) ? (event.sessions as { title?: Record<string, string> }[]) : [];
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const rooms = roomsOf(form);
  const roomError = (session: number) => {
    const i = rooms.findIndex((room) => room.session === session);
    return i < 0
      ? undefined
      : (errors[`settings.sessionRooms.${i}.places`] ?? errors[`settings.sessionRooms.${i}.session`]);
  };
  const privateError = (session: number) => {
    const i = [...form.privateSessions].sort((a, b) => a - b).indexOf(session);
    return i < 0 ? undefined : errors[`settings.privateSessions.${i}`];
  };
  const idOf = (path: string) => {
    const room = /^settings\.sessionRooms\.(\d+)/.exec(path);
    if (room) return `reg-room-${rooms[Number(room[1])]?.session ?? 0}`;
    const secret = /^settings\.privateSessions\.(\d+)/.exec(path);
    if (secret) return `reg-private-${[...form.privateSessions].sort((a, b) => a - b)[Number(secret[1])] ?? 0}`;
    return `reg-${path.replace(/^settings\./, "").split(".")[0]}`;
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const { settings, problems } = settingsOf(eventId, form, zone);
    if (!checked(problems, t("ui.reg.fixFirst"), idOf) || !settings) return;
    void run(
      async () => {
        const result = await call("registrations-open", { settings });
        say(t(result.opened ? "ui.reg.opened" : "ui.reg.savedChanges", { event: name }));
        setExisting(true);
      },
      { fallback: "settings.places", idOf, pending: t("ui.pending.saving"), pendingOn: "save" },
    );
  };

  const categoryBoxes = (field: "categories" | "approvalCategories", offered: readonly RegistrationCategory[]) => (
    <fieldset aria-describedby={errors[`settings.${field}`] ? `reg-${field}-error` : undefined}>
      <legend>{t(field === "categories" ? "ui.reg.categories" : "ui.reg.approval")}</legend>
      {offered.map((category) => (
        <p class="check" key={category}>
          <input
            type="checkbox"
            id={`reg-${field}-${category}`}
            checked={form[field].includes(category)}
            onChange={(ev) =>
              set({
                [field]: ev.currentTarget.checked
                  ? [...form[field], category]
                  : form[field].filter((c) => c !== category),
              })
            }
          />
          <label for={`reg-${field}-${category}`}>{t(`ui.reg.category.${category}`)}</label>
        </p>
      ))}
      {errors[`settings.${field}`] ? (
        <span class="error" id={`reg-${field}-error`}>
          {errors[`settings.${field}`]}
        </span>
      ) : null}
    </fieldset>
  );

  return (
    <>
      {back}
      <h1>{t("ui.reg.settings.title", { event: name })}</h1>
      {!takesRegistration(event) ? (
        <p class="card">{t("ui.reg.settings.notOpenable")}</p>
      ) : (
        <form class="card" onSubmit={submit} noValidate>
          <p>{t("ui.reg.settings.zone", { zone: timeZoneName(zone, lang.value) })}</p>
          {existing ? null : <p>{t("ui.reg.settings.notOpen")}</p>}
          <Field id="reg-opensAtMs" label={t("ui.reg.opens")} error={errors["settings.opensAtMs"]}>
            {(attrs) => (
              <input
                {...attrs}
                type="datetime-local"
                value={form.opens}
                onInput={(e) => set({ opens: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id="reg-closesAtMs" label={t("ui.reg.closes")} error={errors["settings.closesAtMs"]}>
            {(attrs) => (
              <input
                {...attrs}
                type="datetime-local"
                value={form.closes}
                onInput={(e) => set({ closes: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id="reg-startTime" label={t("ui.reg.startTime")} error={errors["settings.startTime"]}>
            {(attrs) => (
              <input
                {...attrs}
                type="time"
                value={form.startTime}
                onInput={(e) => set({ startTime: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id="reg-endTime" label={t("ui.reg.endTime")} error={errors["settings.endTime"]}>
            {(attrs) => (
              <input
                {...attrs}
                type="time"
                value={form.endTime}
                onInput={(e) => set({ endTime: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id="reg-places" label={t("ui.reg.places")} error={errors["settings.places"]}>
            {(attrs) => (
              <input
                {...attrs}
                inputMode="numeric"
                value={form.places}
                onInput={(e) => set({ places: e.currentTarget.value })}
              />
            )}
          </Field>
          {categoryBoxes("categories", REGISTRATION_CATEGORIES)}
          {categoryBoxes(
            "approvalCategories",
            REGISTRATION_CATEGORIES.filter((c) => form.categories.includes(c)),
          )}
          <fieldset>
            <legend>{t("ui.reg.sessions")}</legend>
            {sessions.length === 0 ? <p>{t("ui.reg.noSessions")}</p> : null}
            {sessions.map((session, index) => {
              const title = t("ui.reg.session", { n: index + 1, title: pickText(session.title) ?? "" });
              return (
                <fieldset key={index}>
                  <legend>{title}</legend>
                  <Field id={`reg-room-${index}`} label={t("ui.reg.roomPlaces")} error={roomError(index)}>
                    {(attrs) => (
                      <input
                        {...attrs}
                        inputMode="numeric"
                        value={form.rooms[index] ?? ""}
                        onInput={(e) => set({ rooms: { ...form.rooms, [index]: e.currentTarget.value } })}
                      />
                    )}
                  </Field>
                  <p class="check">
                    <input
                      type="checkbox"
                      id={`reg-private-${index}`}
                      checked={form.privateSessions.includes(index)}
                      aria-invalid={privateError(index) ? "true" : undefined}
                      onChange={(e) =>
                        set({
                          privateSessions: e.currentTarget.checked
                            ? [...form.privateSessions, index]
                            : form.privateSessions.filter((s) => s !== index),
                        })
                      }
                    />
                    <label for={`reg-private-${index}`}>{t("ui.reg.private")}</label>
                    {privateError(index) ? <span class="error">{privateError(index)}</span> : null}
                  </p>
                </fieldset>
              );
            })}
          </fieldset>
          <Field id="reg-countryQuota" label={t("ui.reg.quota")} error={errors["settings.countryQuota"]}>
            {(attrs) => (
              <input
                {...attrs}
                inputMode="numeric"
                value={form.countryQuota}
                onInput={(e) => set({ countryQuota: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field id="reg-offerWindowHours" label={t("ui.reg.offerWindow")} error={errors["settings.offerWindowHours"]}>
            {(attrs) => (
              <input
                {...attrs}
                inputMode="numeric"
                value={form.offerWindowHours}
                onInput={(e) => set({ offerWindowHours: e.currentTarget.value })}
              />
            )}
          </Field>
          <p>
            <button type="submit" disabled={busy}>
              {label(t(existing ? "ui.reg.save" : "ui.reg.open"), "save")}
            </button>
          </p>
        </form>
      )}
    </>
  );
}

/** The event's own time zone, else its first host's (as the event editor starts it). */
function zoneOf(event: StoredRecord): string {
  if (typeof event.timeZone === "string") return event.timeZone;
  return defaultZone(Array.isArray(event.hostCountries) ? (event.hostCountries as string[]) : []);
}
