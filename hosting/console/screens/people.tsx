/** @jsxImportSource preact */
import { signal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { decide, mayAttempt } from "../../../functions/src/committee/permissions.js";
import { LANGS, type Lang } from "../../../functions/src/model/common.js";
import type { Country } from "../../../functions/src/model/country.js";
import type { Invitation } from "../../../functions/src/model/invitation.js";
import { type Account, effectiveRole, ROLES, type Role } from "../../../functions/src/model/roles.js";
import { listAccounts, listCountries, listInvitations, listSeats } from "../admin-data.js";
import { formatTime, t } from "../i18n/index.js";
import { useAction } from "../lib/action.js";
import { call } from "../lib/callables.js";
import { ConfirmBar } from "../lib/confirm.js";
import { countryName, personName, roleName } from "../lib/names.js";
import { Table } from "../lib/table.js";
import { claims } from "../session.js";
import { Field, say, sayFailure } from "../ui.js";

/**
 * Links of the invitations made in this tab. The token exists only in the callable's answer and
 * the invitation email (the database keeps its hash), so the link can be shown and copied only here.
 */
const createdLinks = signal<{ email: string; link: string }[]>([]);

function CountryOptions(props: { countries: Country[] }) {
  return (
    <>
      {props.countries.map((c) => (
        <option key={c.id} value={c.id}>
          {countryName(c.id)}
        </option>
      ))}
    </>
  );
}

interface PeopleData {
  accounts: Account[];
  countries: Country[];
  seats: Set<string>;
  invitations: (Invitation & { docId: string })[];
}

/** People and roles (secretariat) and invitations (secretariat; the committee for its own country). */
export function PeopleScreen() {
  const who = claims.value;
  const secretariat = who ? mayAttempt(who.role, "account.changeRole") : false;
  const [data, setData] = useState<PeopleData | undefined>(undefined);
  const load = async () => {
    if (!who) return;
    const [accounts, countries, seats, invitations] = await Promise.all([
      secretariat ? listAccounts() : Promise.resolve([]),
      listCountries(),
      listSeats(),
      listInvitations(who),
    ]);
    setData({
      accounts: accounts.sort((a, b) => a.memberId.localeCompare(b.memberId)),
      countries: countries.sort((a, b) => a.id.localeCompare(b.id)),
      seats: new Set(seats.map((s) => s.countryId)),
      invitations: invitations.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    });
  };
  useEffect(() => {
    load().catch(sayFailure);
  }, [who]);
  if (!data) return <p>{t("ui.loading")}</p>;
  return (
    <>
      <h1>{t(secretariat ? "ui.admin.nav.people" : "ui.admin.nav.invitations")}</h1>
      {secretariat ? <Accounts data={data} reload={load} /> : null}
      <Invitations data={data} reload={load} />
    </>
  );
}

function Accounts(props: { data: PeopleData; reload: () => Promise<void> }) {
  const { accounts, countries, seats } = props.data;
  const [uid, setUid] = useState("");
  const [role, setRole] = useState("member");
  const [country, setCountry] = useState("");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { busy, errors, run, checked } = useAction();
  const chosen = accounts.find((a) => a.id === uid);
  const nameOf = (a: Account) => personName(a.memberId);

  const review = (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!chosen) problems.uid = t("ui.admin.people.pickAccount");
    if (reason.trim().length < 3) problems.reason = t("ui.admin.reasonRequired");
    if (checked(problems, t("ui.admin.fixFirst"))) setConfirming(true);
  };
  const confirm = () =>
    run(
      async () => {
        await call("committee-changeRole", {
          uid,
          role: role === "none" ? null : (role as Role),
          ...(country ? { countryId: country } : {}),
          reason: reason.trim(),
        });
        say(t("ui.admin.people.changed", { name: chosen ? nameOf(chosen) : uid }));
        setReason("");
        await props.reload();
      },
      { fallback: "role" },
    ).then(() => setConfirming(false));

  return (
    <section aria-labelledby="people-accounts">
      <h2 id="people-accounts">{t("ui.admin.people.accounts")}</h2>
      <Table
        stacked
        caption={t("ui.admin.people.accounts")}
        rows={accounts}
        rowKey={(a) => a.id}
        keepEmpty
        columns={[
          { header: t("ui.admin.col.person"), cell: nameOf },
          { header: t("ui.admin.col.country"), cell: (a) => (a.countryId ? countryName(a.countryId) : "—") },
          { header: t("ui.admin.col.assigned"), cell: (a) => roleName(a.role) },
          {
            header: t("ui.admin.col.effective"),
            cell: (a) => roleName(effectiveRole(a.role, a.countryId !== undefined && seats.has(a.countryId))),
          },
        ]}
      />
      <form class="card" onSubmit={review} aria-labelledby="people-change">
        <h3 id="people-change">{t("ui.admin.people.change")}</h3>
        <Field id="role-uid" label={t("ui.admin.col.person")} error={errors.uid}>
          {(attrs) => (
            <select {...attrs} value={uid} onChange={(e) => setUid(e.currentTarget.value)}>
              <option value="">{t("ui.admin.choose")}</option>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {nameOf(a)} · {roleName(a.role)}
                  {a.countryId ? ` · ${countryName(a.countryId)}` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="role-role" label={t("ui.admin.people.newRole")} error={errors.role}>
          {(attrs) => (
            <select {...attrs} value={role} onChange={(e) => setRole(e.currentTarget.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
              <option value="none">{t("ui.admin.people.removeAccess")}</option>
            </select>
          )}
        </Field>
        <Field id="role-country" label={t("ui.admin.people.newCountry")} error={errors.countryId}>
          {(attrs) => (
            <select {...attrs} value={country} onChange={(e) => setCountry(e.currentTarget.value)}>
              <option value="">{t("ui.admin.people.keepCountry")}</option>
              <CountryOptions countries={countries} />
            </select>
          )}
        </Field>
        <Field id="role-reason" label={t("ui.admin.reason")} error={errors.reason}>
          {(attrs) => <textarea {...attrs} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        {confirming && chosen ? (
          <ConfirmBar
            questionId="role-confirm"
            question={t("ui.admin.people.confirm", {
              name: nameOf(chosen),
              from: roleName(chosen.role),
              to: role === "none" ? t("ui.admin.people.removeAccess") : roleName(role as Role),
            })}
            busy={busy}
            onConfirm={() => void confirm()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <p>
            <button type="submit">{t("ui.admin.people.changeButton")}</button>
          </p>
        )}
      </form>
    </section>
  );
}

/** pending until accepted or past its expiry. */
function invitationState(i: Invitation, now: Date): "pending" | "used" | "expired" {
  if (i.acceptedBy) return "used";
  return Date.parse(i.expiresAt) <= now.getTime() ? "expired" : "pending";
}

function Invitations(props: { data: PeopleData; reload: () => Promise<void> }) {
  const who = claims.value;
  const secretariat = who?.role === "secretariat";
  const { countries, invitations } = props.data;
  const own = secretariat ? countries : countries.filter((c) => c.id === who?.countryId);
  const [form, setForm] = useState({
    email: "",
    name: "",
    memberId: "",
    role: "member",
    countryId: secretariat ? "" : (who?.countryId ?? ""),
    inviteeLang: "es",
    reason: "",
  });
  // The roles this person may give, as the permission table says (the committee: member only).
  const grantable = ROLES.filter(
    (r) =>
      who !== null &&
      decide({ ...who, uid: "" }, "invitation.create", {
        countries: who.countryId ? [who.countryId] : [],
        grantedRole: r,
      }).allowed,
  );
  const { busy, errors, run } = useAction();
  const set = (field: keyof typeof form, value: string) => setForm((f) => ({ ...f, [field]: value }));
  const now = new Date();

  const submit = (event: Event) => {
    event.preventDefault();
    void run(
      async () => {
        const result = await call("committee-invite", {
          email: form.email.trim(),
          name: form.name.trim(),
          memberId: form.memberId.trim(),
          role: form.role as Role,
          ...(form.countryId ? { countryId: form.countryId } : {}),
          inviteeLang: form.inviteeLang as Lang,
          ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
        });
        // The link is resolved against the console's own address, wherever it is served.
        createdLinks.value = [
          { email: form.email.trim(), link: new URL(result.link, location.href).href },
          ...createdLinks.value,
        ];
        say(t("ui.admin.inv.created", { email: form.email.trim() }));
        setForm((f) => ({ ...f, email: "", name: "", memberId: "", reason: "" }));
        await props.reload();
      },
      { fallback: "email" },
    );
  };
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      say(t("ui.admin.inv.copied"));
    } catch {
      // Clipboard access can be refused (an insecure origin, a denied permission): the field stays selectable.
      say(t("ui.admin.inv.copyByHand"), "error");
    }
  };

  const field = (id: keyof typeof form, label: string, type: "text" | "email" = "text") => (
    <Field id={`inv-${id}`} label={label} error={errors[id]}>
      {(attrs) =>
        type === "email" ? (
          <input {...attrs} type="email" value={form[id]} onInput={(e) => set(id, e.currentTarget.value)} />
        ) : (
          <input {...attrs} type="text" value={form[id]} onInput={(e) => set(id, e.currentTarget.value)} />
        )
      }
    </Field>
  );

  return (
    <section aria-labelledby="people-invitations">
      <h2 id="people-invitations">{t("ui.admin.inv.title")}</h2>
      <form class="card" onSubmit={submit} aria-labelledby="inv-new">
        <h3 id="inv-new">{t("ui.admin.inv.new")}</h3>
        {field("email", t("ui.email"), "email")}
        {field("name", t("ui.admin.inv.name"))}
        {field("memberId", t("ui.admin.inv.memberId"))}
        <Field id="inv-role" label={t("ui.admin.inv.role")} error={errors.role}>
          {(attrs) => (
            <select {...attrs} value={form.role} onChange={(e) => set("role", e.currentTarget.value)}>
              {grantable.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="inv-countryId" label={t("ui.admin.col.country")} error={errors.countryId}>
          {(attrs) => (
            <select {...attrs} value={form.countryId} onChange={(e) => set("countryId", e.currentTarget.value)}>
              {secretariat ? <option value="">{t("ui.admin.inv.noCountry")}</option> : null}
              <CountryOptions countries={own} />
            </select>
          )}
        </Field>
        <Field id="inv-inviteeLang" label={t("ui.admin.inv.lang")} error={errors.inviteeLang}>
          {(attrs) => (
            <select {...attrs} value={form.inviteeLang} onChange={(e) => set("inviteeLang", e.currentTarget.value)}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`ui.lang.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {secretariat ? field("reason", t("ui.admin.inv.linkReason")) : null}
        <p>
          <button type="submit" disabled={busy}>
            {t("ui.admin.inv.send")}
          </button>
        </p>
      </form>
      {createdLinks.value.length > 0 ? (
        <section class="card" aria-labelledby="inv-links">
          <h3 id="inv-links">{t("ui.admin.inv.links")}</h3>
          <p>{t("ui.admin.inv.linksHelp")}</p>
          {createdLinks.value.map((created, index) => (
            <p class="field" key={created.link}>
              <label for={`inv-link-${index}`}>{t("ui.admin.inv.linkFor", { email: created.email })}</label>
              <input id={`inv-link-${index}`} class="link" readOnly value={created.link} />{" "}
              <button type="button" class="secondary" onClick={() => void copy(created.link)}>
                {t("ui.admin.inv.copy")}
              </button>
            </p>
          ))}
        </section>
      ) : null}
      <Table
        stacked
        caption={t("ui.admin.inv.list")}
        rows={invitations}
        rowKey={(i) => i.docId}
        columns={[
          { header: t("ui.email"), cell: (i) => i.email },
          { header: t("ui.admin.inv.name"), cell: (i) => i.name },
          { header: t("ui.admin.inv.role"), cell: (i) => roleName(i.role) },
          { header: t("ui.admin.col.country"), cell: (i) => (i.countryId ? countryName(i.countryId) : "—") },
          { header: t("ui.admin.inv.state"), cell: (i) => t(`ui.admin.inv.${invitationState(i, now)}`) },
          {
            header: t("ui.admin.inv.expires"),
            cell: (i) => <time dateTime={i.expiresAt}>{formatTime(i.expiresAt)}</time>,
          },
        ]}
      />
    </section>
  );
}
