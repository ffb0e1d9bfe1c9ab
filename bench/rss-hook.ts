/**
 * Preloaded into every command the benchmark times (`node --import`): on exit, writes the
 * process's peak resident set size and CPU time to the file named by BENCH_USAGE_FILE.
 */
import fs from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
