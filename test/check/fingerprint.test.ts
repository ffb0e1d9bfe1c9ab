import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/check/fingerprint.js';

const base = {
  event: '2025-05-16',
  fact: 'venue' as const,
  subject: null,
  values: [
    { value: 'dolmabahce-palace', outlets: ['Financial Times', 'Atalayar'] },
    { value: 'ciragan-palace', outlets: ['bne IntelliNews'] },
  ],
};

describe('fingerprint', () => {
  it('is sha256 over the canonical JSON of event, fact, subject and sorted [value, sorted outlets] pairs', () => {
    const text =
      '{"event":"2025-05-16","fact":"venue","subject":null,"values":[["ciragan-palace",["bne IntelliNews"]],["dolmabahce-palace",["Atalayar","Financial Times"]]]}';
    expect(fingerprint(base)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('does not depend on the order of values or outlets, nor on key order inside values', () => {
    const reordered = { ...base, values: [{ value: 'ciragan-palace', outlets: ['bne IntelliNews'] }, { value: 'dolmabahce-palace', outlets: ['Atalayar', 'Financial Times'] }] };
    expect(fingerprint(reordered)).toBe(fingerprint(base));
    const a = { ...base, fact: 'duration' as const, values: [{ value: { minutes: 120, qualifier: 'exact' as const }, outlets: ['A'] }, { value: { minutes: 90, qualifier: 'exact' as const }, outlets: ['B'] }] };
    const b = { ...a, values: [{ value: { qualifier: 'exact' as const, minutes: 120 }, outlets: ['A'] }, { value: { minutes: 90, qualifier: 'exact' as const }, outlets: ['B'] }] };
    expect(fingerprint(a)).toBe(fingerprint(b));
  });

  it('changes with the meeting, the fact, the subject, a value, or the outlets behind a value', () => {
    const fp = fingerprint(base);
    expect(fingerprint({ ...base, event: '2025-06-02' })).not.toBe(fp);
    expect(fingerprint({ ...base, event: null })).not.toBe(fp);
    expect(fingerprint({ ...base, fact: 'chair' })).not.toBe(fp);
    expect(fingerprint({ ...base, subject: 'russia' })).not.toBe(fp);
    expect(fingerprint({ ...base, values: [base.values[0]!, { value: 'yildiz-palace', outlets: ['bne IntelliNews'] }] })).not.toBe(fp);
    expect(fingerprint({ ...base, values: [base.values[0]!, { value: 'ciragan-palace', outlets: ['bne IntelliNews', 'New Wire'] }] })).not.toBe(fp);
    // An outlet moving from one value to the other is a different disagreement.
    expect(fingerprint({ ...base, values: [{ value: 'dolmabahce-palace', outlets: ['Atalayar'] }, { value: 'ciragan-palace', outlets: ['Financial Times', 'bne IntelliNews'] }] })).not.toBe(fp);
  });

  it('ignores everything else a comparison carries (labels, evidence, positions)', () => {
    const withEvidence = { ...base, values: base.values.map((v) => ({ ...v, label: 'x', evidence: [{ line: 99, column: 3 }] })) };
    expect(fingerprint(withEvidence)).toBe(fingerprint(base));
  });
});
