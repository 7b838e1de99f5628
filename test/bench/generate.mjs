// A deterministic content generator for the bench's scale figures: thousands of documents and
// events that read like the network's own (procurement vocabulary in Spanish, English, Portuguese
// and French, accented words, cities of the Americas), valid against the model's schemas. The
// same seed gives the same records, so figures from two runs compare.

/** mulberry32: small, fast and deterministic; quality is plenty for picking words. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = {
  es: {
    subjects: [
      "La agencia de compras públicas",
      "El Comité Ejecutivo de la Red",
      "La Dirección de Contrataciones",
      "El Ministerio de Hacienda",
      "La Oficina Nacional de Adquisiciones",
      "El grupo de trabajo sobre PYMEs",
      "La secretaría técnica de la OEA",
    ],
    verbs: ["presentó", "analizó", "aprobó", "publicó", "revisó", "coordinó", "evaluó"],
    objects: [
      "un informe sobre la licitación electrónica",
      "la participación de las pequeñas y medianas empresas",
      "los avances en transparencia y rendición de cuentas",
      "un programa de capacitación de funcionarios",
      "la armonización normativa entre países",
      "los catálogos electrónicos y convenios marco",
      "la integración financiera y tributaria",
      "las asociaciones público-privadas",
      "la interoperabilidad de los sistemas de compras",
      "el uso de la firma electrónica en las órdenes de compra",
      "criterios de compras públicas sostenibles",
      "la evaluación de ofertas y la adjudicación",
    ],
    tails: [
      "con el apoyo del Banco Interamericano de Desarrollo.",
      "tras una consulta pública de tres meses.",
      "en una sesión de trabajo con funcionarios de la región.",
      "según las recomendaciones del seminario de Santiago.",
      "para mejorar la eficiencia del gasto público.",
      "y acordó compartir la experiencia con los demás países.",
    ],
    kinds: { report: "Informe", minutes: "Acta", news: "Noticia", profile: "Perfil de país", talk: "Presentación" },
    about: "sobre",
    seminar: "Seminario",
  },
  en: {
    subjects: [
      "The public procurement agency",
      "The Network's Executive Committee",
      "The Contracts Directorate",
      "The Ministry of Finance",
      "The National Procurement Office",
      "The working group on SMEs",
      "The OAS technical secretariat",
    ],
    verbs: ["presented", "analysed", "approved", "published", "reviewed", "coordinated", "assessed"],
    objects: [
      "a report on electronic tendering",
      "the participation of small and medium-sized enterprises",
      "progress on transparency and accountability",
      "a training programme for procurement officials",
      "the harmonization of rules across countries",
      "electronic catalogues and framework agreements",
      "financial and tax integration",
      "public-private partnerships",
      "the interoperability of e-procurement systems",
      "electronic signatures on purchase orders",
      "criteria for sustainable public procurement",
      "bid evaluation and contract award",
    ],
    tails: [
      "with support from the Inter-American Development Bank.",
      "after a three-month public consultation.",
      "in a working session with officials from the region.",
      "following the recommendations of the Santiago seminar.",
      "to make public spending more efficient.",
      "and agreed to share the experience with the other countries.",
    ],
    kinds: { report: "Report", minutes: "Minutes", news: "News", profile: "Country profile", talk: "Presentation" },
    about: "on",
    seminar: "Seminar",
  },
  pt: {
    subjects: [
      "A agência de contratações públicas",
      "O Comitê Executivo da Rede",
      "A Secretaria de Logística",
      "O Ministério da Fazenda",
      "O grupo de trabalho sobre micro e pequenas empresas",
    ],
    verbs: ["apresentou", "analisou", "aprovou", "publicou", "revisou"],
    objects: [
      "um relatório sobre o pregão eletrônico",
      "a participação das micro e pequenas empresas",
      "os avanços em transparência e prestação de contas",
      "um programa de capacitação de servidores",
      "a harmonização das normas entre países",
      "os catálogos eletrônicos e atas de registro de preços",
      "a integração financeira e tributária",
      "as parcerias público-privadas",
      "a interoperabilidade dos sistemas de compras",
      "o uso da assinatura eletrônica nas ordens de compra",
      "critérios de contratações públicas sustentáveis",
      "o julgamento das propostas e a adjudicação",
    ],
    tails: [
      "com o apoio da OEA.",
      "após uma consulta pública.",
      "em São Paulo, com representantes da região.",
      "para melhorar a eficiência do gasto público.",
    ],
    kinds: { report: "Relatório", minutes: "Ata", news: "Notícia", profile: "Perfil do país", talk: "Apresentação" },
    about: "sobre",
    seminar: "Seminário",
  },
  fr: {
    subjects: [
      "L'agence des marchés publics",
      "Le Comité exécutif du Réseau",
      "La Direction des achats",
      "Le ministère des Finances",
      "Le groupe de travail sur les PME",
    ],
    verbs: ["a présenté", "a analysé", "a approuvé", "a publié", "a révisé"],
    objects: [
      "un rapport sur les appels d'offres électroniques",
      "la participation des petites et moyennes entreprises",
      "les progrès en matière de transparence et de reddition de comptes",
      "un programme de formation des fonctionnaires",
      "l'harmonisation des règles entre pays",
      "les catalogues électroniques et accords-cadres",
      "l'intégration financière et fiscale",
      "les partenariats public-privé",
      "l'interopérabilité des systèmes d'achat",
      "la signature électronique des bons de commande",
      "des critères d'achats publics durables",
      "l'évaluation des offres et l'attribution des marchés",
    ],
    tails: [
      "avec l'appui de la Banque interaméricaine de développement.",
      "après une consultation publique.",
      "à Montréal, avec des représentants de la région.",
      "pour améliorer l'efficacité de la dépense publique.",
    ],
    kinds: {
      report: "Rapport",
      minutes: "Procès-verbal",
      news: "Nouvelle",
      profile: "Profil de pays",
      talk: "Présentation",
    },
    about: "sur",
    seminar: "Séminaire",
  },
};

const CITIES = [
  { es: "Bogotá", en: "Bogotá", country: "CO", zone: "America/Bogota" },
  { es: "Ciudad de México", en: "Mexico City", country: "MX", zone: "America/Mexico_City" },
  { es: "São Paulo", en: "São Paulo", country: "BR", zone: "America/Sao_Paulo" },
  { es: "Brasilia", en: "Brasília", country: "BR", zone: "America/Sao_Paulo" },
  { es: "Asunción", en: "Asunción", country: "PY", zone: "America/Asuncion" },
  { es: "Ciudad de Panamá", en: "Panama City", country: "PA", zone: "America/Panama" },
  { es: "San José", en: "San José", country: "CR", zone: "America/Costa_Rica" },
  { es: "Tegucigalpa", en: "Tegucigalpa", country: "HN", zone: "America/Tegucigalpa" },
  { es: "Montreal", en: "Montréal", country: "CA", zone: "America/Toronto" },
  { es: "Lima", en: "Lima", country: "PE", zone: "America/Lima" },
  { es: "Santiago de Chile", en: "Santiago de Chile", country: "CL", zone: "America/Santiago" },
  { es: "Quito", en: "Quito", country: "EC", zone: "America/Guayaquil" },
  { es: "Montevideo", en: "Montevideo", country: "UY", zone: "America/Montevideo" },
  { es: "Washington D. C.", en: "Washington, D.C.", country: "US", zone: "America/New_York" },
  { es: "Kingston", en: "Kingston", country: "JM", zone: "America/Jamaica" },
  { es: "Managua", en: "Managua", country: "NI", zone: "America/Managua" },
  { es: "San Salvador", en: "San Salvador", country: "SV", zone: "America/El_Salvador" },
  { es: "La Paz", en: "La Paz", country: "BO", zone: "America/La_Paz" },
  { es: "Buenos Aires", en: "Buenos Aires", country: "AR", zone: "America/Argentina/Buenos_Aires" },
];

const DOCUMENT_KINDS = [
  ["executive-report", "report"],
  ["minutes", "minutes"],
  ["news", "news"],
  ["news", "news"],
  ["country-profile", "profile"],
  ["presentation", "talk"],
  ["agreement", "report"],
];
const EVENT_KINDS = ["seminar", "conference", "workshop", "meeting"];
const SESSION_TYPES = ["workshop", "forum", "presentation"];

/** Which languages a record is written in: mostly es+en, some in one only, a few in all four. */
const LANGUAGE_SETS = [
  ["es", "en"],
  ["es", "en"],
  ["es", "en"],
  ["es"],
  ["en"],
  ["es", "en", "pt"],
  ["es", "en", "fr"],
  ["es", "pt"],
  ["en", "fr"],
  ["es", "en", "pt", "fr"],
];

/**
 * `documents` documents and `events` events over the seed's countries, topics and institutions.
 * About 5% of documents are drafts (never public), as in a real library.
 */
export function generateContent({ documents, events, countries, topics, institutions, seed = 2005 }) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const some = (list, max) => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(list)))];
  const pad = (n, width) => String(n).padStart(width, "0");
  const sentence = (lang) => {
    const p = PHRASES[lang];
    return `${pick(p.subjects)} ${pick(p.verbs)} ${pick(p.objects)} ${pick(p.tails)}`;
  };
  const paragraph = (lang, n) => Array.from({ length: n }, () => sentence(lang)).join(" ");
  const localized = (langs, make) => Object.fromEntries(langs.map((lang) => [lang, make(lang)]));
  // One choice for every language of a record, so its translations say the same thing.
  const sameObject = (langs) => {
    const n = Math.floor(rnd() * PHRASES.es.objects.length);
    return localized(langs, (lang) => PHRASES[lang].objects[n]);
  };
  const date = (from, to, precision) => {
    const year = from + Math.floor(rnd() * (to - from + 1));
    const month = pad(1 + Math.floor(rnd() * 12), 2);
    const day = pad(1 + Math.floor(rnd() * 28), 2);
    return precision === 0 ? `${year}` : precision === 1 ? `${year}-${month}` : `${year}-${month}-${day}`;
  };

  // The documents that cost most to render and to search: the first has a body of the schema's
  // maximum (30,000 characters), and one in 500 a 20,000-character one, all in words searches
  // match. Their text comes from a generator of its own, so the other records stay as they were.
  const longText = (i, lang) => {
    const size = i === 1 ? 30_000 : i % 500 === 0 ? 20_000 : 0;
    if (size === 0) return "";
    const own = random(seed + i);
    const words = (list) => list[Math.floor(own() * list.length)];
    const p = PHRASES[lang];
    const parts = [];
    let length = 0;
    while (length < size) {
      const line = `${words(p.subjects)} ${words(p.verbs)} ${words(p.objects)} ${words(p.tails)}\n\n`;
      parts.push(line);
      length += line.length;
    }
    return `\n${parts.join("")}`;
  };
  // Cut to the schema's limit, ending on a full stop (the schema trims, so no space may end it).
  const withinLimit = (text) => (text.length <= 30_000 ? text : `${text.slice(0, 29_999)}.`);

  const docs = [];
  for (let i = 1; i <= documents; i++) {
    const [kind, word] = pick(DOCUMENT_KINDS);
    const langs = pick(LANGUAGE_SETS);
    const docCountries = some(countries, 4);
    const city = pick(CITIES);
    const objectIndex = Math.floor(rnd() * PHRASES.es.objects.length);
    const status = rnd() < 0.05 ? "draft" : "published";
    docs.push({
      id: `bench-document-${pad(i, 5)}`,
      kind,
      title: localized(langs, (lang) => {
        const p = PHRASES[lang];
        const object = p.objects[objectIndex];
        return `${p.kinds[word]} ${p.about} ${object} (${lang === "es" ? city.es : city.en}, ${pad(i, 5)})`;
      }),
      summary: localized(langs, (lang) => paragraph(lang, 2)),
      body: localized(langs, (lang) =>
        withinLimit(
          `## ${PHRASES[lang].kinds[word]}\n\n${paragraph(lang, 4)}\n\n${paragraph(lang, 3)}\n\n- ${sentence(lang)}\n- ${sentence(lang)}\n${longText(i, lang)}`,
        ),
      ),
      translations: Object.fromEntries(langs.map((lang, n) => [lang, n === 0 ? "original" : "translated"])),
      countries: docCountries,
      topics: some(topics, 2),
      status,
      publishedOn: date(1998, 2026, Math.floor(rnd() * 3)),
      version: 1 + Math.floor(rnd() * 3),
      source: "Generated by test/bench/generate.mjs for the scale benchmark",
    });
  }

  const evts = [];
  for (let i = 1; i <= events; i++) {
    const kind = pick(EVENT_KINDS);
    const langs = pick(LANGUAGE_SETS);
    const city = pick(CITIES);
    const precision = Math.floor(rnd() * 3);
    const start = date(1998, 2028, precision);
    const planned = start.slice(0, 4) >= "2027";
    evts.push({
      id: `bench-event-${pad(i, 4)}`,
      kind,
      title: ((object) => localized(langs, (lang) => `${PHRASES[lang].seminar} ${pad(i, 4)}: ${object[lang]}`))(
        sameObject(langs),
      ),
      summary: localized(langs, (lang) => paragraph(lang, 2)),
      status: planned ? "planned" : rnd() < 0.04 ? "cancelled" : "held",
      start,
      ...(precision === 2 ? { end: start, timeZone: city.zone } : {}),
      city: { es: city.es, en: city.en },
      hostCountries: [city.country],
      organizerIds: some(institutions, 2),
      attendingCountries: some(countries, 8),
      sessions: Array.from({ length: Math.floor(rnd() * 3) }, () => ({
        type: pick(SESSION_TYPES),
        title: sameObject(langs),
        topics: [sameObject(langs)],
        topicIds: some(topics, 2),
      })),
      participation: { officials: 10 + Math.floor(rnd() * 90), countries: 2 + Math.floor(rnd() * 17) },
      source: "Generated by test/bench/generate.mjs for the scale benchmark",
    });
  }
  return { documents: docs, events: evts };
}

/** Queries a visitor might type: words, phrases, accents or none, other languages, no match. */
export const SEARCH_QUERIES = [
  "pymes",
  "licitación electrónica",
  "licitacion electronica",
  "transparencia",
  "compras públicas sostenibles",
  "São Paulo",
  "marchés publics",
  "appels d'offres",
  "pregão eletrônico",
  "e-procurement",
  "capacitación de funcionarios",
  "Bogotá",
  "convenios marco",
  "interoperabilidad",
  "firma electrónica",
  "public-private partnerships",
  "armonización",
  "Santiago 2005",
  "a",
  "zzzz sin resultados",
];

/**
 * Queries with known answers, for measuring result quality: a document or event is relevant
 * when its title in `lang` has every word of `words` (accents and case aside). Bodies repeat the
 * same phrases at random, so the question is whether the documents about the subject come
 * before the ones that merely mention it. Some queries are misspelt on purpose.
 */
export const JUDGED_QUERIES = [
  { q: "licitación electrónica", lang: "es", words: "licitación electrónica" },
  { q: "licitasion electronica", lang: "es", words: "licitación electrónica" },
  { q: "pequeñas medianas empresas", lang: "es", words: "pequeñas medianas empresas" },
  { q: "firma electrónica órdenes", lang: "es", words: "firma electrónica órdenes" },
  { q: "capacitasion funcionarios", lang: "es", words: "capacitación funcionarios" },
  { q: "convenios marco Bogotá", lang: "es", words: "convenios marco Bogotá" },
  { q: "interoperabilidad sistemas", lang: "es", words: "interoperabilidad sistemas" },
  { q: "harmonization of rules", lang: "en", words: "harmonization rules" },
  { q: "framework agreements", lang: "en", words: "framework agreements" },
  { q: "sustainable procurement", lang: "en", words: "sustainable procurement" },
  { q: "pregão eletrônico", lang: "pt", words: "pregão eletrônico" },
  { q: "parcerias publico-privadas", lang: "pt", words: "parcerias público-privadas" },
  { q: "signature électronique", lang: "fr", words: "signature électronique" },
  { q: "acords-cadres", lang: "fr", words: "accords cadres" },
];
