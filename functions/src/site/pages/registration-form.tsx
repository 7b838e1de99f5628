import type { Firestore } from "firebase-admin/firestore";
import { partialDateToUtc } from "../../calendar/partial-date.js";
import { formatMoment, offeredTimeZones, timeZoneOptions } from "../../i18n/format.js";
import { pick } from "../../i18n/index.js";
import { type Event, LANGS, type RegistrationSettings } from "../../model/index.js";
import { type EventRefusal, eventRefusal } from "../../registration/eligibility.js";
import { registerPath } from "../../registration/links.js";
import { seatsLeft } from "../../registration/seats.js";
import { registrationCounters, registrationSettings } from "../../registration/store.js";
import { ErrorSummary } from "../components/error-summary.js";
import { Layout } from "../components/layout.js";
import { href, type PageContext } from "../context.js";

/** What the event page says about registration: the committee's settings, and the places left. */
export interface RegistrationPanel {
  settings: RegistrationSettings;
  placesLeft: number;
  /** Seats left in each session's own room (by session index), read with the places left. */
  seatsLeft?: Map<number, number>;
  /** Why the event takes no registration now; undefined while it is open. */
  refusal: EventRefusal | undefined;
}

/**
 * The event's registration settings and counter, read when the page is rendered. Undefined for
 * an event the committee never opened to registration: its page says nothing about it.
 */
export async function loadRegistrationPanel(
  db: Firestore,
  event: Event,
  now: Date,
): Promise<RegistrationPanel | undefined> {
  const [settings, counter] = await Promise.all([
    registrationSettings(db).doc(event.id).get(),
    registrationCounters(db).doc(event.id).get(),
  ]);
  const found = settings.data();
  if (!found) return undefined;
  const held = counter.data()?.placesHeld ?? 0;
  return {
    settings: found,
    placesLeft: Math.max(0, found.places - held),
    seatsLeft: seatsLeft(found, counter.data()?.seatsHeld ?? {}),
    refusal: eventRefusal(event, found, now),
  };
}

/**
 * Whether an event's page may be kept in an instance's page cache: only once nothing about its
 * registration can change any more (past, cancelled). Until then the places left and the
 * committee's opening must show within the CDN's lifetime, not when the public view next changes.
 */
export function eventPageIsSettled(event: Event, now: Date): boolean {
  const refusal = eventRefusal(event, undefined, now);
  return refusal === "past" || refusal === "cancelled";
}

/** What a visitor typed, kept when the form comes back with an error. */
export interface RegistrationValues {
  name: string;
  address: string;
  institution: string;
  country: string;
  category: string;
  lang: string;
  timeZone: string;
  sessions: string[];
  consent: boolean;
}

export type RegistrationField = Exclude<keyof RegistrationValues, "consent"> | "form";

/** An error of the registration form, in the page's language, and the field it concerns. */
export interface RegistrationError {
  field: RegistrationField;
  message: string;
}

/** The zones offered for the person's own time: every zone, and the event's if the runtime lists it under another code. */
export function timeZoneChoices(eventZone: string | undefined): readonly string[] {
  const zones = offeredTimeZones();
  return eventZone && !zones.includes(eventZone) ? [eventZone, ...zones] : zones;
}

/** An instant as the visitor reads it, in the event's own time zone, the zone named. */
export function formatInZone(atMs: number, ctx: PageContext, timeZone: string): string {
  return formatMoment(atMs, ctx.lang, timeZone);
}

/** The sentence that says why an event takes no registration, in the page's language. */
export function refusalSentence(
  ctx: PageContext,
  refusal: EventRefusal,
  settings?: RegistrationSettings,
  zone = "UTC",
) {
  const { t } = ctx;
  if (refusal === "notYetOpen" && settings)
    return t("regform.state.notYetOpen", { date: formatInZone(settings.opensAtMs, ctx, zone) });
  if (refusal === "closed" && settings)
    return t("regform.state.closed", { date: formatInZone(settings.closesAtMs, ctx, zone) });
  if (refusal === "unknownEvent" || refusal === "unpublished") return t("regform.state.unpublished");
  if (refusal === "notYetOpen" || refusal === "closed") return t("regform.state.notOpen");
  return t(`regform.state.${refusal}`);
}

/**
 * The sessions a person may tick: those with a room of their own. Never a private one: its places
 * come only through an accredited delegation, never from this form (docs/registration.md).
 */
export function sessionChoices(event: Event, settings: RegistrationSettings): number[] {
  return settings.sessionRooms
    .map((room) => room.session)
    .filter((index) => index < event.sessions.length && !settings.privateSessions.includes(index))
    .sort((a, b) => a - b);
}

/** The event's private sessions that exist: the form says they are not its to give. */
export function privateSessionsShown(event: Event, settings: RegistrationSettings): number[] {
  return settings.privateSessions.filter((index) => index < event.sessions.length);
}

/** The event's first day, when the zones' offsets matter to the person; today for an undated event. */
const eventStart = (event: Event) => (event.start ? partialDateToUtc(event.start) : new Date());

function FieldError(props: { id: string; error: RegistrationError | undefined }) {
  return props.error ? (
    <>
      <br />
      <strong id={props.id}>{props.error.message}</strong>
    </>
  ) : null;
}

/** The form itself: a plain POST form, so it works without JavaScript. */
function RegistrationFormFields(props: {
  ctx: PageContext;
  event: Event;
  panel: RegistrationPanel;
  values?: RegistrationValues;
  errors: RegistrationError[];
}) {
  const { ctx, event, panel, errors } = props;
  const { t, data, lang } = ctx;
  const { settings } = panel;
  const values = props.values;
  const errorOf = (field: RegistrationField) => errors.find((e) => e.field === field);
  const invalid = (field: RegistrationField) =>
    errorOf(field) ? { "aria-invalid": "true", "aria-describedby": `reg-${field}-error` } : {};
  const collator = new Intl.Collator(lang);
  const countries = [...data.countries.values()]
    .map((country) => ({ code: country.id, name: pick(country.name, lang).text }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const zone = values?.timeZone || event.timeZone || "UTC";
  const chosenLang = values?.lang ?? lang;
  const rooms = new Map(settings.sessionRooms.map((room) => [room.session, room.places]));
  const sessions = sessionChoices(event, settings);
  const privateCount = privateSessionsShown(event, settings).length;
  const text = (field: "name" | "address" | "institution", label: string, type: string, max: number, auto: string) => (
    <p>
      <label for={`reg-${field}`}>{label}</label>
      <br />
      <input
        id={`reg-${field}`}
        name={field}
        type={type}
        autocomplete={auto}
        required
        maxlength={max}
        value={values?.[field] ?? ""}
        {...invalid(field)}
      />
      <FieldError id={`reg-${field}-error`} error={errorOf(field)} />
    </p>
  );
  return (
    <form method="post" action={registerPath(lang, event.id)}>
      {text("name", t("regform.field.name"), "text", 200, "name")}
      {text("address", t("regform.field.address"), "email", 254, "email")}
      {text("institution", t("regform.field.institution"), "text", 300, "organization")}
      <p>
        <label for="reg-country">{t("regform.field.country")}</label>
        <br />
        <select id="reg-country" name="country" required {...invalid("country")}>
          <option value="">{t("regform.field.countryChoose")}</option>
          {countries.map((country) => (
            <option value={country.code} selected={country.code === values?.country}>
              {country.name}
            </option>
          ))}
        </select>
        <FieldError id="reg-country-error" error={errorOf("country")} />
      </p>
      <fieldset {...invalid("category")}>
        <legend>{t("regform.field.category")}</legend>
        {settings.categories.map((category, index) => (
          <p>
            <input
              type="radio"
              id={`reg-category-${category}`}
              name="category"
              value={category}
              required
              checked={values ? values.category === category : index === 0}
            />{" "}
            <label for={`reg-category-${category}`}>{t(`regform.category.${category}`)}</label>
          </p>
        ))}
        <FieldError id="reg-category-error" error={errorOf("category")} />
      </fieldset>
      {sessions.length > 0 ? (
        <fieldset {...invalid("sessions")}>
          <legend>{t("regform.field.sessions")}</legend>
          <p>{t("regform.field.sessionsHint")}</p>
          {sessions.map((index) => {
            const session = event.sessions[index];
            const places = rooms.get(index);
            const left = panel.seatsLeft?.get(index) ?? places ?? 0;
            const note =
              places === undefined
                ? undefined
                : left > 0
                  ? t("regform.room.seatsLeft", { count: left, places })
                  : t("regform.room.full");
            const title = session ? pick(session.title, lang).text : String(index + 1);
            return (
              <p>
                <input
                  type="checkbox"
                  id={`reg-session-${index}`}
                  name="sessions"
                  value={String(index)}
                  checked={values?.sessions.includes(String(index)) ?? false}
                />{" "}
                <label for={`reg-session-${index}`}>
                  {title}
                  {note && !title.includes(note) ? ` (${note})` : null}
                </label>
              </p>
            );
          })}
          <FieldError id="reg-sessions-error" error={errorOf("sessions")} />
        </fieldset>
      ) : null}
      {privateCount > 0 ? (
        <p id="reg-private">
          {t(privateCount === 1 ? "regform.session.privateOne" : "regform.session.privateMany")}
          {sessions.length === 0 ? <FieldError id="reg-sessions-error" error={errorOf("sessions")} /> : null}
        </p>
      ) : null}
      <p>
        <label for="reg-lang">{t("regform.field.lang")}</label>
        <br />
        <select id="reg-lang" name="lang" {...invalid("lang")}>
          {LANGS.map((other) => (
            <option value={other} lang={other} selected={other === chosenLang}>
              {t(`lang.${other}`)}
            </option>
          ))}
        </select>
        <FieldError id="reg-lang-error" error={errorOf("lang")} />
      </p>
      <p>
        <label for="reg-timeZone">{t("regform.field.timeZone")}</label>
        <br />
        <select id="reg-timeZone" name="timeZone" {...invalid("timeZone")}>
          {timeZoneOptions(timeZoneChoices(event.timeZone), lang, eventStart(event)).map((choice) => (
            <option value={choice.zone} selected={choice.zone === zone}>
              {choice.label}
            </option>
          ))}
        </select>
        <FieldError id="reg-timeZone-error" error={errorOf("timeZone")} />
      </p>
      <p>
        <input type="checkbox" id="reg-consent" name="consent" value="yes" checked={values?.consent ?? false} />{" "}
        <label for="reg-consent">{t("regform.field.consent")}</label>
      </p>
      <p>
        <button type="submit">{t("regform.submit")}</button>
      </p>
      <p>{t("regform.privacy")}</p>
    </form>
  );
}

/**
 * The event page's registration section: the form while registration is open, with the places
 * left or the notice that it joins the waiting list; otherwise the sentence that says why not.
 */
export function RegistrationSection(props: {
  ctx: PageContext;
  event: Event;
  panel: RegistrationPanel | undefined;
  values?: RegistrationValues;
  errors?: RegistrationError[];
}) {
  const { ctx, event, panel } = props;
  if (!panel) return null;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const zone = event.timeZone ?? "UTC";
  return (
    <section aria-labelledby="registration">
      <h2 id="registration">{t("regform.title")}</h2>
      {panel.refusal ? (
        <p>{refusalSentence(ctx, panel.refusal, panel.settings, zone)}</p>
      ) : (
        <>
          <p>{t("regform.intro")}</p>
          <p>
            <strong>
              {panel.placesLeft > 0
                ? t("regform.placesLeft", { count: panel.placesLeft, places: panel.settings.places })
                : t("regform.full")}
            </strong>{" "}
            {t("regform.freshness")}
          </p>
          <p>{t("regform.closesAt", { date: formatInZone(panel.settings.closesAtMs, ctx, zone) })}</p>
          <ErrorSummary title={t("regform.error.summary")} errors={errors} level={3} />
          <RegistrationFormFields ctx={ctx} event={event} panel={panel} values={props.values} errors={errors} />
        </>
      )}
    </section>
  );
}

/** The form again, after a refused field: the event's title, the errors beside their fields, what was typed. */
export function RegistrationFormPage(props: {
  ctx: PageContext;
  event: Event;
  panel: RegistrationPanel;
  values: RegistrationValues;
  errors: RegistrationError[];
}) {
  const { ctx, event } = props;
  const title = pick(event.title, ctx.lang).text;
  return (
    <Layout ctx={ctx} title={`${ctx.t("regform.title")}: ${title}`} noindex>
      <h1>{title}</h1>
      <RegistrationSection {...props} />
      <p>
        <a href={href(ctx, `/events/${encodeURIComponent(event.id)}`)}>{ctx.t("regform.back")}</a>
      </p>
    </Layout>
  );
}
