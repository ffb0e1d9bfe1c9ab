/** The README is a user's page (issue 14, point 11): short, with contents, and its quick start is true. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli } from './helpers.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

describe('README', () => {
  it('is under 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThan(300);
  });

  it('has a table of contents that links every section', () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1] as string).filter((h) => h !== 'Contents');
    const contents = readme.slice(readme.indexOf('## Contents'), readme.indexOf('## ', readme.indexOf('## Contents') + 3));
    for (const h of headings) expect(contents, h).toContain(`](#${anchor(h)})`);
  });

  it('links only to docs that exist', () => {
    const links = [...readme.matchAll(/\]\((docs\/[^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string);
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const link of links) expect(fs.existsSync(path.join(ROOT, link)), link).toBe(true);
    for (const page of ['performance', 'accuracy', 'security', 'sharding']) expect(links).toContain(`docs/${page}.md`);
  });

  it('shows the quick start output byte for byte as the build prints it', () => {
    const start = readme.indexOf('```\n', readme.indexOf('Its output'));
    const block = readme.slice(start + 4, readme.indexOf('```\n', start + 4));
    const r = cli(['compare']);
    expect(r.status).toBe(0);
    expect(block).toBe(r.stdout);
  });
});
