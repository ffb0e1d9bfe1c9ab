import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildContext } from '../src/extract/context.js';
import { refine } from '../src/extract/refiners.js';
import { defaultMeetings } from '../src/events/meetings.js';
import { foldText } from '../src/knowledge/fold.js';
import type { Extractor } from '../src/extract/types.js';
import { defaultGazetteer } from '../src/knowledge/gazetteer.js';

export const ROOT = path.resolve(__dirname, '..');
export const BIN = path.join(ROOT, 'bin/istanbul-talks.js');

/** What an extractor finds in one sentence: subject, value and the quoted span. */
export function find(extractor: Extractor, text: string, reference = '2025-05-16') {
  const folded = foldText(text).text;
  const ctx = buildContext(folded, reference, defaultGazetteer(), new Set(defaultMeetings().map((m) => m.id)));
  return refine(extractor.extract(ctx)).map((c) => ({ subject: c.subject, value: c.value, quote: folded.slice(c.start, c.end) }));
}

/** Every match of a global pattern: where it starts and what it took. */
export function matches(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(`${m.index}:${m[0]}`);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Distinct values found (one statement read by two patterns is one fact for one meeting). */
export function values(extractor: Extractor, text: string, reference?: string): unknown[] {
  const all = find(extractor, text, reference).map((c) => (c.subject ? [c.subject, c.value] : c.value));
  const seen = new Set<string>();
  return all.filter((v) => !seen.has(JSON.stringify(v)) && seen.add(JSON.stringify(v)) !== undefined);
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, colour off unless the env says otherwise. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An in-memory article (front matter and body), as the loader would give it. */
export function articleOf(body: string, meta: { published: string; outlet?: string; id?: string; event?: string | null }): import('../src/types.js').Article {
  const head = `---\noutlet: ${meta.outlet ?? 'Test Wire'}\npublished: ${meta.published}\n---\n`;
  return {
    id: meta.id ?? 'test-article',
    path: 'corpus/test-article.md',
    outlet: meta.outlet ?? 'Test Wire',
    published: meta.published,
    title: body.split('\n')[0] ?? '',
    url: null,
    author: [],
    language: 'en',
    event: meta.event ?? null,
    raw: head + body,
    bodyStart: head.length,
  };
}
