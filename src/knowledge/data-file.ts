/**
 * The knowledge base's data files (the gazetteer, the meeting calendar): read as every input but
 * the articles is (a regular file, size capped; src/corpus/input-file.ts), each error turned into
 * the loader's own, naming the file and line.
 */
import { InputFileError, readInputFile } from '../corpus/input-file.js';

/** Line of the first occurrence of `needle` in a file's text, for error messages (1 when absent). */
export function lineOf(source: string, needle: string): number {
  const at = source.indexOf(needle);
  if (at === -1) return 1;
  let line = 1;
  for (let i = 0; i < at; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** The text of each file, in order; a file that cannot be read is `fail(reason, file)`. */
export function readDataFiles(files: readonly string[], what: string, maxBytes: number, fail: (reason: string, file: string) => Error): Array<{ file: string; source: string }> {
  return files.map((file) => {
    try {
      return { file, source: readInputFile(file, { what, maxBytes, followSymlinks: true }) };
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      throw fail(error.message.slice(error.message.indexOf(': ') + 2), file);
    }
  });
}
