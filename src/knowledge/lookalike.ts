/**
 * Names that look alike. An outlet's name is normalised when it is read (NFC, default-ignorable
 * characters and the Braille blank dropped, white space runs one space), so "Reuters" followed by
 * a variation selector is "Reuters". What normalisation cannot merge — a Cyrillic "е" in "Rеuters"
 * — Unicode's confusables skeleton (UTS #39) finds: two names with the same skeleton look the same.
 */
import { CONFUSABLE_PROTOTYPES } from './confusables.js';

/** Default-ignorable code points (variation selectors, CGJ, soft hyphen, tags …) and U+2800, a blank that is no space. */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** A name as it is compared and shown: NFC, invisible characters dropped, white space runs one space, trimmed. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').replace(IGNORABLE, '').split(/\s+/).filter(Boolean).join(' ');
}

let prototypes: Map<string, string> | null = null;

/** UTS #39 skeleton over the Latin, Cyrillic and Greek table: NFD, each character its prototype, NFD. */
export function skeleton(text: string): string {
  prototypes ??= new Map(CONFUSABLE_PROTOTYPES);
  let out = '';
  for (const c of normalizeName(text).normalize('NFD')) out += prototypes.get(c) ?? c;
  return out.normalize('NFD');
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

/** The scripts among Latin, Cyrillic and Greek whose letters `text` has. */
export function scriptsOf(text: string): string[] {
  return SCRIPTS.filter(([, re]) => re.test(text)).map(([name]) => name);
}

/**
 * Keeps the names seen so far by skeleton; `check` answers, for a new name, the earlier one it
 * looks like (same skeleton, other characters), or null.
 */
export function lookalikes(): { check(name: string, where: string): { name: string; where: string } | null } {
  const seen = new Map<string, { name: string; where: string }>();
  return {
    check(name, where) {
      const key = skeleton(name);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { name, where });
        return null;
      }
      return first.name === name ? null : first;
    },
  };
}
