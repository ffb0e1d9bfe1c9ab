/** `istanbul-talks names` */
import { loadCorpus } from '../corpus/load.js';
import { defaultGazetteer, loadGazetteer } from '../knowledge/gazetteer.js';
import { collectNames } from '../names/names.js';
import { renderNamesJson, renderNamesTable } from '../report/names.js';
import { sortDiagnostics } from '../run.js';
import { reportDiagnostics } from './corpus-run.js';
import { EXIT, hasErrors, outputMode, parseBytes, resolveColor, resolveCorpus, widthOf, write, type CommonOptions } from './shared.js';

export interface NamesCliOptions extends CommonOptions {
  format: 'table' | 'json';
}

export function runNames(opts: NamesCliOptions): void {
  const maxFileBytes = parseBytes(opts.maxFileSize);
  const loaded = loadCorpus(resolveCorpus(opts.corpus), {
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(opts.followSymlinks ? { followSymlinks: true } : {}),
  });
  const gazetteer = opts.gazetteer?.length ? loadGazetteer(opts.gazetteer) : defaultGazetteer();
  const report = collectNames(loaded.articles, gazetteer);
  write(opts.format === 'json' ? renderNamesJson(report) : renderNamesTable(report, { color: resolveColor(opts.color), ...widthOf(undefined) }), outputMode(opts.format));
  const diagnostics = sortDiagnostics(loaded.diagnostics);
  reportDiagnostics({ diagnostics }, opts);
  process.exitCode = hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}
