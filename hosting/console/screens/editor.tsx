/** @jsxImportSource preact */
import { useState } from "preact/hooks";
import { markdownRenderer } from "../../../functions/src/markdown/markdown-render.js";
import { LANGS, type Lang } from "../../../functions/src/model/common.js";
import { DOCUMENT_KINDS, type Document, TRANSLATION_STATUSES } from "../../../functions/src/model/document.js";
import type { DocumentVersion } from "../../../functions/src/model/versions.js";
import { getDocument, listVersions } from "../data.js";
import { check, contentOf, type Form, formOf, type LangForm, merged } from "../document-form.js";
import { pickText, t } from "../i18n/index.js";
import { call } from "../lib/callables.js";
import { ChoiceField } from "../lib/choice-field.js";
import { idsOf, textOf, useChoices } from "../lib/choices.js";
import { IdField, idIsFree, useIdFromTitle, useIdStatus } from "../lib/id-field.js";
import { kindName } from "../lib/names.js";
import { Field } from "../ui.js";
import { EditorShell, useEditor } from "./editor-shell.js";
import { LanguageColumns, type Notice, SubscriberNotice } from "./record-parts.js";
import { OutdatedNote } from "./translation-status.js";
import { WordDiff } from "./word-diff.js";

// The public site's own renderer, so a preview is the published page's HTML.
const renderMarkdown = markdownRenderer(__SITE_ORIGIN__);

export function EditorScreen(props: { id?: string }) {
  const [notice, setNotice] = useState<Notice>({ wanted: false, reason: "" });
  const editor = useEditor<Document, Form, DocumentVersion>({
    id: props.id,
    get: getDocument,
    history: listVersions,
    formOf,
    idOf: (form) => form.id,
    versionOf: (d) => d.version,
    stateOf: (d) => d?.status ?? "new",
    check: (form, d) => check(form, d === undefined),
    idFree: (id) => idIsFree("documents", id),
    fieldId: (path) => `f-${path.replace(/\./g, "-")}`,
    merged,
    href: (id) => `#/documents/${id}`,
    permission: (action) => `document.${action}`,
    save: (target, form) => call("committee-saveDraft", { ...target, document: contentOf(form) }),
    act: (action, payload) => call(`committee-${action}`, payload),
    extraFor: (action) =>
      action === "publish" && notice.wanted ? { notifySubscribers: { reason: notice.reason.trim() } } : {},
  });
  const { current, form, setForm, errors } = editor;
  const [preview, setPreview] = useState<Lang | undefined>(undefined);

  // Updates build on the latest state: several inputs may arrive before the next render.
  const setLangField = (l: Lang, field: keyof LangForm, value: string) =>
    setForm((f) => ({ ...f, langs: { ...f.langs, [l]: { ...f.langs[l], [field]: value } } }));
  const setField = (field: Exclude<keyof Form, "langs">, value: string) => setForm((f) => ({ ...f, [field]: value }));
  const err = (path: string) => errors[path];
  const isNew = props.id === undefined;
  const id = useIdFromTitle(isNew, form.langs.es.title || form.langs.en.title, (slug) =>
    setForm((f) => ({ ...f, id: slug })),
  );
  const idStatus = useIdStatus("documents", form.id, isNew);
  const countries = useChoices("countries");
  const topics = useChoices("topics");
  const events = useChoices("events");
  /** A language's title (one line), summary or body (`rows` lines). */
  const langText = (l: Lang, field: "title" | "summary" | "body", label: string, rows?: number) => (
    <Field id={`f-${field}-${l}`} label={`${label} (${l})`} error={err(`${field}.${l}`)}>
      {(a) =>
        rows ? (
          <textarea
            {...a}
            rows={rows}
            value={form.langs[l][field]}
            onInput={(e) => setLangField(l, field, e.currentTarget.value)}
          />
        ) : (
          <input {...a} value={form.langs[l][field]} onInput={(e) => setLangField(l, field, e.currentTarget.value)} />
        )
      }
    </Field>
  );

  return (
    <EditorShell
      editor={editor}
      title={current ? t("ui.ed.edit", { title: pickText(current.title) ?? current.id }) : t("ui.ed.new")}
      status={
        current ? t("ui.ed.version", { version: current.version, status: t(`ui.status.${current.status}`) }) : undefined
      }
      workflow={
        // Only a document published before sends its news again on request; a first publication always does.
        current?.publishedOn !== undefined && editor.may("publish") ? (
          <SubscriberNotice notice={notice} setNotice={setNotice} />
        ) : undefined
      }
      conflictTitle={t("ui.conflict.title")}
      conflictBody={(conflict) => (
        <>
          <div class="columns">
            {(["latest", "mine"] as const).map((side) => {
              const text = side === "latest" ? formOf(conflict.latest) : conflict.mine;
              return (
                <div key={side}>
                  <h3>
                    {side === "latest"
                      ? t("ui.conflict.latest", { version: conflict.latest.version })
                      : t("ui.conflict.mine")}
                  </h3>
                  {LANGS.filter((l) => text.langs[l].title || text.langs[l].body).map((l) => (
                    <div key={l} lang={l}>
                      <h4>{text.langs[l].title}</h4>
                      <p class="pre">{text.langs[l].body}</p>
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
          {LANGS.filter((l) => conflict.latest.body[l] !== undefined || conflict.mine.langs[l].body).map((l) => (
            <WordDiff
              key={l}
              label={`${t(`ui.lang.${l}`)}: ${t("ui.conflict.latest", { version: conflict.latest.version })} → ${t("ui.conflict.mine")}`}
              before={conflict.latest.body[l] ?? ""}
              after={conflict.mine.langs[l].body}
            />
          ))}
        </>
      )}
      diff={(compare, current) => <DocumentDiff before={compare} after={current} />}
    >
      <div class="columns">
        <Field id="f-kind" label={t("ui.docs.kind")} error={err("kind")}>
          {(a) => (
            <select {...a} value={form.kind} onChange={(e) => setField("kind", e.currentTarget.value)}>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="f-source" label={t("ui.ed.source")} error={err("source")}>
          {(a) => <input {...a} value={form.source} onInput={(e) => setField("source", e.currentTarget.value)} />}
        </Field>
        <ChoiceField
          id="f-countries"
          label={t("ui.form.countries")}
          options={countries}
          value={idsOf(form.countries)}
          onChange={(ids) => setField("countries", textOf(ids))}
          error={err("countries") ?? err("countries.0")}
        />
        <ChoiceField
          id="f-topics"
          label={t("ui.form.topics")}
          options={topics}
          value={idsOf(form.topics)}
          onChange={(ids) => setField("topics", textOf(ids))}
          error={err("topics") ?? err("topics.0")}
        />
        <ChoiceField
          id="f-eventId"
          label={t("ui.form.event")}
          options={events}
          value={form.eventId ? [form.eventId] : []}
          onChange={(ids) => setField("eventId", ids[ids.length - 1] ?? "")}
          multiple={false}
          error={err("eventId")}
        />
      </div>

      <h2>{t("ui.ed.translations")}</h2>
      <OutdatedNote translations={current?.translations} originalChangedAt={current?.originalChangedAt} />
      <LanguageColumns legend={(l) => `${t(`ui.lang.${l}`)} · ${t(`ui.tr.${form.langs[l].status}`)}`}>
        {(l) => (
          <>
            <Field id={`f-translations-${l}`} label={t("ui.ed.trStatus")} error={err(`translations.${l}`)}>
              {(a) => (
                <select
                  {...a}
                  value={form.langs[l].status}
                  onChange={(e) => setLangField(l, "status", e.currentTarget.value)}
                >
                  {TRANSLATION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`ui.tr.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {langText(l, "title", t("ui.ed.docTitle"))}
            {langText(l, "summary", t("ui.ed.summary"), 3)}
            {langText(l, "body", t("ui.ed.body"), 8)}
            <p>
              <button
                type="button"
                class="secondary"
                aria-expanded={preview === l}
                aria-controls="preview"
                onClick={() => setPreview(preview === l ? undefined : l)}
              >
                {preview === l ? t("ui.ed.hidePreview") : `${t("ui.ed.preview")} (${l})`}
              </button>
            </p>
          </>
        )}
      </LanguageColumns>

      {isNew ? (
        <IdField
          id="f-id"
          value={form.id}
          status={idStatus}
          error={err("id")}
          onInput={(value) => {
            id.onEdit();
            setField("id", value);
            // What was said of the old id no longer holds; the new one is checked as it is typed.
            editor.setErrors(({ id: _old, ...rest }) => rest);
          }}
        />
      ) : null}

      {preview ? (
        <section id="preview" class="preview card" aria-label={t("ui.ed.previewOf", { lang: t(`ui.lang.${preview}`) })}>
          <article lang={preview}>
            <h1>{form.langs[preview].title}</h1>
            {form.langs[preview].summary ? <p class="summary">{form.langs[preview].summary}</p> : null}
            {/* markdown-it escapes every character of the source (html: false), as on the site. */}
            <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(form.langs[preview].body) }} />
          </article>
        </section>
      ) : null}
    </EditorShell>
  );
}

/** A version against the current document: title, summary and body per language, word by word. */
function DocumentDiff(props: { before: DocumentVersion; after: Document }) {
  const { before: compare, after: current } = props;
  return (
    <div class="card">
      {LANGS.filter((l) => compare.record.body[l] !== undefined || current.body[l] !== undefined).map((l) => (
        <section
          key={l}
          lang={l}
          aria-label={t("ui.hist.diff", {
            from: compare.version,
            to: current.version,
            lang: t(`ui.lang.${l}`),
          })}
        >
          <h3>{t("ui.hist.diff", { from: compare.version, to: current.version, lang: t(`ui.lang.${l}`) })}</h3>
          <WordDiff label={t("ui.ed.docTitle")} before={compare.record.title[l] ?? ""} after={current.title[l] ?? ""} />
          <WordDiff
            label={t("ui.ed.summary")}
            before={compare.record.summary[l] ?? ""}
            after={current.summary[l] ?? ""}
          />
          <WordDiff label={t("ui.ed.body")} before={compare.record.body[l] ?? ""} after={current.body[l] ?? ""} />
        </section>
      ))}
    </div>
  );
}
