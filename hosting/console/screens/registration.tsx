/** @jsxImportSource preact */
// Registration for events (`#/registration`): the events that may take it, each with its settings
// (`#/registration/<event>/settings`) and its registrations (`#/registration/<event>`).
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n/index.js";
import { dayName, titleOf } from "../lib/names.js";
import { Table } from "../lib/table.js";
import { listRecords, type StoredRecord } from "../records-data.js";
import { claims } from "../session.js";
import { sayFailure } from "../ui.js";
import { RegistrationSettingsScreen, takesRegistration } from "./registration-settings.js";
import { RegistrationsScreen } from "./registrations.js";

const ROUTE = /^\/registration(?:\/([a-z0-9-]+)(\/settings)?)?$/;

export function RegistrationScreen(props: { path: string }) {
  const [, eventId, settings] = ROUTE.exec(props.path) ?? [];
  if (eventId === undefined) return <RegistrationEvents />;
  return settings ? (
    <RegistrationSettingsScreen key={eventId} eventId={eventId} />
  ) : (
    <RegistrationsScreen key={eventId} eventId={eventId} />
  );
}

const startOf = (event: StoredRecord) => (typeof event.start === "string" ? event.start : "");

function RegistrationEvents() {
  const [events, setEvents] = useState<StoredRecord[] | undefined>(undefined);
  useEffect(() => {
    const who = claims.value;
    if (!who) return;
    listRecords("events", who)
      .then((all) => setEvents(all.filter(takesRegistration).sort((a, b) => startOf(a).localeCompare(startOf(b)))))
      .catch((error) => {
        setEvents([]);
        sayFailure(error);
      });
  }, []);
  if (!events) return <p>{t("ui.loading")}</p>;
  return (
    <>
      <h1>{t("ui.reg.title")}</h1>
      <p>{t("ui.reg.intro")}</p>
      <Table
        stacked
        caption={t("ui.reg.events")}
        rows={events}
        rowKey={(event) => event.id}
        columns={[
          { header: t("ui.reg.col.event"), cell: (event) => titleOf(event) ?? t("ui.n.untitled") },
          {
            header: t("ui.reg.col.dates"),
            cell: (event) =>
              [startOf(event), typeof event.end === "string" ? event.end : ""].filter(Boolean).map(dayName).join(" – "),
          },
          {
            header: t("ui.reg.col.open"),
            cell: (event) => {
              const name = titleOf(event) ?? t("ui.n.untitled");
              return (
                <span class="actions">
                  <a href={`#/registration/${event.id}`} aria-label={t("ui.reg.listLink", { event: name })}>
                    {t("ui.reg.listShort")}
                  </a>
                  <a
                    href={`#/registration/${event.id}/settings`}
                    aria-label={t("ui.reg.settingsLink", { event: name })}
                  >
                    {t("ui.reg.settingsShort")}
                  </a>
                </span>
              );
            },
          },
        ]}
      />
    </>
  );
}
