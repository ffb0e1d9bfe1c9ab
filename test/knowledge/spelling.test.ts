import { describe, expect, it } from 'vitest';
import { editDistance, soundKey } from '../../src/knowledge/spelling.js';

describe('editDistance', () => {
  it.each([
    ['rustem', 'rustem', 2, 0],
    ['rustam', 'rustem', 2, 1],
    ['dmytro', 'dmitry', 2, 2],
    ['medinksy', 'medinsky', 2, 1],
    ['dormabach', 'dolmabahce', 3, 3],
    ['umerov', 'umerov', 0, 0],
    // past the limit it says only that: limit + 1
    ['ivan', 'igor', 1, 2],
    ['a', 'abcdef', 2, 3],
  ])('%s ~ %s within %i: %i', (a, b, limit, expected) => {
    expect(editDistance(a, b, limit)).toBe(expected);
  });
});

describe('soundKey', () => {
  it.each([
    ['arachamija', 'arakhamia'],
    ['wladimir medinskij', 'vladimir medinsky'],
    ['umjerow', 'umierov'],
    ['davyd', 'david'],
    ['medinskii', 'medinsky'],
  ])('%s sounds as %s', (a, b) => {
    expect(soundKey(a)).toBe(soundKey(b));
  });

  it.each([
    ['yermakov', 'yermak'],
    ['putin', 'pudin'],
    ['medvedev', 'medinsky'],
  ])('%s does not sound as %s', (a, b) => {
    expect(soundKey(a)).not.toBe(soundKey(b));
  });
});
