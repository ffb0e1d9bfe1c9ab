import { describe, expect, it } from 'vitest';
import { partitionSuppressed, scanSuppressions, suppressionProblems } from '../../src/check/suppress.js';
import type { FactRecord } from '../../src/types.js';

const scan = (raw: string) => scanSuppressions(raw, 'a', 'corpus/a.md').map((s) => ({ facts: s.facts, at: `${s.line}:${s.column}` }));

describe('scanSuppressions', () => {
  it.each([
    ['<!-- istanbul-talks-disable fact=duration -->', ['duration']],
    ['<!--istanbul-talks-disable fact=*-->', ['*']],
    ['<!-- istanbul-talks-disable -->', ['*']],
    ['<!-- istanbul-talks-disable fact=duration,venue fact=chair -->', ['duration', 'venue', 'chair']],
    ['<!-- istanbul-talks-disable fact=venue -- the FT corrected this later -->', ['venue']],
    ['<!-- istanbul-talks-disable\n  fact=venue\n-->', ['venue']],
    ['<!-- istanbul-talks-disable rule=venue -->', ['rule=venue']],
  ])('%j → %j', (comment, facts) => {
    expect(scan(`---\noutlet: X\npublished: 2025-05-16\n---\nText.\n${comment}\n`)).toEqual([{ facts, at: '6:1' }]);
  });

  it.each([
    ['another tool', '<!-- markdownlint-disable MD013 -->'],
    ['a longer directive name', '<!-- istanbul-talks-disable-next-line fact=venue -->'],
    ['an unterminated comment', '<!-- istanbul-talks-disable fact=venue'],
    ['plain text', 'istanbul-talks-disable fact=venue'],
  ])('ignores %s', (_name, text) => {
    expect(scan(`Body\n${text}\n`)).toEqual([]);
  });

  it('finds several directives with their positions (CRLF lines too)', () => {
    expect(scan('a\r\nb <!-- istanbul-talks-disable fact=venue -->\r\n<!-- x --><!-- istanbul-talks-disable fact=date -->')).toEqual([
      { facts: ['venue'], at: '2:3' },
      { facts: ['date'], at: '3:11' },
    ]);
  });

  it('is linear on many unclosed comment openers', () => {
    const raw = '<!-- '.repeat(200_000);
    const t = performance.now();
    expect(scan(raw)).toEqual([]);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('suppressionProblems and partitionSuppressed', () => {
  const s = scanSuppressions('<!-- istanbul-talks-disable fact=durration,venue -->', 'a', 'corpus/a.md');

  it('warns about arguments that are not fact kinds, at the directive', () => {
    const problems = suppressionProblems(s);
    expect(problems.map((p) => [p.severity, p.code, `${p.path}:${p.line}:${p.column}`])).toEqual([['warning', 'SUPPRESSION_UNKNOWN', 'corpus/a.md:1:1']]);
    expect(problems[0]?.message).toContain('"durration" is not a fact kind');
  });

  it('leaves out the named kinds of the suppressing article only', () => {
    const rec = (article: string, fact: FactRecord['fact']) => ({ article, fact }) as FactRecord;
    const { kept, suppressed } = partitionSuppressed([rec('a', 'venue'), rec('a', 'date'), rec('b', 'venue')], s);
    expect(suppressed.map((r) => `${r.article}/${r.fact}`)).toEqual(['a/venue']);
    expect(kept.map((r) => `${r.article}/${r.fact}`)).toEqual(['a/date', 'b/venue']);
    const all = scanSuppressions('<!-- istanbul-talks-disable fact=* -->', 'b', 'corpus/b.md');
    expect(partitionSuppressed([rec('a', 'venue'), rec('b', 'venue'), rec('b', 'date')], all).kept.map((r) => r.article)).toEqual(['a']);
  });
});
