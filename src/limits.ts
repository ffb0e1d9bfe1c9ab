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
