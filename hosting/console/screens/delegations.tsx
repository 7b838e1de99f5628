/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { ResultOf } from "../../../functions/src/committee/api.js";
import { mayAttempt } from "../../../functions/src/committee/permissions.js";
import { LANGS, type Lang } from "../../../functions/src/model/common.js";
import {
  awaitingAccreditation,
  type Delegate,
  type DelegateInput,
  type Delegation,
} from "../../../functions/src/model/delegation.js";
import { formatTime, t } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { call } from "../lib/callables.js";
import { ConfirmDialog } from "../lib/confirm-dialog.js";
import { countryName, languageName, recordName } from "../lib/names.js";
import { Table } from "../lib/table.js";
import { claims } from "../session.js";
import { Field, say, sayFailure } from "../ui.js";

type EventDelegations = ResultOf<"delegations-list">["events"][number];

const inputOf = (person: Delegate): DelegateInput => ({
  name: person.name,
  address: person.address,
  institution: person.institution,
  lang: person.lang,
  role: person.role,
});
// An accredited delegation takes new people too (each awaiting accreditation); only a submitted one waits.
const editable = (delegation: Delegation | undefined) => delegation?.state !== "submitted";
/** The person's answer, and whether they still await the secretariat's accreditation. */
const answerOf = (person: Delegate) =>
  person.awaitingAccreditation
    ? t("ui.deleg.awaitingMark", { answer: t(`ui.deleg.a.${person.state}`) })
    : t(`ui.deleg.a.${person.state}`);

/**
 * Delegations per event taking registrations: a country's representatives name their own
 * country's (add, remove, submit; within the quota; once accredited, add more); the committee and
 * the secretariat see every country's and its state; the secretariat accredits or returns a
 * submitted one, and accredits the people added to an accredited one.
 */
export function DelegationsScreen() {
  const who = claims.value;
  const [events, setEvents] = useState<EventDelegations[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const load = async () => {
    try {
      setEvents((await call("delegations-list", {})).events);
    } catch (error) {
      setFailed(true);
      sayFailure(error);
    }
  };
  useEffect(() => {
    void load();
  }, []);
  if (!who) return null;
  if (failed && !events) return <p>{t("ui.deleg.loadFailed")}</p>;
  if (!events) return <p>{t("ui.loading")}</p>;
  const namer = who.countryId !== undefined && mayAttempt(who.role, "delegation.save");
  const everyCountry = who.role === "committee" || who.role === "secretariat";
  const accrediting = mayAttempt(who.role, "delegation.accredit");
  return (
    <>
      <h1>{t("ui.deleg.title")}</h1>
      <p>{t("ui.deleg.intro")}</p>
      {events.length === 0 ? <p>{t("ui.deleg.noEvents")}</p> : null}
      {events.map((event) => (
        <section key={event.eventId} aria-labelledby={`deleg-${event.eventId}`}>
          <h2 id={`deleg-${event.eventId}`}>{recordName("events", event.eventId)}</h2>
          <p>
            {event.open
              ? t("ui.deleg.closes", { when: formatTime(new Date(event.closesAtMs).toISOString()) })
              : t("ui.deleg.notOpenYet")}{" "}
            {event.quota === null ? t("ui.deleg.noQuota") : t("ui.deleg.quota", { quota: event.quota })}
          </p>
          {namer && who.countryId ? (
            <OwnDelegation
              event={event}
              country={who.countryId}
              delegation={event.delegations.find((d) => d.country === who.countryId)}
              reload={load}
            />
          ) : null}
          {everyCountry ? <EveryCountry event={event} accrediting={accrediting} reload={load} /> : null}
        </section>
      ))}
    </>
  );
}

const stateName = (state: Delegation["state"]) => t(`ui.deleg.s.${state}`);

function OwnDelegation(props: {
  event: EventDelegations;
  country: string;
  delegation: Delegation | undefined;
  reload: () => Promise<void>;
}) {
  const { event, country, delegation } = props;
  const people = delegation?.people ?? [];
  const open = event.open && editable(delegation);
  const { busy, errors, run, checked, label } = useAction();
  const empty: DelegateInput = { name: "", address: "", institution: "", lang: "es", role: "delegate" };
  const [draft, setDraft] = useState<DelegateInput>(empty);
  const [withdrawing, setWithdrawing] = useState<Delegate | undefined>(undefined);
  const prefix = `deleg-${event.eventId}`;
  const idOf = (path: string) => `${prefix}-${path.replace(/^people\.\d+\./, "")}`;
  const save = (next: DelegateInput[], done: (invited: number) => string) =>
    run(
      async () => {
        const result = await call("delegations-save", { eventId: event.eventId, country, people: next });
        say(done(result.invited));
        await props.reload();
        // The button pressed (a row's Remove) may be gone: the focus goes where the next person is
        // typed, or, once the quota is full and the form gone, to the sentence saying so.
        requestAnimationFrame(() =>
          (document.getElementById(`${prefix}-name`) ?? document.getElementById(`${prefix}-full`))?.focus(),
        );
      },
      { fallback: "name", idOf },
    );
  const add = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    for (const field of ["name", "address", "institution"] as const)
      if (!draft[field].trim()) problems[field] = t("ui.deleg.required");
    if (!checked(problems, t("ui.deleg.fixFirst"), idOf)) return;
    const saved = await save([...people.map(inputOf), draft], (count) => t("ui.deleg.saved", { count }));
    if (saved) setDraft(empty);
  };
  const withdraw = async (person: Delegate) => {
    const done = await run(
      async () => {
        await call("delegations-withdraw", { eventId: event.eventId, country, personId: person.id });
        say(t("ui.deleg.withdrawn", { name: person.name }));
        await props.reload();
        // The row and its button are gone: the focus goes back to the delegation's heading.
        requestAnimationFrame(() => document.getElementById(`${prefix}-own`)?.focus());
      },
      { pending: t("ui.pending.withdrawing"), pendingOn: `withdraw-${person.id}` },
    );
    // Refused (someone else withdrew them first, the event started): back where the person was.
    if (!done) document.getElementById(`${prefix}-withdraw-${person.id}`)?.focus();
  };
  const count = people.length;
  // Against the quota, as the callables count it: someone who declined no longer uses a place.
  const counted = people.filter((person) => person.state !== "declined").length;
  const full = event.quota !== null && counted >= event.quota;
  const countryLabel = countryName(country);
  const accredited = delegation?.state === "accredited";
  const awaiting = delegation ? awaitingAccreditation(delegation).length : 0;
  return (
    <div class="card">
      <h3 id={`${prefix}-own`} tabIndex={-1}>
        {t("ui.deleg.own", { country: countryLabel })}
      </h3>
      {withdrawing ? (
        <ConfirmDialog
          id={`${prefix}-withdrawal`}
          title={t("ui.deleg.w.title", { name: withdrawing.name })}
          lines={[
            t("ui.deleg.w.what", { name: withdrawing.name, country: countryLabel }),
            ...(withdrawing.state === "accepted" ? [t("ui.deleg.w.accepted", { name: withdrawing.name })] : []),
            ...(withdrawing.role === "head" && delegation?.state !== "accredited"
              ? [t("ui.deleg.w.head", { name: withdrawing.name })]
              : []),
            ...(delegation?.state === "submitted" ? [t("ui.deleg.w.submitted")] : []),
            ...(delegation?.state === "accredited" ? [t("ui.deleg.w.accredited")] : []),
            t("ui.deleg.w.undo", { name: withdrawing.name }),
          ]}
          confirm={t("ui.deleg.w.confirm", { name: withdrawing.name })}
          keep={t("ui.deleg.w.keep", { name: withdrawing.name })}
          returnFocusTo={`${prefix}-withdraw-${withdrawing.id}`}
          onConfirm={() => void withdraw(withdrawing)}
          onClose={() => setWithdrawing(undefined)}
        />
      ) : null}
      <p>
        {delegation ? t("ui.deleg.state", { state: stateName(delegation.state) }) : null}{" "}
        {event.quota === null
          ? t("ui.deleg.countNoQuota", { count })
          : t("ui.deleg.count", { count: counted, quota: event.quota })}
        {awaiting > 0 ? ` ${t("ui.deleg.awaitingCount", { count: awaiting })}` : null}
      </p>
      {delegation?.state === "returned" && delegation.returnReason ? (
        <p>{t("ui.deleg.returned", { reason: delegation.returnReason })}</p>
      ) : null}
      {count === 0 ? (
        <p>{t("ui.deleg.empty")}</p>
      ) : (
        <Table
          stacked
          caption={t("ui.deleg.people", { country: countryLabel })}
          rows={people}
          rowKey={(person) => person.id}
          columns={[
            { header: t("ui.deleg.col.name"), cell: (person) => person.name },
            { header: t("ui.deleg.col.email"), cell: (person) => person.address },
            { header: t("ui.deleg.col.institution"), cell: (person) => person.institution },
            { header: t("ui.deleg.col.lang"), cell: (person) => languageName(person.lang) },
            { header: t("ui.deleg.col.role"), cell: (person) => t(`ui.deleg.r.${person.role}`) },
            { header: t("ui.deleg.col.answer"), cell: answerOf },
            {
              header: t("ui.deleg.col.actions"),
              // While the list is the country's to edit, someone who has not accepted is simply
              // removed; anyone else is withdrawn, after the dialog says what that does. Once
              // accredited, only someone still awaiting accreditation is simply removed.
              cell: (person: Delegate) =>
                open && person.state !== "accepted" && (!accredited || person.awaitingAccreditation) ? (
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy}
                    onClick={() =>
                      void save(people.filter((p) => p.id !== person.id).map(inputOf), () =>
                        t("ui.deleg.removed", { name: person.name }),
                      )
                    }
                  >
                    {t("ui.deleg.remove", { name: person.name })}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="secondary"
                    id={`${prefix}-withdraw-${person.id}`}
                    disabled={busy}
                    onClick={() => setWithdrawing(person)}
                  >
                    {label(t("ui.deleg.withdraw", { name: person.name }), `withdraw-${person.id}`)}
                  </button>
                ),
            },
          ]}
        />
      )}
      {open && full ? (
        <p id={`${prefix}-full`} tabIndex={-1}>
          {t("ui.deleg.full")}
        </p>
      ) : null}
      {open ? (
        <>
          {accredited ? <p>{t("ui.deleg.addAccredited")}</p> : null}
          {full ? null : (
            <form onSubmit={add} aria-labelledby={`${prefix}-add`}>
              <h4 id={`${prefix}-add`}>{t("ui.deleg.add")}</h4>
              <Field id={`${prefix}-name`} label={t("ui.deleg.col.name")} error={errors.name}>
                {(attrs) => (
                  <input
                    {...attrs}
                    value={draft.name}
                    autocomplete="off"
                    onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id={`${prefix}-address`} label={t("ui.deleg.col.email")} error={errors.address}>
                {(attrs) => (
                  <input
                    {...attrs}
                    type="email"
                    value={draft.address}
                    autocomplete="off"
                    onInput={(e) => setDraft({ ...draft, address: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id={`${prefix}-institution`} label={t("ui.deleg.col.institution")} error={errors.institution}>
                {(attrs) => (
                  <input
                    {...attrs}
                    value={draft.institution}
                    onInput={(e) => setDraft({ ...draft, institution: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id={`${prefix}-lang`} label={t("ui.deleg.col.lang")} error={errors.lang}>
                {(attrs) => (
                  <select
                    {...attrs}
                    value={draft.lang}
                    onChange={(e) => setDraft({ ...draft, lang: e.currentTarget.value as Lang })}
                  >
                    {LANGS.map((l) => (
                      <option key={l} value={l}>
                        {languageName(l)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={`${prefix}-role`} label={t("ui.deleg.col.role")} error={errors.role}>
                {(attrs) => (
                  <select
                    {...attrs}
                    value={draft.role}
                    onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as DelegateInput["role"] })}
                  >
                    <option value="delegate">{t("ui.deleg.r.delegate")}</option>
                    <option value="head">{t("ui.deleg.r.head")}</option>
                  </select>
                )}
              </Field>
              <p>
                <button type="submit" disabled={busy}>
                  {t("ui.deleg.addButton")}
                </button>
              </p>
            </form>
          )}
          {count > 0 && !accredited ? (
            <>
              <p>{t("ui.deleg.submitHelp")}</p>
              <p>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      await call("delegations-submit", { eventId: event.eventId, country });
                      say(t("ui.deleg.submitted", { country: countryLabel }));
                      await props.reload();
                    })
                  }
                >
                  {t("ui.deleg.submit")}
                </button>
              </p>
            </>
          ) : null}
        </>
      ) : delegation?.state === "submitted" ? (
        <p>{t("ui.deleg.locked")}</p>
      ) : null}
    </div>
  );
}

function EveryCountry(props: { event: EventDelegations; accrediting: boolean; reload: () => Promise<void> }) {
  const { event, accrediting } = props;
  const { busy, errors, run, checked, label } = useAction();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const decide = (delegation: Delegation, decision: "accredit" | "return") => {
    const country = countryName(delegation.country);
    const again = delegation.state === "accredited";
    const reason = (reasons[delegation.country] ?? "").trim();
    if (decision === "return") {
      const problems: Record<string, string> =
        reason.length < 3 ? { [delegation.country]: t("ui.deleg.reasonRequired") } : {};
      if (!checked(problems, t("ui.deleg.fixFirst"), (c) => `return-${event.eventId}-${c}`)) return;
    }
    void run(
      async () => {
        await call("delegations-decide", {
          eventId: event.eventId,
          country: delegation.country,
          decision,
          ...(decision === "return" ? { reason } : {}),
        });
        say(
          t(decision === "return" ? "ui.deleg.wasReturned" : again ? "ui.deleg.accreditedNew" : "ui.deleg.accredited", {
            country,
          }),
        );
        await props.reload();
      },
      {
        at: delegation.country,
        pending: t(decision === "accredit" ? "ui.pending.accrediting" : "ui.pending.returning"),
        pendingOn: `${decision}-${delegation.country}`,
      },
    );
  };
  const count = (d: Delegation, state: Delegate["state"]) => d.people.filter((p) => p.state === state).length;
  return (
    <div>
      <h3>{t("ui.deleg.every")}</h3>
      {event.delegations.length === 0 ? (
        <p>{t("ui.deleg.none")}</p>
      ) : (
        <Table
          caption={t("ui.deleg.every")}
          stacked
          rows={event.delegations}
          rowKey={(d) => d.country}
          columns={[
            { header: t("ui.deleg.col.country"), cell: (d) => countryName(d.country) },
            {
              header: t("ui.deleg.col.state"),
              cell: (d) => {
                const awaiting = awaitingAccreditation(d).length;
                return awaiting > 0
                  ? `${stateName(d.state)}. ${t("ui.deleg.awaitingCount", { count: awaiting })}`
                  : stateName(d.state);
              },
            },
            {
              // The secretariat accredits people, not a count: each one named, head first.
              header: t("ui.deleg.col.people"),
              cell: (d) => (
                <ul class="deleg-people">
                  {[...d.people]
                    .sort((a, b) => Number(b.role === "head") - Number(a.role === "head"))
                    .map((person) => (
                      <li key={person.id}>
                        {t("ui.deleg.person", {
                          name: person.name,
                          role: t(`ui.deleg.r.${person.role}`),
                          institution: person.institution,
                          answer: answerOf(person),
                        })}
                      </li>
                    ))}
                </ul>
              ),
            },
            {
              header: t("ui.deleg.col.answers"),
              cell: (d) =>
                t("ui.deleg.answers", {
                  accepted: count(d, "accepted"),
                  invited: count(d, "invited"),
                  declined: count(d, "declined"),
                }),
            },
            ...(accrediting
              ? [
                  {
                    header: t("ui.deleg.col.actions"),
                    cell: (d: Delegation) =>
                      d.state === "submitted" ? (
                        <>
                          <button type="button" disabled={busy} onClick={() => decide(d, "accredit")}>
                            {label(
                              t("ui.deleg.accredit", { country: countryName(d.country) }),
                              `accredit-${d.country}`,
                            )}
                          </button>
                          <Field
                            id={`return-${event.eventId}-${d.country}`}
                            label={t("ui.deleg.returnReason", { country: countryName(d.country) })}
                            error={errors[d.country]}
                          >
                            {(attrs) => (
                              <input
                                {...attrs}
                                value={reasons[d.country] ?? ""}
                                onInput={(e) => setReasons({ ...reasons, [d.country]: e.currentTarget.value })}
                              />
                            )}
                          </Field>
                          <button type="button" class="secondary" disabled={busy} onClick={() => decide(d, "return")}>
                            {label(t("ui.deleg.return", { country: countryName(d.country) }), `return-${d.country}`)}
                          </button>
                        </>
                      ) : awaitingAccreditation(d).length > 0 ? (
                        <button type="button" disabled={busy} onClick={() => decide(d, "accredit")}>
                          {label(
                            t("ui.deleg.accreditNew", { country: countryName(d.country) }),
                            `accredit-${d.country}`,
                          )}
                        </button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
    </div>
  );
}
