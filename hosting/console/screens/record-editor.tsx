/** @jsxImportSource preact */
import { useState } from "preact/hooks";
import type { WorkflowAction as Action } from "../../../functions/src/committee/records/workflow.js";
import { timeZoneName } from "../../../functions/src/i18n/format.js";
import { LANGS, type Lang, type Publication, type Translations } from "../../../functions/src/model/common.js";
import { SESSION_TYPES } from "../../../functions/src/model/event.js";
import type { PublicationSchedule } from "../../../functions/src/model/schedule.js";
import { formatTime, lang, pickText, t, type UiKey } from "../i18n/index.js";
import { call } from "../lib/callables.js";
import { ChoiceField } from "../lib/choice-field.js";
import { type ChoiceList, idsOf, textOf, useChoices } from "../lib/choices.js";
import { PartialDateField, TimeZoneField } from "../lib/date-field.js";
import { defaultZone, instantOf, personZone } from "../lib/dates.js";
import { IdField, idIsFree, useIdFromTitle, useIdStatus } from "../lib/id-field.js";
import { countryName, dayName, optionName, recordName } from "../lib/names.js";
import {
  checkRecord,
  emptySession,
  type FieldSpec,
  FORM_SPECS,
  fieldId,
  mergedRecord,
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
import { statusField, withFormStatuses, withStatuses } from "../translation-form.js";
import { Field, say } from "../ui.js";
import { EditorShell, useEditor } from "./editor-shell.js";
import { LanguageColumns, type VersionEntry } from "./record-parts.js";
import { OutdatedNote, StatusPicker } from "./translation-status.js";
import { WordDiff } from "./word-diff.js";

const callableOf = (action: Action) =>
  `committee-record${action[0]?.toUpperCase()}${action.slice(1)}` as `committee-record${Capitalize<Action>}`;
type Version = VersionEntry & { record: StoredRecord };

/** The editor of an event, initiative, institution or topic: the shared editor, the kind's fields. */
export function RecordEditor(props: { kind: RecordScreen; id?: string }) {
  const { kind } = props;
  const spec = FORM_SPECS[kind];
  const type = TYPE_OF[kind];
  const [schedule, setSchedule] = useState<PublicationSchedule | undefined>(undefined);
  const [scheduleAt, setScheduleAt] = useState("");
  const [scheduleZone, setScheduleZone] = useState(personZone);
  const editor = useEditor<StoredRecord, RecordForm, Version>({
    id: props.id,
    get: (id) => getRecord(kind, id),
    history: async (id) => (await listRecordVersions(kind, id)) as Version[],
    onLoad: async (id, record, reviewer) => {
      if (reviewer && record) setSchedule(await getSchedule(kind, id));
      if (!record) say(t("ui.rec.noRecord"), "error");
    },
    formOf: (record) => withStatuses(recordFormOf(kind, record), record),
    idOf: (form) => form.id,
    versionOf: (record) => record.version ?? 1,
    stateOf: (record) => (record ? (record.publication ?? "published") : "new"),
    check: (form, record) => checkRecord(kind, form, record === undefined, record),
    idFree: (id) => idIsFree(kind, id),
    fieldId,
    merged: mergedRecord,
    href: (id) => `#/records/${kind}/${id}`,
    permission: (action) => `${type}.${action}`,
    save: (target, form, record) =>
      call("committee-recordSaveDraft", {
        kind,
        ...target,
        record: withFormStatuses(recordContentOf(kind, form, record), form),
      }),
    act: (action, payload) => call(callableOf(action), { kind, ...payload }),
  });
  const { id, current, version, state, form, setForm, errors, busy, run, reason } = editor;

  const scheduleIt = () => {
    // The wall clock in the chosen zone; the callable takes the instant.
    const instant = instantOf(scheduleAt, scheduleZone);
    if (!instant) return say(t("ui.rec.schedule.needed"), "error");
    // Only a stored record (one with a version) offers scheduling.
    if (version === undefined) return;
    return run(async () => {
      const at = instant.toISOString();
      await call("committee-schedulePublish", {
        kind,
        id,
        baseVersion: version,
        at,
        ...(reason.trim() ? { reason } : {}),
      });
      await editor.reload(id);
      say(t("ui.rec.schedule.done", { at: formatTime(at) }));
    });
  };
  const cancelIt = () =>
    run(async () => {
      await call("committee-cancelSchedule", { kind, id });
      await editor.reload(id);
      say(t("ui.rec.schedule.cancelled"));
    });

  const err = (path: string) => errors[path];
  const setValue = (name: string, value: string) => setForm((f) => ({ ...f, values: { ...f.values, [name]: value } }));
  const setText = (l: Lang, name: string, value: string) =>
    setForm((f) => ({ ...f, texts: { ...f.texts, [l]: { ...f.texts[l], [name]: value } } }));
  const setSessions = (change: (sessions: SessionForm[]) => SessionForm[]) =>
    setForm((f) => ({ ...f, sessions: change(f.sessions) }));
  const title = current ? pickText((current.title ?? current.name) as Record<string, string>) : undefined;
  const label = (name: string) => t(`ui.rec.f.${name}` as UiKey);
  const lists: Record<ChoiceList, ReturnType<typeof useChoices>> = {
    countries: useChoices("countries"),
    institutions: useChoices("institutions"),
    topics: useChoices("topics"),
    events: undefined,
  };
  const isNew = props.id === undefined;
  const titleField = spec.localized[0]?.name ?? "title";
  const idFromTitle = useIdFromTitle(isNew, form.texts.es[titleField] || form.texts.en[titleField] || "", (slug) =>
    setForm((f) => ({ ...f, id: slug })),
  );
  const idStatus = useIdStatus(kind, form.id, isNew);
  // A date known to the day needs its zone: it starts as the first host's, else the person's.
  const setDate = (name: string, value: string) =>
    setForm((f) => {
      const values = { ...f.values, [name]: value };
      if ("timeZone" in values && !values.timeZone && value.length >= 10) {
        values.timeZone = defaultZone(idsOf(values.hostCountries ?? ""));
      }
      return { ...f, values };
    });

  return (
    <EditorShell
      editor={editor}
      title={current ? t("ui.rec.edit", { title: title ?? id }) : t(`ui.rec.new.${kind}`)}
      status={
        current
          ? t("ui.rec.version", { version: version ?? 1, status: t(`ui.status.${state as Publication}`) })
          : undefined
      }
      conflictTitle={t("ui.rec.conflict")}
      conflictBody={(conflict) => <RecordConflict kind={kind} latest={conflict.latest} mine={conflict.mine} />}
      diff={(before, after) => <RecordDiff kind={kind} before={before} after={after} />}
      workflow={
        editor.reviewer ? (
          <section aria-labelledby="schedule-title">
            <h3 id="schedule-title">{t("ui.rec.schedule.title")}</h3>
            <p>
              {schedule
                ? t("ui.rec.schedule.pending", { at: formatTime(schedule.at), version: schedule.version })
                : t("ui.rec.schedule.none")}
            </p>
            {editor.may("publish", `${type}.schedulePublish`) ? (
              <>
                <p class="field">
                  <label for="r-schedule-at">{t("ui.rec.schedule.at")}</label>
                  <input
                    id="r-schedule-at"
                    type="datetime-local"
                    value={scheduleAt}
                    aria-describedby={instantOf(scheduleAt, scheduleZone) ? "r-schedule-at-local" : undefined}
                    onInput={(e) => setScheduleAt(e.currentTarget.value)}
                  />
                  {instantOf(scheduleAt, scheduleZone) ? (
                    <span class="hint" id="r-schedule-at-local">
                      {t("ui.date.yourTime", {
                        zone: timeZoneName(personZone(), lang.value),
                        at: formatTime(instantOf(scheduleAt, scheduleZone)?.toISOString()),
                      })}
                    </span>
                  ) : null}
                </p>
                <TimeZoneField id="r-schedule-zone" value={scheduleZone} onChange={setScheduleZone} />
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
        ) : null
      }
    >
      <div class="columns">
        {spec.fields.map((f) =>
          f.choices ? (
            <ChoiceField
              key={f.name}
              id={fieldId(f.name)}
              label={t(`ui.form.${f.name}` as UiKey)}
              options={lists[f.choices]}
              value={
                f.type === "list"
                  ? idsOf(form.values[f.name] ?? "")
                  : form.values[f.name]
                    ? [form.values[f.name] ?? ""]
                    : []
              }
              onChange={(ids) => setValue(f.name, f.type === "list" ? textOf(ids) : (ids[ids.length - 1] ?? ""))}
              multiple={f.type === "list"}
              error={err(f.name) ?? err(`${f.name}.0`)}
            />
          ) : f.type === "date" ? (
            <PartialDateField
              key={f.name}
              id={fieldId(f.name)}
              label={t(`ui.date.${f.name}` as UiKey)}
              value={form.values[f.name] ?? ""}
              onChange={(value) => setDate(f.name, value)}
              zone={form.values.timeZone}
              error={err(f.name)}
            />
          ) : f.type === "zone" ? (
            <TimeZoneField
              key={f.name}
              id={fieldId(f.name)}
              value={form.values[f.name] ?? ""}
              onChange={(zone) => setValue(f.name, zone)}
              error={err(f.name)}
            />
          ) : (
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
                        {optionName(f.name, o)}
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
          ),
        )}
      </div>

      <h2>{t("ui.rec.languages")}</h2>
      <OutdatedNote
        translations={current?.translations as Translations | undefined}
        originalChangedAt={current?.originalChangedAt as string | undefined}
      />
      <LanguageColumns legend={(l) => t(`ui.lang.${l}`)}>
        {(l) => [
          <StatusPicker
            key="status"
            lang={l}
            value={form.values[statusField(l)] ?? ""}
            onChange={(value) => setValue(statusField(l), value)}
          />,
          ...spec.localized.map((f) => (
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
          )),
        ]}
      </LanguageColumns>

      {isNew ? (
        <IdField
          id={fieldId("id")}
          value={form.id}
          status={idStatus}
          error={err("id")}
          onInput={(value) => {
            idFromTitle.onEdit();
            setForm((f) => ({ ...f, id: value }));
            // What was said of the old id no longer holds; the new one is checked as it is typed.
            editor.setErrors(({ id: _old, ...rest }) => rest);
          }}
        />
      ) : null}

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
                              {optionName("type", o)}
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
                    <ChoiceField
                      id={fieldId(`sessions.${i}.topicIds`)}
                      label={t("ui.form.sessionTopics")}
                      options={lists.topics}
                      value={idsOf(s.topicIds)}
                      onChange={(ids) => update({ topicIds: textOf(ids) })}
                      error={err(`sessions.${i}.topicIds`) ?? err(`sessions.${i}.topicIds.0`)}
                    />
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
    </EditorShell>
  );
}

/** The latest version beside the person's text, each language's texts, then the other fields word by word. */
function RecordConflict(props: { kind: RecordScreen; latest: StoredRecord; mine: RecordForm }) {
  const spec = FORM_SPECS[props.kind];
  const latest = recordFormOf(props.kind, props.latest);
  const version = props.latest.version ?? 1;
  const textsOf = (form: RecordForm, l: Lang) =>
    spec.localized
      .map((f) => form.texts[l][f.name] ?? "")
      .filter(Boolean)
      .join("\n");
  const otherOf = (form: RecordForm) => namedFields(props.kind, form);
  return (
    <>
      <div class="columns">
        {(["latest", "mine"] as const).map((side) => {
          const form = side === "latest" ? latest : props.mine;
          return (
            <div key={side}>
              <h3>{side === "latest" ? t("ui.conflict.latest", { version }) : t("ui.conflict.mine")}</h3>
              {LANGS.filter((l) => textsOf(form, l)).map((l) => (
                <p key={l} lang={l} class="pre">
                  {textsOf(form, l)}
                </p>
              ))}
            </div>
          );
        })}
      </div>
      {LANGS.filter((l) => textsOf(latest, l) || textsOf(props.mine, l)).map((l) => (
        <WordDiff
          key={l}
          label={`${t(`ui.lang.${l}`)}: ${t("ui.conflict.latest", { version })} → ${t("ui.conflict.mine")}`}
          before={textsOf(latest, l)}
          after={textsOf(props.mine, l)}
        />
      ))}
      <WordDiff label={t("ui.rec.otherFields")} before={otherOf(latest)} after={otherOf(props.mine)} />
    </>
  );
}

/** A record's name among those of a choice list: a country's, else a record's title. */
const choiceName = (list: ChoiceList, id: string) => (list === "countries" ? countryName(id) : recordName(list, id));

/**
 * A record's fields other than its texts, one "Field: value" line each and then one per session,
 * every value named as the form shows it (countries, institutions, kinds, dates, the zone), so a
 * comparison of two versions reads as words rather than the stored codes.
 */
function namedFields(kind: RecordScreen, form: RecordForm): string {
  const named = (f: FieldSpec, raw: string) => {
    if (raw.trim() === "") return "—";
    if (f.type === "list")
      return idsOf(raw)
        .map((id) => (f.choices ? choiceName(f.choices, id) : id))
        .join(", ");
    if (f.choices) return choiceName(f.choices, raw);
    if (f.type === "select") return optionName(f.name, raw);
    if (f.type === "date") return dayName(raw);
    if (f.type === "zone") return timeZoneName(raw, lang.value);
    return raw;
  };
  const fields = FORM_SPECS[kind].fields.map(
    (f) => `${t(`ui.rec.f.${f.name}` as UiKey)}: ${named(f, form.values[f.name] ?? "")}`,
  );
  const sessions = form.sessions.map((session, index) =>
    [
      t("ui.rec.session", { n: index + 1 }),
      optionName("type", session.type),
      pickText(session.title) ?? "",
      idsOf(session.topicIds)
        .map((id) => recordName("topics", id))
        .join(", "),
    ]
      .filter(Boolean)
      .join(" · "),
  );
  return [...fields, ...sessions].join("\n");
}

/** A version against the current record: each text per language, then the other fields. */
function RecordDiff(props: { kind: RecordScreen; before: Version; after: StoredRecord }) {
  const spec = FORM_SPECS[props.kind];
  const { before, after } = props;
  const other = (r: StoredRecord) => namedFields(props.kind, recordFormOf(props.kind, r));
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
