/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { ROLES_FOR } from "../../../functions/src/committee/permissions.js";
import { type WorkflowAction as Action, canTransition } from "../../../functions/src/committee/records/workflow.js";
import { LANGS, type Lang, type Publication } from "../../../functions/src/model/common.js";
import { SESSION_TYPES } from "../../../functions/src/model/event.js";
import type { PublicationSchedule } from "../../../functions/src/model/schedule.js";
import { formatTime, pickText, t, type UiKey } from "../i18n/index.js";
import { CallError, call } from "../lib/callables.js";
import {
  checkRecord,
  emptySession,
  FORM_SPECS,
  fieldId,
  type RecordForm,
  recordContentOf,
  recordFormOf,
  type SessionForm,
} from "../record-form.js";
import {
  getRecord,
  getSchedule,
  listRecordVersions,
  type RecordScreen,
  type StoredRecord,
  TYPE_OF,
} from "../records-data.js";
import { claims } from "../session.js";
import { Field, say } from "../ui.js";
import { LanguageColumns, type VersionEntry, VersionList, WorkflowPanel } from "./record-parts.js";
import { WordDiff } from "./word-diff.js";

const ACTIONS = ["submit", "publish", "unpublish", "archive", "softDelete", "undelete"] as const;
const callableOf = (action: Action) =>
  `committee-record${action[0]?.toUpperCase()}${action.slice(1)}` as `committee-record${Capitalize<Action>}`;
type Version = VersionEntry & { record: StoredRecord };

/** The editor of an event, initiative, institution or topic: the document editor's parts, the kind's fields. */
export function RecordEditor(props: { kind: RecordScreen; id?: string }) {
  const { kind } = props;
  const spec = FORM_SPECS[kind];
  const type = TYPE_OF[kind];
  const who = claims.value;
  const reviewer = who?.role === "committee" || who?.role === "secretariat";
  const [current, setCurrent] = useState<StoredRecord | undefined>(undefined);
  const [loaded, setLoaded] = useState(props.id === undefined);
  const [form, setForm] = useState<RecordForm>(recordFormOf(kind, undefined));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const [versions, setVersions] = useState<Version[]>([]);
  const [compare, setCompare] = useState<Version | undefined>(undefined);
  const [schedule, setSchedule] = useState<PublicationSchedule | undefined>(undefined);
  const [scheduleAt, setScheduleAt] = useState("");
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = props.id ?? form.id;
  const state: Publication | "new" = current ? (current.publication ?? "published") : "new";
  const version = current?.version ?? 1;

  const reload = async (recordId: string) => {
    const record = await getRecord(kind, recordId);
    setCurrent(record);
    setForm(recordFormOf(kind, record));
    setStale(false);
    if (reviewer && record) {
      setVersions((await listRecordVersions(kind, recordId)) as Version[]);
      setSchedule(await getSchedule(kind, recordId));
    }
    setLoaded(true);
    if (!record) say(t("ui.rec.noRecord"), "error");
  };
  useEffect(() => {
    if (props.id) reload(props.id).catch((error: unknown) => say((error as Error).message, "error"));
  }, [props.id]);

  const refused = (error: unknown) => {
    if (!(error instanceof CallError)) return say((error as Error).message, "error");
    // The callable names fields inside its payload's `record`; the form names them without it.
    setErrors(
      Object.fromEntries(Object.entries(error.failure.fields).map(([k, v]) => [k.replace(/^record\./, ""), v])),
    );
    if (error.failure.details.key === "console.error.stale") setStale(true);
    say(error.failure.message, "error");
  };
  const run = async (body: () => Promise<void>) => {
    setBusy(true);
    try {
      await body();
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  };

  const save = (event: Event) => {
    event.preventDefault();
    const problems = checkRecord(kind, form, current === undefined, current);
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      say(t("ui.ed.fixFirst"), "error");
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    void run(async () => {
      const result = await call("committee-recordSaveDraft", {
        kind,
        id,
        ...(current ? { baseVersion: version } : {}),
        record: recordContentOf(kind, form, current),
      });
      if (!props.id) location.hash = `#/records/${kind}/${id}`;
      else await reload(id);
      say(t("ui.ed.saved", { version: result.version, status: t(`ui.status.${result.status}`) }));
    });
  };

  const act = (action: Action, extra: Record<string, unknown> = {}) =>
    run(async () => {
      const result = await call(callableOf(action), {
        kind,
        id,
        baseVersion: version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...extra,
      });
      await reload(id);
      setCompare(undefined);
      say(
        action === "restoreVersion"
          ? t("ui.hist.restored", { from: String(extra.version), version: result.version })
          : t("ui.ed.saved", { version: result.version, status: t(`ui.status.${result.status}`) }),
      );
    });

  const scheduleIt = () => {
    if (!scheduleAt) return say(t("ui.rec.schedule.needed"), "error");
    return run(async () => {
      // datetime-local is the reader's own time; the callable takes a moment with its offset.
      const at = new Date(scheduleAt).toISOString();
      await call("committee-schedulePublish", {
        kind,
        id,
        baseVersion: version,
        at,
        ...(reason.trim() ? { reason } : {}),
      });
      await reload(id);
      say(t("ui.rec.schedule.done", { at: formatTime(at) }));
    });
  };
  const cancelIt = () =>
    run(async () => {
      await call("committee-cancelSchedule", { kind, id });
      await reload(id);
      say(t("ui.rec.schedule.cancelled"));
    });

  if (!loaded) return <p>{t("ui.loading")}</p>;
  const err = (path: string) => errors[path];
  const may = (action: Action | "schedulePublish") =>
    who !== null &&
    ROLES_FOR[`${type}.${action}`].includes(who.role) &&
    canTransition(action === "schedulePublish" ? "publish" : action, state);
  const setValue = (name: string, value: string) => setForm((f) => ({ ...f, values: { ...f.values, [name]: value } }));
  const setText = (l: Lang, name: string, value: string) =>
    setForm((f) => ({ ...f, texts: { ...f.texts, [l]: { ...f.texts[l], [name]: value } } }));
  const setSessions = (change: (sessions: SessionForm[]) => SessionForm[]) =>
    setForm((f) => ({ ...f, sessions: change(f.sessions) }));
  const title = current ? pickText((current.title ?? current.name) as Record<string, string>) : undefined;
  const label = (name: string) => t(`ui.rec.f.${name}` as UiKey);

  return (
    <>
      <h1>{current ? t("ui.rec.edit", { title: title ?? id }) : t(`ui.rec.new.${kind}`)}</h1>
      {current ? <p>{t("ui.rec.version", { version, status: t(`ui.status.${state as Publication}`) })}</p> : null}
      {stale ? (
        <p class="card">
          <button type="button" onClick={() => reload(id)}>
            {t("ui.rec.reload")}
          </button>
        </p>
      ) : null}

      <form onSubmit={save} noValidate>
        {current ? null : (
          <Field id={fieldId("id")} label={t("ui.rec.f.id")} error={err("id")}>
            {(a) => <input {...a} value={form.id} onInput={(e) => setForm({ ...form, id: e.currentTarget.value })} />}
          </Field>
        )}
        <div class="columns">
          {spec.fields.map((f) => (
            <Field
              key={f.name}
              id={fieldId(f.name)}
              label={f.type === "list" ? t("ui.rec.listHint", { label: label(f.name) }) : label(f.name)}
              error={err(f.name) ?? err(`${f.name}.0`)}
            >
              {(a) =>
                f.type === "select" ? (
                  <select {...a} value={form.values[f.name]} onChange={(e) => setValue(f.name, e.currentTarget.value)}>
                    {(f.options ?? []).map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...a}
                    inputMode={f.type === "number" ? "numeric" : undefined}
                    value={form.values[f.name]}
                    onInput={(e) => setValue(f.name, e.currentTarget.value)}
                  />
                )
              }
            </Field>
          ))}
        </div>

        <h2>{t("ui.rec.languages")}</h2>
        <LanguageColumns legend={(l) => t(`ui.lang.${l}`)}>
          {(l) =>
            spec.localized.map((f) => (
              <Field
                key={f.name}
                id={fieldId(`${f.name}.${l}`)}
                label={`${label(f.name)} (${l})`}
                error={err(`${f.name}.${l}`)}
              >
                {(a) =>
                  f.long ? (
                    <textarea
                      {...a}
                      rows={3}
                      value={form.texts[l][f.name]}
                      onInput={(e) => setText(l, f.name, e.currentTarget.value)}
                    />
                  ) : (
                    <input
                      {...a}
                      value={form.texts[l][f.name]}
                      onInput={(e) => setText(l, f.name, e.currentTarget.value)}
                    />
                  )
                }
              </Field>
            ))
          }
        </LanguageColumns>

        {spec.sessions ? (
          <section aria-labelledby="sessions">
            <h2 id="sessions">{t("ui.rec.sessions")}</h2>
            <ol class="sessions">
              {form.sessions.map((s, i) => {
                const n = i + 1;
                const update = (next: Partial<SessionForm>) =>
                  setSessions((all) => all.map((x, j) => (j === i ? { ...x, ...next } : x)));
                const move = (to: number) =>
                  setSessions((all) => {
                    const copy = [...all];
                    const [moved] = copy.splice(i, 1);
                    if (moved) copy.splice(to, 0, moved);
                    return copy;
                  });
                return (
                  <li key={`${i}-${s.type}`} class="card">
                    <fieldset>
                      <legend>{t("ui.rec.session", { n })}</legend>
                      <Field
                        id={fieldId(`sessions.${i}.type`)}
                        label={t("ui.rec.session.type")}
                        error={err(`sessions.${i}.type`)}
                      >
                        {(a) => (
                          <select {...a} value={s.type} onChange={(e) => update({ type: e.currentTarget.value })}>
                            {SESSION_TYPES.map((o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <div class="columns">
                        {LANGS.map((l) => (
                          <Field
                            key={l}
                            id={fieldId(`sessions.${i}.title.${l}`)}
                            label={`${label("title")} (${l})`}
                            error={err(`sessions.${i}.title.${l}`)}
                          >
                            {(a) => (
                              <input
                                {...a}
                                lang={l}
                                value={s.title[l]}
                                onInput={(e) => update({ title: { ...s.title, [l]: e.currentTarget.value } })}
                              />
                            )}
                          </Field>
                        ))}
                      </div>
                      <Field
                        id={fieldId(`sessions.${i}.topicIds`)}
                        label={t("ui.rec.listHint", { label: t("ui.rec.session.topicIds") })}
                        error={err(`sessions.${i}.topicIds`) ?? err(`sessions.${i}.topicIds.0`)}
                      >
                        {(a) => (
                          <input
                            {...a}
                            value={s.topicIds}
                            onInput={(e) => update({ topicIds: e.currentTarget.value })}
                          />
                        )}
                      </Field>
                      <p class="actions">
                        <button type="button" class="secondary" disabled={i === 0} onClick={() => move(i - 1)}>
                          {t("ui.rec.session.up", { n })}
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          disabled={i === form.sessions.length - 1}
                          onClick={() => move(i + 1)}
                        >
                          {t("ui.rec.session.down", { n })}
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          onClick={() => setSessions((all) => all.filter((_, j) => j !== i))}
                        >
                          {t("ui.rec.session.remove", { n })}
                        </button>
                      </p>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <p>
              <button type="button" class="secondary" onClick={() => setSessions((all) => [...all, emptySession()])}>
                {t("ui.rec.session.add")}
              </button>
            </p>
          </section>
        ) : null}

        <p class="actions">
          {may("saveDraft") ? (
            <button type="submit" disabled={busy}>
              {t("ui.ed.save")}
            </button>
          ) : null}
        </p>
      </form>

      {current ? (
        <WorkflowPanel
          actions={ACTIONS.filter(may)}
          busy={busy}
          reason={reason}
          setReason={setReason}
          onAct={(action) => act(action as Action)}
        >
          {reviewer ? (
            <section aria-labelledby="schedule-title">
              <h3 id="schedule-title">{t("ui.rec.schedule.title")}</h3>
              <p>
                {schedule
                  ? t("ui.rec.schedule.pending", { at: formatTime(schedule.at), version: schedule.version })
                  : t("ui.rec.schedule.none")}
              </p>
              {may("schedulePublish") ? (
                <>
                  <p class="field">
                    <label for="r-schedule-at">{t("ui.rec.schedule.at")}</label>
                    <input
                      id="r-schedule-at"
                      type="datetime-local"
                      value={scheduleAt}
                      onInput={(e) => setScheduleAt(e.currentTarget.value)}
                    />
                  </p>
                  <p>
                    <button type="button" disabled={busy} onClick={scheduleIt}>
                      {t("ui.rec.schedule.button")}
                    </button>
                  </p>
                </>
              ) : null}
              {schedule ? (
                <p>
                  <button type="button" class="secondary" disabled={busy} onClick={cancelIt}>
                    {t("ui.rec.schedule.cancel")}
                  </button>
                </p>
              ) : null}
            </section>
          ) : null}
        </WorkflowPanel>
      ) : null}

      {current && reviewer && versions.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history">{t("ui.hist.title")}</h2>
          <VersionList
            versions={versions}
            current={version}
            busy={busy}
            canRestore={may("restoreVersion")}
            onCompare={(v) => setCompare(versions.find((x) => x.version === v))}
            onRestore={(v) => act("restoreVersion", { version: v })}
          />
          {compare ? <RecordDiff kind={kind} before={compare} after={current} /> : null}
        </section>
      ) : null}
    </>
  );
}

/** A version against the current record: each text per language, then the other fields. */
function RecordDiff(props: { kind: RecordScreen; before: Version; after: StoredRecord }) {
  const spec = FORM_SPECS[props.kind];
  const { before, after } = props;
  const other = (r: StoredRecord) => {
    const { id: _i, version: _v, publication: _p, ...rest } = r;
    for (const f of spec.localized) delete rest[f.name];
    return JSON.stringify(rest, null, 1);
  };
  const to = after.version ?? 1;
  return (
    <div class="card">
      {LANGS.map((l) => (
        <section key={l} lang={l} aria-label={t("ui.hist.diff", { from: before.version, to, lang: t(`ui.lang.${l}`) })}>
          <h3>{t("ui.hist.diff", { from: before.version, to, lang: t(`ui.lang.${l}`) })}</h3>
          {spec.localized.map((f) => (
            <WordDiff
              key={f.name}
              label={t(`ui.rec.f.${f.name}` as UiKey)}
              before={String((before.record[f.name] as Record<string, string> | undefined)?.[l] ?? "")}
              after={String((after[f.name] as Record<string, string> | undefined)?.[l] ?? "")}
            />
          ))}
        </section>
      ))}
      <WordDiff label={t("ui.rec.otherFields")} before={other(before.record)} after={other(after)} />
    </div>
  );
}
