/**
 * Needs (src/extract/needs.ts) skip patterns where they cannot match, so each must be necessary:
 * wherever a pattern matches, all of its needs hold. That is checked on every sentence of the
 * corpus, the fixtures and the extractor tests, and on strings fast-check generates from each
 * pattern itself; the extractors must also find the same facts with their needs switched off.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.js';
import { buildContext, type Person, type SentenceContext } from '../../src/extract/context.js';
import { Prefilter, type Need } from '../../src/extract/needs.js';
import { EXTRACTORS } from '../../src/extract/registry.js';
import type { Extractor } from '../../src/extract/types.js';
import { defaultMeetings } from '../../src/events/meetings.js';
import { foldText } from '../../src/knowledge/fold.js';
import { defaultGazetteer, type Mention } from '../../src/knowledge/gazetteer.js';
import { ROOT } from '../helpers.js';

const gazetteer = defaultGazetteer();
const meetings = new Set(defaultMeetings().map((m) => m.id));
const GUARDED = EXTRACTORS.filter((e): e is Extractor & { prefilter: Prefilter } => e.prefilter !== undefined);

/** Every sentence of the bundled corpus and the fixtures, and every sentence the extractor tests quote. */
function sentences(): string[] {
  const out: string[] = [];
  for (const dir of ['corpus', 'test/fixtures/dev', 'test/fixtures/blind', 'test/fixtures/holdout', 'test/fixtures/hostile']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((n) => n.endsWith('.md'))) {
      const text = foldText(fs.readFileSync(path.join(ROOT, dir, f), 'utf8')).text;
      for (const s of splitSentences(text)) out.push(text.slice(s.start, s.end));
    }
  }
  const dir = path.join(ROOT, 'test/extract');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.ts'))) {
    const file = path.join(dir, f);
    const visit = (node: ts.Node): void => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.includes(' ')) out.push(foldText(node.text).text);
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true));
  }
  return out;
}
const CONTEXTS = sentences().map((s) => buildContext(s, '2025-05-16', gazetteer, meetings));

/**
 * A sentence whose mask is `masked`: every mark stands for letters of a name (`fill`), runs of "@"
 * are people and runs of "#" countries. With `literal`, the marks are the text's own instead.
 */
function contextOf(masked: string, fill: string, literal = false): SentenceContext {
  const lower = literal ? masked : masked.replace(/[@#]/g, fill);
  const runs = (mark: RegExp) => (literal ? [] : [...masked.matchAll(mark)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
  const mentions = runs(/#+/g).map((r): Mention => ({ entity: { id: 'x', kind: 'country', name: 'X', aliases: [] }, role: 'name', surface: '', ...r }));
  const people = runs(/@+/g).map((r): Person => ({ id: 'x', side: null, surface: '', known: false, ...r }));
  return { text: lower, lower, masked, mentions, people, reference: '2025-05-16', gazetteer, meetings };
}

function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** One past the `]` that closes the class opening at `i`. */
function classEnd(source: string, i: number): number {
  let j = i + 1;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** One past the `)` that closes the group opening at `i`. */
function groupEnd(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; ) {
    const c = source[j];
    if (c === '\\') j += 2;
    else if (c === '[') j = classEnd(source, j);
    else {
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return source.length;
}

/**
 * A pattern's source for fast-check, which cannot generate strings for lookarounds and word
 * boundaries: what a lookahead or lookbehind asks for is made part of the string, and negative
 * ones and boundaries are dropped. What it generates may then not match the pattern: such strings
 * are passed over.
 */
function relaxed(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; ) {
    const c = source[i] as string;
    if (c === '\\') {
      const pair = source.slice(i, i + 2);
      if (pair !== '\\b' && pair !== '\\B') out += pair;
      i += 2;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (/^\(\?<?!/.test(source.slice(i, i + 4))) {
      i = groupEnd(source, i);
    } else if (/^\(\?<?=/.test(source.slice(i, i + 4))) {
      const inner = source.slice(i, groupEnd(source, i) - 1).replace(/^\(\?<?=/, '');
      out += `(?:${relaxed(inner)})`;
      i = groupEnd(source, i);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * What may not be in a regex need, which is tried on the lower-case text for the masked one:
 * anything that could match a mark ("@", "#", a wildcard, a negated class, \W \S \D) or look
 * beyond what it matches (lookarounds, \b \B).
 */
function markSafe(source: string): boolean {
  for (let i = 0; i < source.length; ) {
    const c = source[i] as string;
    if (c === '\\') {
      if (/[bBWSD]/.test(source[i + 1] as string)) return false;
      i += 2;
    } else if (c === '[') {
      const end = classEnd(source, i);
      const body = source.slice(i + 1, end - 1);
      if (body.startsWith('^') || /[@#]|\\[WSD]/.test(body)) return false;
      i = end;
    } else {
      if (c === '.' || c === '@' || c === '#' || /^\(\?<?[=!]/.test(source.slice(i, i + 4))) return false;
      i++;
    }
  }
  return true;
}

describe('Prefilter', () => {
  const ctx = (text: string, mentions: Mention[] = []) => buildContext(text, '2025-05-16', gazetteer, meetings, mentions);
  const country = (start: number, end: number): Mention => ({ entity: { id: 'x', kind: 'country', name: 'X', aliases: [] }, role: 'name', start, end, surface: '' });

  it('sets the bit of a pattern whose needs all hold: one string of each list, every regex', () => {
    const f = new Prefilter([
      { re: /a/, needs: [['led', 'headed'], ['by']] },
      { re: /b/, needs: [/under\s+it/] },
      { re: /c/, needs: [] },
    ]);
    expect(f.viable(ctx('The team was headed by her.'))).toBe(0b101);
    expect(f.viable(ctx('It was led under\tit.'))).toBe(0b110);
    expect(f.viable(ctx('Nothing.'))).toBe(0b100);
  });

  it('reads "#" from the countries mentioned, or a "#" of the text, and "@" from the mask', () => {
    const f = new Prefilter([
      { re: /a/, needs: [['#']] },
      { re: /b/, needs: [['@']] },
    ]);
    expect(f.viable(ctx('Turkey said so.'))).toBe(0b00);
    expect(f.viable(ctx('Turkey said so.', [country(0, 6)]))).toBe(0b01);
    expect(f.viable(ctx('A #hashtag and @handle.'))).toBe(0b11);
    expect(f.viable(ctx('Vladimir Medinsky spoke.'))).toBe(0b10);
  });

  it('tests only the patterns asked about, and a shared need once', () => {
    let tested = 0;
    const counting = /by/;
    const test = counting.test.bind(counting);
    counting.test = (s: string) => (tested++, test(s));
    const f = new Prefilter([
      { re: /a/, needs: [counting] },
      { re: /b/, needs: [['x'], counting] },
      { re: /c/, needs: [counting, ['y']] },
    ]);
    expect(f.viable(ctx('x by y'))).toBe(0b111);
    expect(tested).toBe(1);
    expect(f.viable(ctx('x by y'), 0b010)).toBe(0b010);
    expect(f.viable(ctx('no'), 0b010)).toBe(0);
    expect(tested).toBe(2);
  });

  it('refuses a global regex, a mark inside a string, and more patterns than a bit set holds', () => {
    expect(() => new Prefilter([{ re: /a/, needs: [/by/g] }])).toThrow(/start of the sentence/);
    expect(() => new Prefilter([{ re: /a/, needs: [['@s']] }])).toThrow(/mark/);
    expect(() => new Prefilter(Array.from({ length: 32 }, () => ({ re: /a/, needs: [] as Need[] })))).toThrow(/31/);
  });
});

describe('needs of the extractors', () => {
  it('are declared by the extractors whose patterns fail most often', () => {
    expect(GUARDED.map((e) => e.id).sort()).toEqual(['ceasefire-proposal', 'chair', 'delegation-head', 'mediator', 'prisoner-exchange']);
  });

  it('state regexes that match in the lower-case text whatever they match in the mask', () => {
    for (const e of GUARDED) {
      for (const p of e.prefilter.patterns) {
        if (p.over === 'lower') continue;
        for (const need of p.needs) if (need instanceof RegExp) expect(markSafe(need.source), `${e.id}: /${need.source}/`).toBe(true);
      }
    }
    expect(markSafe(String.raw`\sled[\s.,;]`)).toBe(true);
    for (const bad of [String.raw`\bled`, 'le.', '[^a]', String.raw`\S`, '(?=a)', '(?<!a)b', '#', '[@a]']) expect(markSafe(bad), bad).toBe(false);
  });

  it('hold in every sentence of the corpus, the fixtures and the tests where a pattern matches', () => {
    let found = 0;
    for (const e of GUARDED) {
      const { patterns } = e.prefilter;
      for (const ctx of CONTEXTS) {
        const bits = e.prefilter.viable(ctx);
        patterns.forEach((p, i) => {
          if (!matches(p.re, p.over === 'lower' ? ctx.lower : ctx.masked)) return;
          found++;
          expect((bits >> i) & 1, `${e.id} #${i}: ${ctx.masked}`).toBe(1);
        });
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  for (const e of GUARDED) {
    it(`hold wherever a pattern of ${e.id} matches a string made from the pattern itself`, () => {
      e.prefilter.patterns.forEach((p, i) => {
        let matched = 0;
        fc.assert(
          fc.property(fc.stringMatching(new RegExp(relaxed(p.re.source))), fc.constantFrom('a', 'x', ' ', '-', "'"), fc.boolean(), (masked, fill, literal) => {
            if (!matches(p.re, masked)) return;
            matched++;
            // A pattern over the lower-case text sees no marks: what was made is that text.
            const ctx = p.over === 'lower' ? contextOf(masked, '', true) : contextOf(masked, fill, literal);
            expect((e.prefilter.viable(ctx) >> i) & 1, `${e.id} #${i}: ${JSON.stringify(masked)}`).toBe(1);
          }),
          { numRuns: 1000 },
        );
        // Most strings made without the lookarounds still match: the property was put to the test.
        expect(matched, `${e.id} #${i}`).toBeGreaterThan(30);
      });
    });
  }

  it('leave the extractors finding what they find with every pattern tried', () => {
    const generated = fc.sample(
      fc.array(fc.constantFrom(...PIECES), { minLength: 3, maxLength: 25 }).map((p) => p.join(' ')),
      { numRuns: 3000, seed: 7 },
    );
    const contexts = [...CONTEXTS, ...generated.map((s) => buildContext(foldText(s).text, '2025-05-16', gazetteer, meetings))];
    let facts = 0;
    for (const e of GUARDED) {
      const all = new Map<SentenceContext, unknown>();
      const filter = e.prefilter;
      const viable = filter.viable;
      filter.viable = (_ctx, among = filter.all) => among;
      try {
        for (const ctx of contexts) all.set(ctx, e.extract(ctx));
      } finally {
        filter.viable = viable;
      }
      for (const ctx of contexts) {
        const found = e.extract(ctx);
        facts += found.length;
        expect(found, `${e.id}: ${ctx.text}`).toEqual(all.get(ctx));
      }
    }
    expect(facts).toBeGreaterThan(200);
  });
});

/** Words of the patterns, names, titles and punctuation, to put sentences together from. */
const PIECES = [
  'Vladimir Medinsky', 'Rustem Umerov', 'Hakan Fidan', 'Sergei Lavrov', 'Andriy Yermak', 'Kyrylo Budanov', 'Jane Doe', 'Medinsky', 'Umerov', 'Fidan',
  'Russia', "Russia's", 'Ukraine', "Ukraine's", 'Ukrainian', 'Russian', 'Turkey', 'Turkish', 'Kyiv', 'Moscow', 'Ankara', 'the US', 'Washington',
  'led', 'leads', 'lead', 'leading', 'headed', 'heads', 'head', 'heading', 'fronted', 'at the helm of', 'at the head of', 'led by', 'headed by',
  'was', 'is', 'will', 'again', 'who', 'which', 'and', 'for', 'of', 'the', 'its', 'under', 'by', 'as', 'to', 'in', 'that',
  'delegation', 'delegations', 'team', 'teams', 'negotiators', 'side', 'delegates', 'talks', 'meeting', 'round', 'session', 'negotiations',
  'chief negotiator', 'chief negotiators', 'delegation head', 'head of', 'leader of', 'deputy head', 'deputy', 'presidential aide', 'defence minister',
  'chaired', 'chaired by', 'chair', 'presided over', 'hosted', 'hosting', 'moderated', 'in the chair', 'played host', 'host of', 'them',
  'brokered', 'mediated', 'mediation', 'mediator', 'acting as mediator', 'under the auspices of', '-brokered', '-mediated', 'good offices',
  '30-day', 'two-day', 'month-long', 'ceasefire', 'truce', 'pause', 'halt', 'proposed', 'offered', 'called for', 'two to three days', 'hours', 'pausing the fighting for',
  ',', '.', ';', '(', ')', "'s", '-', 'respectively',
];
