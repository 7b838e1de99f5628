/** @jsxImportSource preact */
import { signal } from "@preact/signals";
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { type Lang, PUBLICATION_STATES, type Translations } from "../../../functions/src/model/common.js";
import { t } from "../i18n/index.js";
import { FilterChoice, FilterInput, Filters, matchesSearch } from "../lib/filters.js";
import { countryName, titleOf } from "../lib/names.js";
import { Table } from "../lib/table.js";
import { listRecords, RECORD_SCREENS, type RecordScreen, type StoredRecord } from "../records-data.js";
import { claims } from "../session.js";
import { sayFailure } from "../ui.js";
import { TranslationStatuses } from "./translation-status.js";

const recordTitle = (r: StoredRecord) => titleOf(r) ?? r.id;
const countriesOf = (r: StoredRecord) =>
  [
    ...(Array.isArray(r.hostCountries) ? (r.hostCountries as string[]) : []),
    ...(typeof r.countryId === "string" ? [r.countryId] : []),
  ]
    .map((code) => countryName(code))
    .join(", ");

/** The navigation entries of the records screens. */
export const recordNavLinks = (): [string, string][] =>
  RECORD_SCREENS.map((kind) => [`/records/${kind}`, t(`ui.rec.nav.${kind}`)]);

const ROUTE = /^\/records\/(events|initiatives|institutions|topics)(?:\/([a-z0-9-]+))?$/;
/** Whether a route is one of the records screens. */
export const isRecordRoute = (path: string) => ROUTE.test(path);

// The editor brings the schemas' checks and the diff; it loads when first opened, as the document editor does.
type EditorProps = { kind: RecordScreen; id?: string };
const Editor = signal<ComponentType<EditorProps> | undefined>(undefined);

/** The list of a kind, or its editor (a record, or "new"). */
export function RecordsScreen(props: { path: string }) {
  const [, kind, id] = ROUTE.exec(props.path) ?? [];
  const editing = id !== undefined;
  useEffect(() => {
    if (editing && !Editor.value) void import("./record-editor.js").then((m) => (Editor.value = m.RecordEditor));
  }, [editing]);
  if (!kind) return null;
  if (editing) {
    const Loaded = Editor.value;
    return Loaded ? (
      <Loaded key={props.path} kind={kind as RecordScreen} id={id === "new" ? undefined : id} />
    ) : (
      <p>{t("ui.loading")}</p>
    );
  }
  return <RecordList key={kind} kind={kind as RecordScreen} />;
}

function RecordList(props: { kind: RecordScreen }) {
  const { kind } = props;
  const who = claims.value;
  const [records, setRecords] = useState<StoredRecord[] | undefined>(undefined);
  const [search, setSearch] = useState("");
  const [state, setState] = useState("");
  useEffect(() => {
    if (who) listRecords(kind, who).then(setRecords, sayFailure);
  }, [who, kind]);
  if (!records) return <p>{t("ui.loading")}</p>;
  const stateOf = (r: StoredRecord) => r.publication ?? "published";
  const shown = records.filter(
    (r) =>
      // Deleted records stay out of the list unless asked for, as a soft delete should.
      (state ? stateOf(r) === state : stateOf(r) !== "deleted") &&
      matchesSearch(search, `${r.id} ${JSON.stringify(r.title ?? r.name ?? "")} ${countriesOf(r)}`),
  );
  return (
    <>
      <h1>{t(`ui.rec.nav.${kind}`)}</h1>
      <p>
        <a href={`#/records/${kind}/new`}>{t(`ui.rec.new.${kind}`)}</a>
      </p>
      <Filters label={t("ui.rec.filter")}>
        <FilterInput id="rec-search" label={t("ui.docs.search")} value={search} onInput={setSearch} />
        <FilterChoice
          id="rec-state"
          label={t("ui.docs.status")}
          value={state}
          options={PUBLICATION_STATES.map((s) => [s, t(`ui.status.${s}`)] as const)}
          onChange={setState}
        />
      </Filters>
      <p aria-live="polite">{t("ui.rec.count", { count: shown.length })}</p>
      <Table
        stacked
        caption={t(`ui.rec.nav.${kind}`)}
        rows={shown}
        rowKey={(r) => r.id}
        columns={[
          { header: t("ui.rec.col.name"), cell: (r) => <a href={`#/records/${kind}/${r.id}`}>{recordTitle(r)}</a> },
          { header: t("ui.col.status"), cell: (r) => t(`ui.status.${stateOf(r)}`) },
          { header: t("ui.col.version"), cell: (r) => r.version ?? 1 },
          { header: t("ui.rec.col.countries"), cell: countriesOf },
          {
            header: t("ui.trs.col"),
            cell: (r) => (
              <TranslationStatuses
                translations={r.translations as Translations | undefined}
                texts={(r.title ?? r.name) as Partial<Record<Lang, string>> | undefined}
              />
            ),
          },
        ]}
      />
    </>
  );
}
