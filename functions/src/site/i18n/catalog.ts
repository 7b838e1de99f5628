import type { Lang } from "../../model/index.js";

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
