/**
 * Issue 12's reproductions 5, 6 and 7 from the outside: the built CLI reads an article written
 * that way and reports the head, the variant's canonical id and the equal pair, and nothing made
 * of the leader's name, the variant's spelling or the cut-off name; and the second round of ways of
 * writing (issue 12's field set) the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-wording-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BODY = [
  'Delegations met in Istanbul on Friday.',
  "Moscow's team, headed by Putin's adviser Vladimir Medinsky, arrived early.",
  "Kyiv's team was headed by Defence Minister Rustam Umerov.",
  'Both delegations backed a 1,200-1,200 POW swap.',
  'The excerpt stops with a quote from Vladimir Medinsk',
].join('\n\n');

describe('real-world wording through the CLI', () => {
  it('extracts the aide as head, the canonical id of a variant, and an equal pair', () => {
    const dir = path.join(tmp, 'corpus');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'wire.md'), `---\noutlet: Wire\npublished: 2025-05-16\n---\n${BODY}\n`);
    const r = cli(['extract', '--corpus', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const facts = (JSON.parse(r.stdout) as { facts: Array<{ fact: string; subject: string | null; value: unknown; evidence: { quote: string } }> }).facts;
    const heads = facts.filter((f) => f.fact === 'delegation-head').map((f) => [f.subject, f.value, f.evidence.quote]);
    expect(heads).toEqual([
      ['russia', 'vladimir-medinsky', 'Vladimir Medinsky'],
      ['ukraine', 'rustem-umerov', 'Rustam Umerov'],
    ]);
    expect(facts.filter((f) => f.fact === 'prisoner-exchange').map((f) => f.value)).toEqual([{ perSide: 1200, total: 2400, qualifier: 'exact' }]);
    expect(r.stdout).not.toContain('vladimir-putin');
    expect(r.stdout).not.toContain('rustam-umerov');
    expect(r.stdout).not.toContain('vladimir-medinsk"');
  });

  it('reads the second round of ways of writing: ellipsis, long titles, quoted pairs, verbs of lasting, relative chairs, other spellings', () => {
    const dir = path.join(tmp, 'round-two');
    fs.mkdirSync(dir);
    const body = [
      'The delegations met in Istanbul on Friday.',
      "Kyiv's delegation was headed by David Arachamija, and Moscow's by the assistant of the President of the Russian Federation Vladimir Medinsky.",
      'Zelensky, who sent the delegation, said he expected results.',
      'The talks, which Turkish Foreign Minister Hakan Fidan chaired, proceeded about two hours in total.',
      'Both sides agreed on the "900 for 900" formula.',
      'On Sunday each side handed over 150 more captives.',
    ].join('\n\n');
    fs.writeFileSync(path.join(dir, 'wire.md'), `---\noutlet: Wire\npublished: 2025-05-16\n---\n${body}\n`);
    const r = cli(['extract', '--corpus', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const facts = (JSON.parse(r.stdout) as { facts: Array<{ fact: string; subject: string | null; value: unknown }> }).facts;
    const of = (kind: string) => facts.filter((f) => f.fact === kind).map((f) => (f.subject ? [f.subject, f.value] : f.value));
    expect(of('delegation-head')).toEqual([
      ['ukraine', 'david-arakhamia'],
      ['russia', 'vladimir-medinsky'],
    ]);
    expect(of('chair')).toEqual(['hakan-fidan']);
    expect(of('duration')).toEqual([{ minutes: 120, qualifier: 'about' }]);
    expect(of('prisoner-exchange')).toEqual([{ perSide: 900, total: 1800, qualifier: 'exact' }]);
    expect(r.stdout).not.toContain('david-arachamija');
    expect(r.stdout).not.toContain('volodymyr-zelensky');
  });
});
