/**
 * The baseline: disagreements a team has reviewed and accepts, keyed by fingerprint. The other
 * fields are there for the people who review the file in a pull request, and to describe stale
 * entries; only the fingerprint decides whether a finding is known.
 */
import { byString } from '../canonical.js';
import { FACT_KINDS, type FactKind, type FactValue } from '../types.js';
import { parseJson } from '../corpus/input-file.js';
import { safeJson } from '../report/sanitize.js';

export const DEFAULT_BASELINE = '.istanbul-talks-baseline.json';

export interface BaselineValue {
  value: FactValue;
  label: string;
  outlets: string[];
}

export interface BaselineEntry {
  fingerprint: string;
  event: string | null;
  fact: FactKind;
  subject: string | null;
  status: 'conflict' | 'compatible';
  values: BaselineValue[];
}

export interface Baseline {
  schemaVersion: 1;
  entries: BaselineEntry[];
}

/** A baseline file that cannot be used; the CLI reports it as invalid input (exit 2). */
export class BaselineError extends Error {}

const FINGERPRINT = /^[0-9a-f]{64}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';

export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = parseJson(text);
  } catch (error) {
    throw new BaselineError((error as Error).message);
  }
  if (!isObject(data) || data.schemaVersion !== 1 || !Array.isArray(data.entries)) {
    throw new BaselineError('expected { "schemaVersion": 1, "entries": [...] }');
  }
  const entries = data.entries.map((e, i): BaselineEntry => {
    const where = `entries[${i}]`;
    if (!isObject(e)) throw new BaselineError(`${where} is not an object`);
    if (typeof e.fingerprint !== 'string' || !FINGERPRINT.test(e.fingerprint)) throw new BaselineError(`${where}.fingerprint must be 64 lower-case hex digits`);
    if (!isStringOrNull(e.event) || !isStringOrNull(e.subject)) throw new BaselineError(`${where}: event and subject must be strings or null`);
    if (typeof e.fact !== 'string' || !(FACT_KINDS as readonly string[]).includes(e.fact)) throw new BaselineError(`${where}.fact is not a fact kind`);
    if (e.status !== 'conflict' && e.status !== 'compatible') throw new BaselineError(`${where}.status must be "conflict" or "compatible"`);
    if (!Array.isArray(e.values)) throw new BaselineError(`${where}.values must be a list`);
    const values = e.values.map((v, j): BaselineValue => {
      if (!isObject(v) || typeof v.label !== 'string' || !Array.isArray(v.outlets) || !v.outlets.every((o) => typeof o === 'string') || !('value' in v)) {
        throw new BaselineError(`${where}.values[${j}] must be { value, label, outlets }`);
      }
      return { value: v.value as FactValue, label: v.label, outlets: v.outlets as string[] };
    });
    return { fingerprint: e.fingerprint, event: e.event as string | null, fact: e.fact as FactKind, subject: e.subject as string | null, status: e.status, values };
  });
  return { schemaVersion: 1, entries };
}

const eventKey = (e: string | null) => (e === null ? '\uffff' : e);

/** Deterministic text: entries in report order, one fingerprint once, trailing newline. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const unique = new Map<string, BaselineEntry>();
  for (const e of entries) if (!unique.has(e.fingerprint)) unique.set(e.fingerprint, e);
  const sorted = [...unique.values()].sort(
    (a, b) =>
      byString(eventKey(a.event), eventKey(b.event)) ||
      FACT_KINDS.indexOf(a.fact) - FACT_KINDS.indexOf(b.fact) ||
      byString(a.subject ?? '', b.subject ?? '') ||
      byString(a.fingerprint, b.fingerprint),
  );
  const doc: Baseline = {
    schemaVersion: 1,
    entries: sorted.map((e) => ({
      fingerprint: e.fingerprint,
      event: e.event,
      fact: e.fact,
      subject: e.subject,
      status: e.status,
      values: e.values.map((v) => ({ value: v.value, label: v.label, outlets: v.outlets })),
    })),
  };
  return `${safeJson(doc, 2)}\n`;
}
