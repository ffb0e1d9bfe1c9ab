import { describe, expect, it } from 'vitest';
import { findingsOfComparison } from '../../src/check/findings.js';
import { escapeData, escapeProperty, renderGithub, workflowCommand } from '../../src/report/github.js';
import { comparison, report, valueGroup, venueConflict } from '../check/factories.js';

describe('workflow-command escaping', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
    expect(escapeProperty('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext%3A a%2C b');
    // Escaping is not undone by a second pass on already-escaped text: % goes first.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('builds one command line; a multi-line message stays on it', () => {
    expect(workflowCommand('error', { file: 'corpus/a.md', line: 3, col: 7, title: 'venue: x, y' }, ['first', 'second'])).toBe(
      '::error file=corpus/a.md,line=3,col=7,title=venue%3A x%2C y::first%0Asecond\n',
    );
  });
});

describe('renderGithub', () => {
  it('annotates each article behind a disagreement at its evidence, errors only for what fails', () => {
    const out = renderGithub(findingsOfComparison(report([venueConflict()]), 'conflict'));
    expect(out.split('\n')).toEqual([
      '::error file=corpus/atalayar.md,line=10,col=5,title=conflict%3A venue at meeting 2025-05-16 — Atalayar::Atalayar says Dolmabahçe Palace: “Dolmabahçe Palace”%0Avenue at meeting 2025-05-16: Dolmabahçe Palace [Atalayar, Financial Times] vs Çırağan Palace [bne IntelliNews]%0Afingerprint ' +
        findingsOfComparison(report([venueConflict()]), 'conflict').findings[0]?.fingerprint,
      expect.stringMatching(/^::error file=corpus\/financial-times\.md,line=11,col=5,title=conflict%3A venue at meeting 2025-05-16 — Financial Times::Financial Times says Dolmabahçe Palace/),
      expect.stringMatching(/^::error file=corpus\/bne-intellinews\.md,line=10,col=5,title=conflict%3A venue at meeting 2025-05-16 — bne IntelliNews::bne IntelliNews says Çırağan Palace/),
      'istanbul-talks: 1 disagreement: 1 failing',
      '',
    ]);
    expect(renderGithub(findingsOfComparison(report([venueConflict()]), 'never'))).toMatch(/^::warning file=/);
  });

  it('cannot be made to forge a property or a second command by an outlet name or a quote', () => {
    const evil = 'Evil,line=1,title=x::error::pwned%0A\r\n::warning::owned';
    const c = comparison('venue', 'conflict', [
      valueGroup('dolmabahce-palace', 'Dolmabahçe Palace', ['Atalayar']),
      valueGroup('x', 'Palace\n::error::forged', [evil], { path: 'corpus/a,b:c.md', quote: 'quote\r\n::error::forged%' }),
    ]);
    const out = renderGithub(findingsOfComparison(report([c]), 'conflict'));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3); // two annotations and the summary: nothing injected a line
    const evilLine = lines[1] as string;
    const [, props, message] = /^::error ([^:]*)::(.*)$/.exec(evilLine) ?? [];
    expect(props).toBe(
      'file=corpus/a%2Cb%3Ac.md,line=10,col=5,title=conflict%3A venue at meeting 2025-05-16 — Evil%2Cline=1%2Ctitle=x%3A%3Aerror%3A%3Apwned%250A %3A%3Awarning%3A%3Aowned',
    );
    expect(props?.split(',').map((p) => p.split('=')[0])).toEqual(['file', 'line', 'col', 'title']);
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).toContain('quote ::error::forged%25');
  });

  it('annotates corpus diagnostics and notes stale baseline entries', () => {
    const r = report([]);
    r.diagnostics = [{ severity: 'error', path: 'corpus/x.md', line: 3, column: 1, code: 'FIELD_DATE', message: '"published": 2025-02-30 is not a calendar date' }];
    const c = findingsOfComparison(r, 'conflict');
    c.stale = [{ fingerprint: 'a'.repeat(64), event: '2025-05-16', fact: 'venue', subject: null, status: 'conflict', values: [{ value: 'x', label: 'X', outlets: ['A'] }] }];
    c.summary.stale = 1;
    expect(renderGithub(c)).toBe(
      '::error file=corpus/x.md,line=3,col=1,title=FIELD_DATE::"published": 2025-02-30 is not a calendar date\n' +
        '::notice title=stale baseline entry::no longer found: venue at meeting 2025-05-16: X [A]\n' +
        'istanbul-talks: 0 disagreements: 0 failing, 1 stale baseline entry, 1 corpus error\n',
    );
  });
});
