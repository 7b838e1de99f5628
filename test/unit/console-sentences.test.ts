import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../functions/src/i18n/catalog.js";
import { RECORD_ACTIONS } from "../../functions/src/model/audit.js";
import { type AuditEntry, AuditEntrySchema, type Lang } from "../../functions/src/model/index.js";
import type { UiKey } from "../../hosting/console/i18n/index.js";
import { consoleUi } from "../../hosting/console/i18n/messages.js";
import { auditLine, auditSentence, type Namer, versionLine } from "../../hosting/console/lib/sentences.js";

const say = (lang: Lang) => (key: UiKey, params?: Record<string, string | number>) =>
  fillTemplate(consoleUi[lang][key], params);

// What the console's directory would know: two people, three countries, the reader in Santiago.
const PEOPLE: Record<string, { name: string; country?: string }> = {
  "ana-perez": { name: "Ana Pérez", country: "CL" },
  "sara-secretaria": { name: "Sara Secretaría" },
};
const COUNTRIES: Record<string, Record<Lang, string>> = {
  CL: { es: "Chile", en: "Chile", pt: "Chile", fr: "Chili" },
  MX: { es: "México", en: "Mexico", pt: "México", fr: "Mexique" },
  UY: { es: "Uruguay", en: "Uruguay", pt: "Uruguai", fr: "Uruguay" },
};
const ROLES = { es: { member: "miembro", committee: "comité", secretariat: "secretaría" } } as const;

function namer(lang: Lang): Namer {
  const country = (code: string) => COUNTRIES[code]?.[lang] ?? code;
  return {
    person: (id, fallback) => {
      const person = id ? PEOPLE[id] : undefined;
      const name = person?.name ?? fallback;
      if (!name) return say(lang)("ui.n.someone");
      return person?.country ? say(lang)("ui.n.personOf", { name, country: country(person.country) }) : name;
    },
    country,
    role: (role) => (lang === "es" ? ROLES.es[role] : role),
    when: (iso) =>
      new Intl.DateTimeFormat(lang, {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "America/Santiago",
      }).format(new Date(iso)),
    title: (record) => (record as { title?: Record<string, string> } | null)?.title?.[lang],
    event: (id) => (id === "seminario-2027" ? "Seminario 2027" : undefined),
  };
}

const entry = (fields: Partial<AuditEntry> & Pick<AuditEntry, "action" | "actor">): AuditEntry =>
  AuditEntrySchema.parse({
    at: "2026-12-04T23:36:00.000Z",
    target: { collection: "documents", id: "informe-2026" },
    countryIds: ["CL"],
    before: null,
    after: { id: "informe-2026", title: { es: "Informe anual", en: "Annual report" } },
    ...fields,
  });
const ana = { memberId: "ana-perez", role: "committee" } as const;

describe("the audit log's sentences", () => {
  it("names the person with their country, the action as a verb and the record by its title, with the time in the reader's zone", () => {
    const published = entry({ action: "document.publish", actor: ana });
    expect(auditLine(published, namer("es"), say("es"))).toBe(
      "Ana Pérez (Chile) publicó «Informe anual» · 4 dic 2026, 20:36",
    );
    expect(auditLine(published, namer("en"), say("en"))).toBe(
      "Ana Pérez (Chile) published “Annual report” · Dec 4, 2026, 08:36 PM",
    );
  });

  it("says every workflow step of every kind in every language without a code", () => {
    const steps = RECORD_ACTIONS;
    for (const lang of ["es", "en", "pt", "fr"] as const) {
      for (const step of steps) {
        const sentence = auditSentence(
          entry({
            action: `event.${step}` as AuditEntry["action"],
            actor: ana,
            target: { collection: "events", id: "e" },
          }),
          namer(lang),
          say(lang),
        );
        expect(sentence).toContain("Ana Pérez");
        expect(sentence).not.toMatch(/event\.|saveDraft|ana-perez|\{/);
      }
    }
  });

  it("speaks of the system's actors in their own words: the scheduled publication and the Santiago rule", () => {
    const cancelled = entry({
      action: "document.cancelSchedule",
      actor: { system: "scheduler" },
      reason: "console.error.scheduleChanged",
    });
    expect(auditSentence(cancelled, namer("es"), say("es"))).toBe(
      "La publicación programada de «Informe anual» se canceló: cambió después de programarla",
    );
    const gained = entry({
      action: "seat.rule",
      actor: { system: "santiago-rule" },
      target: { collection: "committee", id: "MX" },
      after: { id: "MX", countryId: "MX", basis: "will-host" },
    });
    expect(auditSentence(gained, namer("es"), say("es"))).toBe(
      "La regla de Santiago dio a México un puesto en el Comité Ejecutivo",
    );
    const lost = { ...gained, before: gained.after, after: null };
    expect(auditSentence(lost, namer("fr"), say("fr"))).toBe(
      "La règle de Santiago a retiré à Mexique son siège au Comité exécutif",
    );
  });

  it("names the invitee, the role given and the country of a manual seat", () => {
    const invited = entry({
      action: "invitation.create",
      actor: { memberId: "sara-secretaria", role: "secretariat" },
      target: { collection: "invitations", id: "x" },
      after: { name: "Pedro Gómez", memberId: "pedro-gomez", role: "member", countryId: "CL" },
    });
    expect(auditSentence(invited, namer("es"), say("es"))).toBe("Sara Secretaría invitó a Pedro Gómez como miembro");
    const seat = entry({
      action: "seat.set",
      actor: { memberId: "sara-secretaria", role: "secretariat" },
      target: { collection: "seatOverrides", id: "UY" },
      after: { countryId: "UY", seat: true },
    });
    expect(auditSentence(seat, namer("en"), say("en"))).toBe(
      "Sara Secretaría gave Uruguay a seat on the Executive Committee",
    );
  });

  it("names the event of a registration's settings and approvals by its title, and the category in words", () => {
    const opened = entry({
      action: "registration.open",
      actor: ana,
      target: { collection: "registrationSettings", id: "seminario-2027" },
      after: { eventId: "seminario-2027", places: 100 },
    });
    expect(auditSentence(opened, namer("es"), say("es"))).toBe(
      "Ana Pérez (Chile) abrió la inscripción de «Seminario 2027»",
    );
    expect(auditSentence({ ...opened, before: { eventId: "seminario-2027" } }, namer("en"), say("en"))).toBe(
      "Ana Pérez (Chile) changed the registration settings of “Seminario 2027”",
    );
    const approved = entry({
      action: "registration.approve",
      actor: { memberId: "sara-secretaria", role: "secretariat" },
      target: { collection: "registrations", id: "0".repeat(32) },
      before: { eventId: "seminario-2027", category: "press", status: { state: "awaitingApproval", atMs: 1 } },
      after: { eventId: "seminario-2027", category: "press", status: { state: "confirming" } },
    });
    expect(auditSentence(approved, namer("es"), say("es"))).toBe(
      "Sara Secretaría aprobó una inscripción como prensa en «Seminario 2027»",
    );
    for (const lang of ["es", "en", "pt", "fr"] as const) {
      const text = auditSentence({ ...approved, action: "registration.decline" }, namer(lang), say(lang));
      expect(text).not.toMatch(/registration\.|awaitingApproval|\{|seminario-2027/);
    }
  });

  it("names the country of a delegation and what was done to it, in every language", () => {
    const delegation = (action: AuditEntry["action"], actor: AuditEntry["actor"]) =>
      entry({
        action,
        actor,
        target: { collection: "delegations", id: "conferencia-2027__MX" },
        countryIds: ["MX"],
        after: { eventId: "conferencia-2027", country: "MX", state: "accredited", people: [] },
      });
    const secretariat = { memberId: "sara-secretaria", role: "secretariat" } as const;
    expect(auditSentence(delegation("delegation.accredit", secretariat), namer("es"), say("es"))).toBe(
      "Sara Secretaría acreditó la delegación de México",
    );
    expect(auditSentence(delegation("delegation.save", ana), namer("fr"), say("fr"))).toBe(
      "Ana Pérez (Chili) a mis à jour la délégation (Mexique)",
    );
    for (const lang of ["es", "en", "pt", "fr"] as const) {
      for (const action of [
        "delegation.save",
        "delegation.submit",
        "delegation.accredit",
        "delegation.return",
      ] as const) {
        const sentence = auditSentence(delegation(action, secretariat), namer(lang), say(lang));
        expect(sentence, `${action} in ${lang}`).not.toMatch(/delegation\.|\{|MX\b/);
        expect(sentence).toContain(COUNTRIES.MX?.[lang]);
      }
    }
  });

  it("names who updated or confirmed their own directory entry, in every language, never the action's code", () => {
    const own = (action: AuditEntry["action"]) =>
      entry({
        action,
        actor: ana,
        target: { collection: "members", id: "ana-perez" },
        before: { member: { id: "ana-perez", name: "Ana Perez" } },
        after: { member: { id: "ana-perez", name: "Ana Pérez" } },
      });
    expect(auditSentence(own("directory.update"), namer("es"), say("es"))).toBe(
      "Ana Pérez (Chile) actualizó su ficha del directorio",
    );
    expect(auditSentence(own("directory.confirm"), namer("en"), say("en"))).toBe(
      "Ana Pérez (Chile) confirmed their directory entry",
    );
    for (const lang of ["es", "en", "pt", "fr"] as const) {
      for (const action of ["directory.update", "directory.confirm"] as const) {
        const sentence = auditSentence(own(action), namer(lang), say(lang));
        expect(sentence, `${action} in ${lang}`).not.toMatch(/directory\.|ana-perez|\{/);
        expect(sentence).toContain("Ana Pérez");
      }
    }
  });

  it("says someone no longer listed instead of an id when the person is unknown", () => {
    const unknown = entry({ action: "document.submit", actor: { memberId: "gone", role: "member" } });
    expect(auditSentence(unknown, namer("es"), say("es"))).toBe(
      "Una persona que ya no figura envió a revisión «Informe anual»",
    );
  });
});

describe("the version history's sentences", () => {
  it("tells who did what to which title and when, and the seed's version apart", () => {
    const version = {
      version: 3,
      action: "document.submit",
      at: "2026-12-04T23:36:00.000Z",
      by: { memberId: "ana-perez" },
      record: { title: { es: "Informe anual" } },
    };
    expect(versionLine(version, namer("es"), say("es"))).toBe(
      "Ana Pérez (Chile) envió a revisión «Informe anual» · 4 dic 2026, 20:36",
    );
    expect(versionLine({ ...version, action: null, at: null, by: null }, namer("pt"), say("pt"))).toBe(
      "Versão anterior ao console (dados de origem)",
    );
  });

  it("names who withdrew whom from which country's delegation, in every language", () => {
    const person = (id: string, name: string) => ({ id, name });
    const withdrawal = entry({
      action: "delegation.withdraw",
      actor: ana,
      target: { collection: "delegations", id: "conferencia-2027__CL" },
      countryIds: ["CL"],
      before: { country: "CL", people: [person("a", "Carla Soto"), person("b", "Diego Ríos")] },
      after: { country: "CL", people: [person("a", "Carla Soto")] },
    });
    expect(auditSentence(withdrawal, namer("es"), say("es"))).toBe(
      "Ana Pérez (Chile) retiró a Diego Ríos de la delegación de Chile",
    );
    for (const lang of ["es", "en", "pt", "fr"] as const) {
      const sentence = auditSentence(withdrawal, namer(lang), say(lang));
      expect(sentence, lang).toContain("Diego Ríos");
      expect(sentence, lang).not.toMatch(/delegation\.|\{|Carla/);
    }
  });

  it("names whom the secretariat accredited in an accredited delegation, and only them, in every language", () => {
    const person = (id: string, name: string, awaiting?: true) => ({
      id,
      name,
      ...(awaiting ? { awaitingAccreditation: awaiting } : {}),
    });
    const again = entry({
      action: "delegation.accredit",
      actor: { memberId: "sara-secretaria", role: "secretariat" },
      target: { collection: "delegations", id: "conferencia-2027__CL" },
      countryIds: ["CL"],
      before: {
        country: "CL",
        state: "accredited",
        people: [person("a", "Carla Soto"), person("b", "Diego Ríos", true), person("c", "Elena Paz", true)],
      },
      after: {
        country: "CL",
        state: "accredited",
        people: [person("a", "Carla Soto"), person("b", "Diego Ríos"), person("c", "Elena Paz")],
      },
    });
    expect(auditSentence(again, namer("es"), say("es"))).toBe(
      "Sara Secretaría acreditó a Diego Ríos, Elena Paz en la delegación de Chile",
    );
    for (const lang of ["es", "en", "pt", "fr"] as const) {
      const sentence = auditSentence(again, namer(lang), say(lang));
      expect(sentence, lang).toContain("Diego Ríos, Elena Paz");
      expect(sentence, lang).not.toMatch(/delegation\.|\{|Carla/);
    }
  });
});
