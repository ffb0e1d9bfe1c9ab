/** Validates outputs against the JSON Schemas shipped in schema/ (ajv, draft 2020-12, strict). */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from '../helpers.js';

export const SCHEMA_DIR = path.join(ROOT, 'schema');

const ajv = new Ajv2020({ strict: true, allErrors: true });
for (const file of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')));
}

export type SchemaName = 'config' | 'extract' | 'extract-record' | 'compare' | 'compare-record' | 'check' | 'check-record' | 'baseline' | 'sources';

/** The validation errors of `data` against schema/<name>.schema.json (empty when valid). */
export function schemaErrors(name: SchemaName, data: unknown): string[] {
  const validate = ajv.getSchema(`${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} (${e.schemaPath})`);
}

/** Every line of an NDJSON text, validated; errors carry the line number. */
export function ndjsonErrors(name: SchemaName, text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l, i) => schemaErrors(name, JSON.parse(l)).map((e) => `line ${i + 1}: ${e}`));
}
