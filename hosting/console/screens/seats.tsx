/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { RequestOf } from "../../../functions/src/committee/api.js";
import { mayAttempt } from "../../../functions/src/committee/permissions.js";
import type { CommitteeSeat, SeatOverride } from "../../../functions/src/model/committee.js";
import type { Country } from "../../../functions/src/model/country.js";
import type { Event as NetworkEvent } from "../../../functions/src/model/event.js";
import { listCountries, listEvents, listSeatOverrides, listSeats } from "../admin-data.js";
import { formatTime, pickText, t } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { call } from "../lib/callables.js";
import { countryName, dayName } from "../lib/names.js";
import { Table } from "../lib/table.js";
import { claims } from "../session.js";
import { Field, say, sayFailure } from "../ui.js";

interface SeatsData {
  seats: CommitteeSeat[];
  overrides: SeatOverride[];
  countries: Map<string, Country>;
  events: Map<string, NetworkEvent>;
}

/** The Executive Committee's seats and why each is held; the secretariat sets one by hand. */
export function SeatsScreen() {
  const who = claims.value;
  const secretariat = who ? mayAttempt(who.role, "seat.set") : false;
  const [data, setData] = useState<SeatsData | undefined>(undefined);
  const [country, setCountry] = useState("");
  const [decision, setDecision] = useState("add");
  const [reason, setReason] = useState("");
  const { busy, errors, run, checked } = useAction();
  const load = async () => {
    if (!who) return;
    const [seats, overrides, countries, events] = await Promise.all([
      listSeats(),
      listSeatOverrides(),
      listCountries(),
      listEvents(who),
    ]);
    setData({
      seats: seats.sort((a, b) => a.countryId.localeCompare(b.countryId)),
      overrides: overrides.sort((a, b) => a.countryId.localeCompare(b.countryId)),
      countries: new Map(countries.map((c) => [c.id, c])),
      events: new Map(events.map((e) => [e.id, e])),
    });
  };
  useEffect(() => {
    load().catch(sayFailure);
  }, []);
  if (!data) return <p>{t("ui.loading")}</p>;
  const basis = (seat: CommitteeSeat) => {
    if (seat.basis === "manual") return t("ui.admin.seats.manual", { reason: seat.reason ?? "" });
    const event = seat.eventId ? data.events.get(seat.eventId) : undefined;
    const name = pickText(event?.title) ?? seat.eventId ?? "";
    return t(seat.basis === "hosted" ? "ui.admin.seats.hosted" : "ui.admin.seats.willHost", { event: name });
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!country) problems.countryId = t("ui.admin.seats.pickCountry");
    if (reason.trim().length < 3) problems.reason = t("ui.admin.reasonRequired");
    if (!checked(problems, t("ui.admin.fixFirst"))) return;
    void run(
      async () => {
        const result = await call("committee-setSeat", {
          countryId: country,
          decision: decision as RequestOf<"committee-setSeat">["decision"],
          reason: reason.trim(),
        });
        say(t(result.seat ? "ui.admin.seats.nowHolds" : "ui.admin.seats.nowNone", { country: countryName(country) }));
        setReason("");
        await load();
      },
      { fallback: "countryId" },
    );
  };

  return (
    <>
      <h1>{t("ui.admin.nav.seats")}</h1>
      <p>{t("ui.admin.seats.rule")}</p>
      <Table
        stacked
        caption={t("ui.admin.seats.current")}
        rows={data.seats}
        rowKey={(seat) => seat.countryId}
        keepEmpty
        columns={[
          { header: t("ui.admin.col.country"), cell: (seat) => countryName(seat.countryId) },
          { header: t("ui.admin.seats.basis"), cell: basis },
          { header: t("ui.admin.seats.since"), cell: (seat) => dayName(seat.since) },
        ]}
      />
      <section aria-labelledby="seats-overrides">
        <h2 id="seats-overrides">{t("ui.admin.seats.overrides")}</h2>
        {data.overrides.length === 0 ? (
          <p>{t("ui.none")}</p>
        ) : (
          <ul>
            {data.overrides.map((o) => (
              <li key={o.countryId}>
                {t(o.seat ? "ui.admin.seats.overrideAdd" : "ui.admin.seats.overrideRemove", {
                  country: countryName(o.countryId),
                  reason: o.reason,
                  when: formatTime(o.at),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {secretariat ? (
        <form class="card" onSubmit={submit} aria-labelledby="seats-set">
          <h2 id="seats-set">{t("ui.admin.seats.set")}</h2>
          <Field id="seat-countryId" label={t("ui.admin.col.country")} error={errors.countryId}>
            {(attrs) => (
              <select {...attrs} value={country} onChange={(e) => setCountry(e.currentTarget.value)}>
                <option value="">{t("ui.admin.choose")}</option>
                {[...data.countries.values()]
                  .sort((a, b) => a.id.localeCompare(b.id))
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {countryName(c.id)}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field id="seat-decision" label={t("ui.admin.seats.decision")} error={errors.decision}>
            {(attrs) => (
              <select {...attrs} value={decision} onChange={(e) => setDecision(e.currentTarget.value)}>
                <option value="add">{t("ui.admin.seats.add")}</option>
                <option value="remove">{t("ui.admin.seats.remove")}</option>
                <option value="rule">{t("ui.admin.seats.backToRule")}</option>
              </select>
            )}
          </Field>
          <Field id="seat-reason" label={t("ui.admin.reason")} error={errors.reason}>
            {(attrs) => (
              <textarea {...attrs} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            )}
          </Field>
          <p>
            <button type="submit" disabled={busy}>
              {t("ui.admin.seats.save")}
            </button>
          </p>
        </form>
      ) : (
        <p>{t("ui.admin.seats.readOnly")}</p>
      )}
    </>
  );
}
