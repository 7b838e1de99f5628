import { pick } from "../../i18n/index.js";
import type { Event } from "../../model/index.js";
import type { PageContext } from "../context.js";

/** A country's name in the visitor's language: the network's own, else the browser-standard one. */
function countryName(ctx: PageContext, code: string): string {
  const country = ctx.data.countries.get(code);
  if (country) return pick(country.name, ctx.lang).text;
  return new Intl.DisplayNames([ctx.lang], { type: "region", fallback: "code" }).of(code) ?? code;
}

/**
 * The event's public participant list: only people who consented (the public view holds no one
 * else; registration/door/participants.ts), with their institution and country. Every name is
 * text the visitor typed, and JSX escapes it, so markup in it stays inert.
 */
export function ParticipantList({ ctx, event }: { ctx: PageContext; event: Event }) {
  const people = ctx.data.participants.get(event.id) ?? [];
  if (people.length === 0) return null;
  const { t } = ctx;
  const after = event.status === "held" || event.participation?.countedFrom === "attendance";
  return (
    <section aria-labelledby="participants">
      <h2 id="participants">{t("event.participants")}</h2>
      <p>{t(after ? "event.participantsAttended" : "event.participantsNote")}</p>
      <ul class="participants">
        {people.map((person) => (
          <li>
            <strong>{person.name}</strong>, {person.institution} ({countryName(ctx, person.country)})
          </li>
        ))}
      </ul>
    </section>
  );
}
