/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import { ROLES_FOR } from "../../../functions/src/committee/permissions.js";
import { canTransition, type WorkflowAction } from "../../../functions/src/committee/records/workflow.js";
import { markdownRenderer } from "../../../functions/src/markdown/markdown-render.js";
import { LANGS, type Lang } from "../../../functions/src/model/common.js";
import { DOCUMENT_KINDS, type Document, TRANSLATION_STATUSES } from "../../../functions/src/model/document.js";
import type { DocumentVersion } from "../../../functions/src/model/versions.js";
import { getDocument, listVersions } from "../data.js";
import { check, contentOf, type Form, formOf, type LangForm, merged } from "../document-form.js";
import { pickText, t } from "../i18n/index.js";
import { CallError, call } from "../lib/callables.js";
import { claims } from "../session.js";
import { Field, say } from "../ui.js";
import { LanguageColumns, VersionList, WorkflowPanel } from "./record-parts.js";
import { WordDiff } from "./word-diff.js";

// The public site's own renderer, so a preview is the published page's HTML.
const renderMarkdown = markdownRenderer(__SITE_ORIGIN__);

const ACTIONS = ["submit", "publish", "unpublish", "archive", "softDelete", "undelete"] as const;

interface Conflict {
  /** The version the person started from, what they made of it, and what was saved meanwhile. */
  base: Form;
  mine: Form;
  latest: Document;
}

export function EditorScreen(props: { id?: string }) {
  const who = claims.value;
  const reviewer = who?.role === "committee" || who?.role === "secretariat";
  const [current, setCurrent] = useState<Document | undefined>(undefined);
  const [loaded, setLoaded] = useState(props.id === undefined);
  const [form, setForm] = useState<Form>(formOf(undefined));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Lang | undefined>(undefined);
  const [reason, setReason] = useState("");
  const [versions, setVersions] = useState<DocumentVersion[]>([]);
  const [compare, setCompare] = useState<DocumentVersion | undefined>(undefined);
  const [conflict, setConflict] = useState<Conflict | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = props.id ?? form.id;

  const reload = async (docId: string, keepForm = false) => {
    const d = await getDocument(docId);
    setCurrent(d);
    if (!keepForm) setForm(formOf(d));
    if (reviewer && d) setVersions(await listVersions(docId));
    setLoaded(true);
    return d;
  };
  useEffect(() => {
    if (props.id) reload(props.id).catch((error: unknown) => say((error as Error).message, "error"));
  }, [props.id]);

  // Updates build on the latest state: several inputs may arrive before the next render.
  const setLangField = (l: Lang, field: keyof LangForm, value: string) =>
    setForm((f) => ({ ...f, langs: { ...f.langs, [l]: { ...f.langs[l], [field]: value } } }));
  const setField = (field: Exclude<keyof Form, "langs">, value: string) => setForm((f) => ({ ...f, [field]: value }));

  const refused = (error: unknown) => {
    if (!(error instanceof CallError)) return say((error as Error).message, "error");
    setErrors(error.failure.fields);
    say(error.failure.message, "error");
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const problems = check(form, current === undefined);
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      say(t("ui.ed.fixFirst"), "error");
      document.getElementById(`f-${first.replace(/\./g, "-")}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await call("committee-saveDraft", {
        id,
        ...(current ? { baseVersion: current.version } : {}),
        document: contentOf(form),
      });
      setConflict(undefined);
      if (!props.id) {
        location.hash = `#/documents/${id}`;
      } else {
        await reload(id);
      }
      say(t("ui.ed.saved", { version: result.version, status: t(`ui.status.${result.status}`) }));
    } catch (error) {
      // A stale base version: show the latest beside the person's text, so nothing is lost.
      if (error instanceof CallError && error.failure.details.key === "console.error.stale") {
        const latest = await getDocument(id);
        if (latest) setConflict({ base: formOf(current), mine: form, latest });
      }
      refused(error);
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: WorkflowAction, extra: Record<string, unknown> = {}) => {
    if (!current) return;
    setBusy(true);
    try {
      const result = await call(`committee-${action}`, {
        id: current.id,
        baseVersion: current.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...extra,
      });
      await reload(current.id);
      setCompare(undefined);
      say(
        action === "restoreVersion"
          ? t("ui.hist.restored", { from: String(extra.version), version: result.version })
          : t("ui.ed.saved", { version: result.version, status: t(`ui.status.${result.status}`) }),
      );
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  };

  const reapply = () => {
    if (!conflict) return;
    setCurrent(conflict.latest);
    setForm(merged(conflict.base, conflict.mine, formOf(conflict.latest)));
    setConflict(undefined);
    say(t("ui.conflict.reapplied", { version: conflict.latest.version }));
  };

  if (!loaded) return <p>{t("ui.loading")}</p>;
  const err = (path: string) => errors[path];
  const may = (action: WorkflowAction) =>
    who !== null &&
    ROLES_FOR[`document.${action}`].includes(who.role) &&
    canTransition(action, current?.status ?? "new");

  return (
    <>
      <h1>{current ? t("ui.ed.edit", { title: pickText(current.title) ?? current.id }) : t("ui.ed.new")}</h1>
      {current ? (
        <p>{t("ui.ed.version", { version: current.version, status: t(`ui.status.${current.status}`) })}</p>
      ) : null}

      {conflict ? (
        <section class="conflict card" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("ui.conflict.title")}</h2>
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
          <p>
            <button type="button" onClick={reapply}>
              {t("ui.conflict.reapply")}
            </button>
          </p>
        </section>
      ) : null}

      <form onSubmit={save} noValidate>
        {current ? null : (
          <Field id="f-id" label={t("ui.ed.id")} error={err("id")}>
            {(a) => <input {...a} value={form.id} onInput={(e) => setField("id", e.currentTarget.value)} />}
          </Field>
        )}
        <div class="columns">
          <Field id="f-kind" label={t("ui.docs.kind")} error={err("kind")}>
            {(a) => (
              <select {...a} value={form.kind} onChange={(e) => setField("kind", e.currentTarget.value)}>
                {DOCUMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="f-source" label={t("ui.ed.source")} error={err("source")}>
            {(a) => <input {...a} value={form.source} onInput={(e) => setField("source", e.currentTarget.value)} />}
          </Field>
          <Field id="f-countries" label={t("ui.ed.countries")} error={err("countries") ?? err("countries.0")}>
            {(a) => (
              <input {...a} value={form.countries} onInput={(e) => setField("countries", e.currentTarget.value)} />
            )}
          </Field>
          <Field id="f-topics" label={t("ui.ed.topics")} error={err("topics") ?? err("topics.0")}>
            {(a) => <input {...a} value={form.topics} onInput={(e) => setField("topics", e.currentTarget.value)} />}
          </Field>
        </div>

        <h2>{t("ui.ed.translations")}</h2>
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
              <Field id={`f-title-${l}`} label={`${t("ui.ed.docTitle")} (${l})`} error={err(`title.${l}`)}>
                {(a) => (
                  <input
                    {...a}
                    value={form.langs[l].title}
                    onInput={(e) => setLangField(l, "title", e.currentTarget.value)}
                  />
                )}
              </Field>
              <Field id={`f-summary-${l}`} label={`${t("ui.ed.summary")} (${l})`} error={err(`summary.${l}`)}>
                {(a) => (
                  <textarea
                    {...a}
                    rows={3}
                    value={form.langs[l].summary}
                    onInput={(e) => setLangField(l, "summary", e.currentTarget.value)}
                  />
                )}
              </Field>
              <Field id={`f-body-${l}`} label={`${t("ui.ed.body")} (${l})`} error={err(`body.${l}`)}>
                {(a) => (
                  <textarea
                    {...a}
                    rows={8}
                    value={form.langs[l].body}
                    onInput={(e) => setLangField(l, "body", e.currentTarget.value)}
                  />
                )}
              </Field>
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

        {preview ? (
          <section
            id="preview"
            class="preview card"
            aria-label={t("ui.ed.previewOf", { lang: t(`ui.lang.${preview}`) })}
          >
            <article lang={preview}>
              <h1>{form.langs[preview].title}</h1>
              {form.langs[preview].summary ? <p class="summary">{form.langs[preview].summary}</p> : null}
              {/* markdown-it escapes every character of the source (html: false), as on the site. */}
              <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(form.langs[preview].body) }} />
            </article>
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
          onAct={(action) => act(action as WorkflowAction)}
        />
      ) : null}

      {current && reviewer && versions.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history">{t("ui.hist.title")}</h2>
          <VersionList
            versions={versions}
            current={current.version}
            busy={busy}
            canRestore={may("restoreVersion")}
            onCompare={(version) => setCompare(versions.find((v) => v.version === version))}
            onRestore={(version) => act("restoreVersion", { version })}
          />
          {compare ? (
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
                  <WordDiff
                    label={t("ui.ed.docTitle")}
                    before={compare.record.title[l] ?? ""}
                    after={current.title[l] ?? ""}
                  />
                  <WordDiff
                    label={t("ui.ed.summary")}
                    before={compare.record.summary[l] ?? ""}
                    after={current.summary[l] ?? ""}
                  />
                  <WordDiff
                    label={t("ui.ed.body")}
                    before={compare.record.body[l] ?? ""}
                    after={current.body[l] ?? ""}
                  />
                </section>
              ))}
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
