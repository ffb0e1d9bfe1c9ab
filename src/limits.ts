/**
 * What one input may make the program do, in one place. Each cap is far above what real input
 * needs (the longest sentence of the bundled, development, held-out and blind sets is 354
 * characters; the richest article has under 100 facts) and is reported when hit, never silently.
 */

/** Characters of one sentence read for facts; the rest of a longer sentence is skipped (SENTENCE_TOO_LONG). */
export const MAX_SENTENCE_CHARS = 2_000;

/**
 * Facts one article may give, counted as they are found (the same fact stated twice counts twice,
 * and so does each day a sentence names): the rest of the article is not read (FACTS_CAPPED).
 * Bounds the work, the output and the memory.
 */
export const MAX_FACTS_PER_ARTICLE = 5_000;

/** Bytes of a baseline file (`check --baseline`, or the one found in the working directory). */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** Bytes of one `--from-facts` file (NDJSON of a whole corpus's extraction). */
export const MAX_FACTS_FILE_BYTES = 256 * 1024 * 1024;

/** Bytes of a configuration file (istanbul-talks.config.json, or a package.json that holds the configuration). */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** Bytes of one `--calendar` file. */
export const MAX_CALENDAR_BYTES = 4 * 1024 * 1024;

/** Bytes of one `--gazetteer` file. */
export const MAX_GAZETTEER_BYTES = 16 * 1024 * 1024;

/** Nesting of arrays and objects in any JSON input; what the program writes nests 6 deep. */
export const MAX_JSON_DEPTH = 64;

/** Characters of one gazetteer name or alias. */
export const MAX_ALIAS_CHARS = 200;

/** Names, aliases, adjectives and metonyms in the gazetteer, the bundled one and --gazetteer files together. */
export const MAX_GAZETTEER_NAMES = 20_000;
