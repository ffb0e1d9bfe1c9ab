/** Numbers as reporters write them: "1,000", "1000", "1.5", "two", "forty", "twenty-five", "a thousand", "twelve hundred". */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };

const unitWords = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|');
const tensWords = Object.keys(TENS).join('|');

/** A number in digits. Thousands separators must be well formed. */
export const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
/** A number in words, up to the thousands ("two", "forty-five", "a thousand", "twelve hundred", "1,000"). */
export const SMALL = `(?:(?:${tensWords})(?:[- ](?:${unitWords}))?|${unitWords})`;
// SMALL once, its scale optional, rather than twice ("(a|…|SMALL) hundred|SMALL"): the same
// matches in the same order of preference, and half the pattern for V8 to compile at start-up.
export const WORDS = `(?:(?:a|an|one)[- ](?:hundred|thousand)|${SMALL}(?:[- ](?:hundred|thousand))?|hundred|thousand)`;
/** Digits or words. Use with the `i` flag and word boundaries around it. */
export const NUMBER = `(?:${DIGITS}|${WORDS})`;

/** Parses what NUMBER matched; null when it is not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d/.test(t)) {
    if (!/^(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$/.test(t)) return null;
    return Number(t.replace(/,/g, ''));
  }
  let total = 0;
  let current = 0;
  let any = false;
  for (const word of t.split(/[- ]+/)) {
    if (word === 'a' || word === 'an') {
      current = 1;
      any = true;
    } else if (word in UNITS) {
      current += UNITS[word] as number;
      any = true;
    } else if (word in TENS) {
      current += TENS[word] as number;
      any = true;
    } else if (word in SCALES) {
      current = (current || 1) * (SCALES[word] as number);
      if (word === 'thousand') {
        total += current;
        current = 0;
      }
      any = true;
    } else if (word === 'and') {
      continue;
    } else return null;
  }
  return any ? total + current : null;
}
