/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { dayIn } from "../../../functions/src/calendar/days.js";
import { daysRemaining, lastDayOf, termsInForce } from "../../../functions/src/commitment/term.js";
import type { RequestOf } from "../../../functions/src/committee/api.js";
import { mayAttempt } from "../../../functions/src/committee/permissions.js";
import { HANDOVER_ITEMS, type HostingCommitment } from "../../../functions/src/model/commitment.js";
import type { Country } from "../../../functions/src/model/country.js";
import type { Institution } from "../../../functions/src/model/institution.js";
import { type Milestone, nextMilestone } from "../../../functions/src/reminders/commitment-milestones.js";
import { listCommitments, listCountries, listInstitutions } from "../admin-data.js";
import { formatTime, pickText, t } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { type CommitmentCall, call } from "../lib/callables.js";
import { ConfirmBar } from "../lib/confirm.js";
import { countryName, dayName, personName } from "../lib/names.js";
import { Table } from "../lib/table.js";
import { claims } from "../session.js";
import { Field, say, sayFailure } from "../ui.js";

/** "Today" in the person's own calendar, as the days left are counted for them. */
const localToday = (now: Date) => dayIn(now, Intl.DateTimeFormat().resolvedOptions().timeZone);

function milestoneText(m: Milestone): string {
  if (m.kind === "before") return t("ui.admin.host.mBefore", { day: dayName(m.day), days: m.days });
  if (m.kind === "last-day") return t("ui.admin.host.mLast", { day: dayName(m.day) });
  if (m.kind === "lapsed") return t("ui.admin.host.mLapsed", { day: dayName(m.day) });
  return t("ui.admin.host.mHandover", { day: dayName(m.day) });
}

interface HostData {
  commitments: HostingCommitment[];
  countries: Map<string, Country>;
  institutions: Institution[];
}

/** The hosting commitment: term, days left, next reminder, history; the secretariat records changes. */
export function CommitmentScreen() {
  // Whoever the permission table lets record a term (the secretariat) sees the controls.
  const secretariat = claims.value ? mayAttempt(claims.value.role, "commitment.activate") : false;
  const [data, setData] = useState<HostData | undefined>(undefined);
  const load = async () => {
    const [commitments, countries, institutions] = await Promise.all([
      listCommitments(),
      listCountries(),
      listInstitutions(),
    ]);
    setData({
      commitments: commitments.sort((a, b) => (a.termStart ?? "").localeCompare(b.termStart ?? "")),
      countries: new Map(countries.map((c) => [c.id, c])),
      institutions,
    });
  };
  useEffect(() => {
    load().catch(sayFailure);
  }, []);
  if (!data) return <p>{t("ui.loading")}</p>;
  const host = (c: HostingCommitment) => {
    const institution = data.institutions.find((i) => i.id === c.hostInstitutionId);
    const country = countryName(c.hostCountryId);
    return institution ? `${pickText(institution.name) ?? institution.id}, ${country}` : country;
  };
  const current = termsInForce(data.commitments);
  return (
    <>
      <h1>{t("ui.admin.nav.hosting")}</h1>
      {current.length === 0 ? <p>{t("ui.none")}</p> : null}
      {current.map((c) => (
        <Term key={c.id} commitment={c} host={host(c)} data={data} secretariat={secretariat} reload={load} />
      ))}
      <section aria-labelledby="host-history">
        <h2 id="host-history">{t("ui.admin.host.history")}</h2>
        <Table
          stacked
          caption={t("ui.admin.host.history")}
          rows={data.commitments}
          rowKey={(c) => c.id}
          keepEmpty
          columns={[
            { header: t("ui.admin.host.host"), cell: host },
            {
              header: t("ui.admin.host.term"),
              cell: (c) => (c.termStart ? `${dayName(c.termStart)} – ${dayName(lastDayOf(c) ?? c.termStart)}` : "—"),
            },
            { header: t("ui.admin.host.status"), cell: (c) => t(`ui.admin.host.st.${c.status}`) },
            {
              header: t("ui.admin.host.changes"),
              cell: (c) =>
                (c.changes ?? []).map((change) => (
                  <span class="change" key={`${change.action}-${change.atMs}`}>
                    {t(`ui.admin.host.ch.${change.action}`)} · {personName(change.by)} ·{" "}
                    {formatTime(new Date(change.atMs).toISOString())}
                    {change.note ? ` · ${change.note}` : ""}
                  </span>
                )),
            },
          ]}
        />
      </section>
    </>
  );
}

function Term(props: {
  commitment: HostingCommitment;
  host: string;
  data: HostData;
  secretariat: boolean;
  reload: () => Promise<void>;
}) {
  const c = props.commitment;
  const now = new Date();
  const left = daysRemaining(c, now);
  const next = nextMilestone(c, localToday(now));
  const [start, setStart] = useState("");
  const [handover, setHandover] = useState({ hostCountryId: "", hostInstitutionId: "", termStart: "", termMonths: "" });
  const [confirmRenew, setConfirmRenew] = useState(false);
  const { busy, errors, run: act, checked } = useAction();

  // Every refusal stands beside the control that asked (`field`), whatever the callable names.
  const run = <N extends CommitmentCall>(
    name: N,
    payload: Omit<RequestOf<`commitments-${N}`>, "commitmentId">,
    field: string,
    done: string,
  ) =>
    act(
      async () => {
        await call(`commitments-${name}`, { commitmentId: c.id, ...payload } as RequestOf<`commitments-${N}`>);
        say(done);
        await props.reload();
      },
      { at: field },
    ).then(() => setConfirmRenew(false));
  const activate = (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = /^\d{4}-\d{2}-\d{2}$/.test(start)
      ? {}
      : { start: t("ui.admin.host.needDay") };
    if (!checked(problems, t("ui.admin.fixFirst"))) return;
    void run(
      "activateCommitment",
      { termStart: start },
      "start",
      t("ui.admin.host.activated", { day: dayName(start) }),
    );
  };
  const handOver = (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = handover.hostCountryId
      ? {}
      : { hostCountryId: t("ui.admin.seats.pickCountry") };
    if (!checked(problems, t("ui.admin.fixFirst"))) return;
    void run(
      "handOverCommitment",
      {
        hostCountryId: handover.hostCountryId,
        ...(handover.hostInstitutionId ? { hostInstitutionId: handover.hostInstitutionId } : {}),
        ...(handover.termStart ? { termStart: handover.termStart } : {}),
        ...(handover.termMonths ? { termMonths: Number(handover.termMonths) } : {}),
      },
      "hostCountryId",
      t("ui.admin.host.handedOver"),
    );
  };
  const institutions = props.data.institutions.filter(
    (i) => !handover.hostCountryId || i.countryId === handover.hostCountryId,
  );

  return (
    <section class="card" aria-labelledby={`term-${c.id}`}>
      <h2 id={`term-${c.id}`}>{props.host}</h2>
      <dl class="facts">
        <dt>{t("ui.admin.host.status")}</dt>
        <dd>{t(`ui.admin.host.st.${c.status}`)}</dd>
        <dt>{t("ui.admin.host.term")}</dt>
        <dd>
          {c.termStart
            ? t("ui.admin.host.termDates", {
                start: dayName(c.termStart),
                end: dayName(lastDayOf(c) ?? c.termStart),
                months: c.termMonths,
              })
            : t("ui.admin.host.notStarted", { months: c.termMonths })}
        </dd>
        <dt>{t("ui.admin.host.daysLeft")}</dt>
        <dd id={`days-left-${c.id}`}>
          {left === undefined
            ? "—"
            : left >= 0
              ? t("ui.admin.host.left", { days: left })
              : t("ui.admin.host.lapsedSince", { days: -left })}
        </dd>
        <dt>{t("ui.admin.host.nextReminder")}</dt>
        <dd>{next ? milestoneText(next) : "—"}</dd>
      </dl>
      {c.handover ? (
        <fieldset>
          <legend>{t("ui.admin.host.checklist")}</legend>
          {HANDOVER_ITEMS.map((item) => {
            const state = c.handover?.checklist[item];
            return (
              <p key={item} class="check">
                <input
                  type="checkbox"
                  id={`item-${item}`}
                  checked={state?.done ?? false}
                  disabled={!props.secretariat || busy}
                  onChange={(e) =>
                    void run(
                      "setHandoverItem",
                      { item, done: e.currentTarget.checked },
                      `item-${item}`,
                      t("ui.admin.host.itemSaved", { item: t(`ui.admin.host.item.${item}`) }),
                    )
                  }
                />{" "}
                <label for={`item-${item}`}>{t(`ui.admin.host.item.${item}`)}</label>
                {errors[`item-${item}`] ? <span class="error">{errors[`item-${item}`]}</span> : null}
              </p>
            );
          })}
        </fieldset>
      ) : null}
      {!props.secretariat ? (
        <p>{t("ui.admin.host.readOnly")}</p>
      ) : c.status === "offered" ? (
        <form onSubmit={activate} aria-labelledby={`activate-${c.id}`}>
          <h3 id={`activate-${c.id}`}>{t("ui.admin.host.activate")}</h3>
          <Field id="host-start" label={t("ui.admin.host.start")} error={errors.start}>
            {(attrs) => <input {...attrs} type="date" value={start} onInput={(e) => setStart(e.currentTarget.value)} />}
          </Field>
          <p>
            <button type="submit" disabled={busy}>
              {t("ui.admin.host.activateButton")}
            </button>
          </p>
        </form>
      ) : (
        <>
          <section aria-labelledby={`renew-${c.id}`}>
            <h3 id={`renew-${c.id}`}>{t("ui.admin.host.renew")}</h3>
            {confirmRenew ? (
              <ConfirmBar
                question={t("ui.admin.host.renewConfirm", { host: props.host, months: c.termMonths })}
                busy={busy}
                onConfirm={() => void run("renewCommitment", {}, "renew", t("ui.admin.host.renewed"))}
                onCancel={() => setConfirmRenew(false)}
              />
            ) : (
              <p>
                <button type="button" onClick={() => setConfirmRenew(true)}>
                  {t("ui.admin.host.renewButton")}
                </button>
              </p>
            )}
            {errors.renew ? <p class="error">{errors.renew}</p> : null}
          </section>
          <form onSubmit={handOver} aria-labelledby={`handover-${c.id}`}>
            <h3 id={`handover-${c.id}`}>{t("ui.admin.host.handover")}</h3>
            <Field id="handover-country" label={t("ui.admin.host.newCountry")} error={errors.hostCountryId}>
              {(attrs) => (
                <select
                  {...attrs}
                  value={handover.hostCountryId}
                  onChange={(e) => {
                    const hostCountryId = e.currentTarget.value;
                    setHandover((h) => ({ ...h, hostCountryId, hostInstitutionId: "" }));
                  }}
                >
                  <option value="">{t("ui.admin.choose")}</option>
                  {[...props.data.countries.values()]
                    .sort((a, b) => a.id.localeCompare(b.id))
                    .map((country) => (
                      <option key={country.id} value={country.id}>
                        {countryName(country.id)}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            <Field id="handover-institution" label={t("ui.admin.host.newInstitution")}>
              {(attrs) => (
                <select
                  {...attrs}
                  value={handover.hostInstitutionId}
                  onChange={(e) => {
                    const hostInstitutionId = e.currentTarget.value;
                    setHandover((h) => ({ ...h, hostInstitutionId }));
                  }}
                >
                  <option value="">{t("ui.admin.host.noInstitution")}</option>
                  {institutions.map((i) => (
                    <option key={i.id} value={i.id}>
                      {pickText(i.name) ?? i.id}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="handover-start" label={t("ui.admin.host.startOptional")}>
              {(attrs) => (
                <input
                  {...attrs}
                  type="date"
                  value={handover.termStart}
                  onInput={(e) => {
                    const termStart = e.currentTarget.value;
                    setHandover((h) => ({ ...h, termStart }));
                  }}
                />
              )}
            </Field>
            <Field id="handover-months" label={t("ui.admin.host.months")}>
              {(attrs) => (
                <input
                  {...attrs}
                  type="number"
                  min={1}
                  max={120}
                  value={handover.termMonths}
                  onInput={(e) => {
                    const termMonths = e.currentTarget.value;
                    setHandover((h) => ({ ...h, termMonths }));
                  }}
                />
              )}
            </Field>
            <p>
              <button type="submit" disabled={busy}>
                {t("ui.admin.host.handoverButton")}
              </button>
            </p>
          </form>
        </>
      )}
    </section>
  );
}
