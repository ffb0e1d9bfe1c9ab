import { describe, expect, it } from 'vitest';
import { createProgress, isCi, progressAllowed, renderProgress, type ProgressPolicy } from '../../src/cli/progress.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };
const policy = (over: Partial<ProgressPolicy>): ProgressPolicy => ({
  stderr: tty,
  stdout: tty,
  stdoutIsPipe: false,
  env: {},
  machineFormat: false,
  streaming: false,
  ...over,
});

describe('progress policy', () => {
  it('shows a bar only on a terminal, outside CI, and not for machine output into a pipe', () => {
    expect(progressAllowed(policy({}))).toBe(true);
    expect(progressAllowed(policy({ stderr: pipe }))).toBe(false);
    expect(progressAllowed(policy({ env: { CI: 'true' } }))).toBe(false);
    expect(progressAllowed(policy({ env: { CI: '1' } }))).toBe(false);
    expect(progressAllowed(policy({ env: { CI: 'false' } }))).toBe(true);
    expect(progressAllowed(policy({ env: { TERM: 'dumb' } }))).toBe(false);
    expect(progressAllowed(policy({ machineFormat: true, stdout: pipe, stdoutIsPipe: true }))).toBe(false);
    // A table into a pipe, or JSON into a file, while someone watches the terminal: yes.
    expect(progressAllowed(policy({ stdout: pipe, stdoutIsPipe: true }))).toBe(true);
    expect(progressAllowed(policy({ machineFormat: true, stdout: pipe, stdoutIsPipe: false }))).toBe(true);
    // Streamed output on the terminal is its own progress.
    expect(progressAllowed(policy({ streaming: true }))).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
  });
});

describe('progress bar', () => {
  it('stays silent for the first second, redraws at most every 100 ms, and erases itself', () => {
    let now = 0;
    const written: string[] = [];
    const bar = createProgress('extracting', { isTTY: true, columns: 80, write: (s) => written.push(s) }, () => now);
    now = 500;
    bar.update(10, 100);
    expect(written).toEqual([]);
    now = 1200;
    bar.update(40, 100);
    now = 1250;
    bar.update(45, 100);
    now = 1310;
    bar.update(50, 100);
    expect(written).toHaveLength(2);
    expect(written[0]).toBe(`\r${renderProgress('extracting', 40, 100, 1200, 80)}\x1b[K`);
    bar.stop();
    expect(written[2]).toBe('\r\x1b[K');
    bar.stop();
    expect(written).toHaveLength(3);
  });

  it('never writes anything when the run ends within a second', () => {
    let now = 0;
    const written: string[] = [];
    const bar = createProgress('extracting', { isTTY: true, columns: 80, write: (s) => written.push(s) }, () => now);
    now = 900;
    bar.update(100, 100);
    bar.stop();
    expect(written).toEqual([]);
  });

  it('draws on a terminal that does not report its width', () => {
    const written: string[] = [];
    let now = 0;
    const bar = createProgress('extracting', { isTTY: true, columns: 0, write: (s) => written.push(s) }, () => now);
    now = 1500;
    bar.update(1, 2);
    expect(written[0]).toContain('1/2 files');
  });

  it('fits the terminal width', () => {
    expect(renderProgress('extracting', 4213, 10000, 3100, 80)).toBe(
      `extracting ${'█'.repeat(15)}${'░'.repeat(20)} 4,213/10,000 files · 42% · 3.1 s`,
    );
    for (const columns of [20, 40, 60, 80, 200]) expect(renderProgress('extracting', 5, 10, 1000, columns).length).toBeLessThan(columns);
  });
});
