/** @jsxImportSource preact */
import { doc, getDoc } from "firebase/firestore/lite";
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { completenessByCountry } from "../../../functions/src/committee/directory/status.js";
import { mayAttempt } from "../../../functions/src/committee/permissions.js";
import type { Country } from "../../../functions/src/model/country.js";
import type { SharedContact } from "../../../functions/src/model/directory.js";
import {
  type Member,
  type MemberContact,
  MemberContactSchema,
  MemberSchema,
} from "../../../functions/src/model/member.js";
import { getOwnContact, listSharedContacts } from "../directory-data.js";
import { lang, pickText, t } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { call } from "../lib/callables.js";
import { CheckField } from "../lib/check-field.js";
import { FilterChoice, FilterInput, Filters, matchesSearch } from "../lib/filters.js";
import { loadedNames, titleOf } from "../lib/names.js";
import { Table } from "../lib/table.js";
import type { StoredRecord } from "../records-data.js";
import { claims, services } from "../session.js";
import { Field, say } from "../ui.js";
import { entryStatus, formatDay } from "./directory-status.js";

/** The members' directory (`#/directory`) and one's own entry (`#/directory/me`). */
export function DirectoryScreen(props: { path: string }) {
  return props.path === "/directory/me" ? <OwnEntry /> : <DirectoryList />;
}

/** A language's name in the interface's language ("es" → "español"). */
const languageName = (code: string) => {
  try {
    return new Intl.DisplayNames([lang.value], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
};

interface Directory {
  members: Member[];
  shared: Map<string, SharedContact>;
  countries: Map<string, Country>;
  institutions: Map<string, StoredRecord>;
}

/** The people, countries and institutions from the person's loaded names; what each shares, read here. */
function useDirectory(): Directory | undefined {
  const who = claims.value;
  const [data, setData] = useState<Directory | undefined>(undefined);
  useEffect(() => {
    if (!who) return;
    Promise.all([loadedNames(), listSharedContacts()])
      .then(([names, shared]) => {
        if (names.failed.has("members") || names.failed.has("countries")) throw new Error("directory unreadable");
        setData({
          members: [...names.members.values()],
          shared,
          countries: names.countries,
          // An institution the role may not read is not named (the entry then shows none).
          institutions: names.records.institutions,
        });
      })
      .catch(() => say(t("ui.dir.loadFailed"), "error"));
  }, [who?.memberId, who?.role]);
  return data;
}

const byLabel = (a: readonly [string, string], b: readonly [string, string]) => a[1].localeCompare(b[1], lang.value);

function DirectoryList() {
  const who = claims.value;
  const data = useDirectory();
  const [search, setSearch] = useState("");
  const [country, setCountry] = useState("");
  const [institution, setInstitution] = useState("");
  // Who has not confirmed, and each country's completeness, are for those who keep the directory.
  const keeper = who ? mayAttempt(who.role, "directory.status") : false;
  const countryName = (id: string | undefined) => (id ? pickText(data?.countries.get(id)?.name) : undefined);
  const institutionName = (id: string | undefined) => (id ? titleOf(data?.institutions.get(id)) : undefined);
  const options = useMemo(() => {
    const members = data?.members ?? [];
    const named = (ids: (string | undefined)[], name: (id: string) => string | undefined) =>
      [...new Set(ids.filter((id): id is string => id !== undefined))]
        .flatMap((id) => {
          const label = name(id);
          return label ? [[id, label] as const] : [];
        })
        .sort(byLabel);
    return {
      countries: named(
        members.map((m) => m.countryId),
        countryName,
      ),
      institutions: named(
        members.map((m) => m.institutionId),
        institutionName,
      ),
    };
  }, [data, lang.value]);
  if (!data) return <p>{t("ui.loading")}</p>;
  const shown = data.members
    .filter(
      (m) =>
        matchesSearch(search, m.name) &&
        (country === "" || m.countryId === country) &&
        (institution === "" || m.institutionId === institution),
    )
    .sort((a, b) => a.name.localeCompare(b.name, lang.value));
  return (
    <>
      <h1>{t("ui.dir.title")}</h1>
      <p>{t("ui.dir.intro")}</p>
      <p>
        <a href="#/directory/me">{t("ui.dir.edit")}</a>
      </p>
      <Filters label={t("ui.dir.filters")}>
        <FilterInput id="dir-search" label={t("ui.dir.search")} value={search} onInput={setSearch} />
        <FilterChoice
          id="dir-country"
          label={t("ui.dir.country")}
          value={country}
          options={options.countries}
          onChange={setCountry}
        />
        <FilterChoice
          id="dir-institution"
          label={t("ui.dir.institution")}
          value={institution}
          options={options.institutions}
          onChange={setInstitution}
        />
      </Filters>
      <section aria-labelledby="dir-people">
        <h2 id="dir-people">{t("ui.dir.people")}</h2>
        <p role="status">{t("ui.dir.count", { count: shown.length })}</p>
        <ul class="people">
          {shown.map((m) => (
            <Person
              key={m.id}
              member={m}
              contact={data.shared.get(m.id)}
              institution={institutionName(m.institutionId)}
              country={countryName(m.countryId)}
              showStatus={keeper}
            />
          ))}
        </ul>
      </section>
      {keeper ? <Completeness members={data.members} countryName={countryName} /> : null}
    </>
  );
}

function Person(props: {
  member: Member;
  contact: SharedContact | undefined;
  institution: string | undefined;
  country: string | undefined;
  showStatus: boolean;
}) {
  const { member, contact } = props;
  const title = pickText(member.title);
  const status = entryStatus(member);
  return (
    <li class="card">
      <h3>{member.name}</h3>
      {props.showStatus && status !== "confirmed" ? (
        <p class="stale">
          {status === "never"
            ? t("ui.dir.neverVerified")
            : t("ui.dir.notVerified", { date: formatDay(member.confirmedAt ?? "") })}
        </p>
      ) : null}
      <dl class="facts">
        {title ? <Fact label={t("ui.dir.role")}>{title}</Fact> : null}
        {props.institution ? <Fact label={t("ui.dir.institution")}>{props.institution}</Fact> : null}
        {props.country ? <Fact label={t("ui.dir.country")}>{props.country}</Fact> : null}
        {member.languages?.length ? (
          <Fact label={t("ui.dir.languages")}>{member.languages.map(languageName).join(", ")}</Fact>
        ) : null}
        {contact?.email ? (
          <Fact label={t("ui.dir.email")}>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </Fact>
        ) : null}
        {contact?.phone ? (
          <Fact label={t("ui.dir.phone")}>
            <a href={`tel:${contact.phone.replace(/[^+0-9]/g, "")}`}>{contact.phone}</a>
          </Fact>
        ) : null}
      </dl>
      {contact?.email || contact?.phone ? null : <p>{t("ui.dir.notShared")}</p>}
    </li>
  );
}

function Fact(props: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function Completeness(props: { members: Member[]; countryName: (id: string) => string | undefined }) {
  const rows = completenessByCountry(props.members, new Date().toISOString().slice(0, 10));
  const percent = new Intl.NumberFormat(lang.value, { style: "percent" });
  return (
    <section aria-labelledby="dir-completeness">
      <h2 id="dir-completeness">{t("ui.dir.completeness")}</h2>
      <p>{t("ui.dir.completenessHelp")}</p>
      <Table
        stacked
        caption={t("ui.dir.completeness")}
        rows={rows}
        rowKey={(r) => r.countryId}
        columns={[
          { header: t("ui.dir.col.country"), cell: (r) => props.countryName(r.countryId) ?? "—" },
          { header: t("ui.dir.col.people"), cell: (r) => r.people },
          { header: t("ui.dir.col.complete"), cell: (r) => r.complete },
          { header: t("ui.dir.col.share"), cell: (r) => percent.format(r.share) },
        ]}
      />
    </section>
  );
}

/** The languages offered as choices: the network's four and others spoken in its countries. */
const LANGUAGE_CHOICES = ["es", "en", "pt", "fr", "nl", "ht", "qu", "gn", "ay"];
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

function OwnEntry() {
  const who = claims.value;
  const [loaded, setLoaded] = useState<{ member: Member | undefined; contact: MemberContact | undefined }>();
  const [name, setName] = useState("");
  const [titleEs, setTitleEs] = useState("");
  const [titleEn, setTitleEn] = useState("");
  const [languages, setLanguages] = useState<string[]>([]);
  const [phone, setPhone] = useState("");
  const [shareEmail, setShareEmail] = useState(false);
  const [sharePhone, setSharePhone] = useState(false);
  const [confirmedAt, setConfirmedAt] = useState<string | undefined>(undefined);
  const { busy, errors, run, checked } = useAction();
  useEffect(() => {
    const s = services.value;
    if (!who || !s) return;
    Promise.all([getDoc(doc(s.db, "members", who.memberId)), getOwnContact(who.memberId)])
      .then(([snap, contact]) => {
        const parsed = MemberSchema.safeParse(snap.data());
        const member = parsed.success ? parsed.data : undefined;
        const own = MemberContactSchema.safeParse(contact);
        setLoaded({ member, contact: own.success ? own.data : undefined });
        if (!member) return;
        setName(member.name);
        setTitleEs(member.title?.es ?? "");
        setTitleEn(member.title?.en ?? "");
        setLanguages(member.languages ?? []);
        setConfirmedAt(member.confirmedAt);
        setPhone(contact?.phone ?? "");
        setShareEmail(contact?.share?.email ?? false);
        setSharePhone(contact?.share?.phone ?? false);
      })
      .catch(() => say(t("ui.dir.loadFailed"), "error"));
  }, [who?.memberId]);
  if (!loaded) return <p>{t("ui.loading")}</p>;
  const { member, contact } = loaded;
  if (!member) {
    return (
      <>
        <h1>{t("ui.dir.mine.title")}</h1>
        <p>{t("ui.dir.noEntry")}</p>
      </>
    );
  }
  const status = entryStatus({ confirmedAt });
  const choices = [...new Set([...LANGUAGE_CHOICES, ...languages])];
  const save = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t("ui.dir.form.nameRequired");
    if (phone.trim() && !PHONE.test(phone.trim())) problems.phone = t("ui.dir.form.phoneInvalid");
    if (!checked(problems, t("ui.dir.form.fixFirst"), (path) => `dir-${path}`)) return;
    const title = {
      ...(titleEs.trim() ? { es: titleEs.trim() } : {}),
      ...(titleEn.trim() ? { en: titleEn.trim() } : {}),
      ...Object.fromEntries((["pt", "fr"] as const).flatMap((l) => (member.title?.[l] ? [[l, member.title[l]]] : []))),
    };
    await run(async () => {
      const result = await call("committee-updateDirectoryEntry", {
        name: name.trim(),
        ...(title.es || title.en ? { title } : {}),
        languages,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        share: { email: shareEmail, phone: sharePhone && phone.trim() !== "" },
      });
      setConfirmedAt(result.confirmedAt);
      say(t("ui.dir.form.saved"));
    });
  };
  const confirm = () =>
    run(async () => {
      const result = await call("committee-confirmDirectoryEntry", {});
      setConfirmedAt(result.confirmedAt);
      say(t("ui.dir.form.confirmed"));
    });
  return (
    <>
      <h1>{t("ui.dir.mine.title")}</h1>
      <p>
        {status === "never"
          ? t("ui.dir.status.never")
          : t(status === "stale" ? "ui.dir.status.stale" : "ui.dir.status.confirmed", {
              date: formatDay(confirmedAt ?? ""),
            })}
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void confirm()}>
          {t("ui.dir.form.confirm")}
        </button>
      </div>
      <form class="narrow" onSubmit={(e) => void save(e)} noValidate>
        <Field id="dir-name" label={t("ui.dir.form.name")} error={errors.name}>
          {(attrs) => (
            <input {...attrs} autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          )}
        </Field>
        <Field id="dir-title-es" label={t("ui.dir.form.titleEs")} error={errors["title.es"] ?? errors.title}>
          {(attrs) => <input {...attrs} lang="es" value={titleEs} onInput={(e) => setTitleEs(e.currentTarget.value)} />}
        </Field>
        <Field id="dir-title-en" label={t("ui.dir.form.titleEn")} error={errors["title.en"]}>
          {(attrs) => <input {...attrs} lang="en" value={titleEn} onInput={(e) => setTitleEn(e.currentTarget.value)} />}
        </Field>
        <fieldset>
          <legend>{t("ui.dir.form.languages")}</legend>
          {choices.map((code) => (
            <CheckField
              key={code}
              id={`dir-lang-${code}`}
              label={languageName(code)}
              checked={languages.includes(code)}
              onChange={(on) => setLanguages(on ? [...languages, code] : languages.filter((l) => l !== code))}
            />
          ))}
        </fieldset>
        <p class="field">
          <span>{t("ui.dir.form.email")}</span>
          <span>{contact?.email ?? t("ui.dir.form.noEmail")}</span>
          {contact ? <span>{t("ui.dir.form.emailHelp")}</span> : null}
        </p>
        <Field id="dir-phone" label={t("ui.dir.form.phone")} error={errors.phone}>
          {(attrs) => (
            <input
              {...attrs}
              type="tel"
              autocomplete="tel"
              value={phone}
              disabled={!contact}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          )}
        </Field>
        <fieldset disabled={!contact}>
          <legend>{t("ui.dir.form.share")}</legend>
          <CheckField
            id="dir-share-email"
            label={t("ui.dir.form.shareEmail")}
            checked={shareEmail}
            onChange={setShareEmail}
          />
          <CheckField
            id="dir-share-phone"
            label={t("ui.dir.form.sharePhone")}
            checked={sharePhone}
            onChange={setSharePhone}
          />
        </fieldset>
        <p>{t("ui.dir.form.proposals")}</p>
        <ul>
          <li>
            <a href="#/records/institutions">{t("ui.dir.form.proposeInstitution")}</a>
          </li>
          <li>
            <a href="#/new">{t("ui.dir.form.proposeProfile")}</a>
          </li>
        </ul>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t("ui.dir.form.save")}
          </button>
        </div>
      </form>
    </>
  );
}
