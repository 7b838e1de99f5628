// A record's id made from its title: what IdSchema (functions/src/model/common.ts) accepts.
// Pure, so unit tests run it without a browser.

/** The longest id IdSchema accepts. */
export const ID_MAX = 120;

// Letters NFD does not split into a base and a mark.
const LIGATURES: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ł: "l", ð: "d", þ: "th" };

/**
 * "Compras Públicas en México: 2026" → "compras-publicas-en-mexico-2026": lower case, accents
 * stripped, every other run of characters one hyphen, cut at a word's end to fit ID_MAX.
 * A title with no letter or digit gives "" (the id field then asks for one).
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđłðþ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= ID_MAX) return slug;
  const cut = slug.slice(0, ID_MAX + 1);
  const end = cut.lastIndexOf("-");
  return (end > 0 ? cut.slice(0, end) : slug.slice(0, ID_MAX)).replace(/-+$/, "");
}
