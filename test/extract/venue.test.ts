import { describe, expect, it } from 'vitest';
import venue from '../../src/extract/venue.js';
import { values } from '../helpers.js';

describe('venue', () => {
  it.each([
    ['The meeting took place at the Dolmabahce Palace.', ['dolmabahce-palace']],
    ['The delegations sat at the Dolmabahçe Palace in Istanbul.', ['dolmabahce-palace']],
    ['The delegations assembled at the Ciragan Palace on the Bosphorus.', ['ciragan-palace']],
    ['Talks were held in the Çırağan Palace.', ['ciragan-palace']],
    ['The talks were held at Chiragan.', ['ciragan-palace']],
    ['They met in the Dolmabahce Office of the Presidency.', ['dolmabahce-palace']],
    ['The talks were held at the Yildiz Palace.', ['yildiz-palace']],
    // A garbled spelling of a known palace is that palace; one far from every known name is not.
    ['The delegations met at the Dormabach Palace in Istanbul.', ['dolmabahce-palace']],
    ['The talks were held at the Cheragan Palace.', ['ciragan-palace']],
    ['The talks were held at the Dolmabahche Palace.', ['dolmabahce-palace']],
    ['The talks were held at the Beylerbeyi Palace.', ['beylerbeyi-palace']],
    ['The talks were held at the Dolmen Palace.', ['dolmen-palace']],
  ])('%s', (text, expected) => {
    expect(values(venue, text)).toEqual(expected);
  });

  it('marks "the same palace" for the pipeline to read from the article', () => {
    expect(values(venue, 'Three years ago, in the same palace, the talks collapsed.')).toEqual(['same-venue']);
    expect(values(venue, 'They met at the same venue on June 2.')).toEqual(['same-venue']);
    expect(values(venue, 'The talks kept the same format and the same schedule.')).toEqual([]);
  });

  it.each(['Delegations from both nations met at a palace in Istanbul.', 'The talks were held in Istanbul.', 'The meeting was in a hotel on the Bosphorus.'])(
    'trap: %s',
    (text) => {
      expect(values(venue, text)).toEqual([]);
    },
  );
});
