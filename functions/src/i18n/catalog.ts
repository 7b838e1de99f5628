import type { Lang } from "../model/index.js";

/**
 * A part of the interface's message catalogue. Spanish is the reference: every other language
 * must have exactly the same keys, which the type enforces and a unit test re-checks at run time.
 * Placeholders are written {name}.
 */
export type Catalog<K extends string> = Record<Lang, Record<K, string>>;

export function defineCatalog<const T extends Record<string, string>>(catalog: {
  es: T;
  en: Record<keyof T, string>;
  pt: Record<keyof T, string>;
  fr: Record<keyof T, string>;
}): Catalog<Extract<keyof T, string>> {
  return catalog as Catalog<Extract<keyof T, string>>;
}

/** A message with its {name} placeholders filled; unknown ones stay visible so they get noticed. */
export function fillTemplate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** The keys of a catalogue part; over a union of parts, the keys of all of them. */
export type KeysOf<C> = C extends Catalog<infer K> ? K : never;

/** Several parts as one catalogue. A key in two parts throws: one would silently hide the other. */
export function mergeCatalogs<P extends Catalog<string>[]>(...parts: P): Catalog<KeysOf<P[number]>> {
  const merged: Record<string, Record<string, string>> = {};
  for (const part of parts) {
    for (const [lang, messages] of Object.entries(part)) {
      merged[lang] ??= {};
      const target = merged[lang];
      for (const [key, text] of Object.entries(messages)) {
        if (key in target) throw new Error(`message key "${key}" is defined by two catalogue parts`);
        target[key] = text;
      }
    }
  }
  return merged as never;
}
