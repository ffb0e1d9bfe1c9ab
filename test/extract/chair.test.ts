import { describe, expect, it } from 'vitest';
import chair from '../../src/extract/chair.js';
import { values } from '../helpers.js';

describe('chair', () => {
  it.each([
    ['The meeting was chaired by Turkish foreign minister Hakan Fidan, who spoke first.', ['hakan-fidan']],
    ['Fidan, who presided over the talks, urged a ceasefire.', ['hakan-fidan']],
    ['said Turkish Foreign Minister Hakan Fidan who was hosting the meeting, as the delegations assembled.', ['hakan-fidan']],
    ['The session was moderated by Ibrahim Kalin.', ['ibrahim-kalin']],
    ['The talks were hosted by Turkish Foreign Minister Hakan Fidan.', ['hakan-fidan']],
    ['Turkish Foreign Minister Hakan Fidan chaired them.', ['hakan-fidan']],
    ['Foreign Minister Hakan Fidan is expected to host the session.', ['hakan-fidan']],
    ['The opener was chaired like the later rounds by Turkish Foreign Minister Hakan Fidan.', ['hakan-fidan']],
    ['As the talks opened, Hakan Fidan is hosting.', ['hakan-fidan']],
    ['At the talks, Turkish Foreign Minister Hakan Fidan, in the chair, urged restraint.', ['hakan-fidan']],
    ['The session opened with Hakan Fidan taking the chair.', ['hakan-fidan']],
    ['At the talks, Foreign Minister Hakan Fidan played host.', ['hakan-fidan']],
    ['At the talks, Hakan Fidan, Turkey’s foreign minister, moderated.', ['hakan-fidan']],
  ])('%s', (text, expected) => {
    expect(values(chair, text)).toEqual(expected);
  });

  // Real-world wording (issue 12): the singular noun, and a second verb beside the chairing one.
  it.each([
    ['Hakan Fidan, who chaired the negotiation, spoke first.', ['hakan-fidan']],
    ['Mevlut Cavusoglu, who presided over the discussion, kept it short.', ['mevlut-cavusoglu']],
    ['Turkish Foreign Minister Hakan Fidan, who hosted and moderated the negotiation, urged patience.', ['hakan-fidan']],
    ['Erdogan, who chaired and opened the meetings, left at noon.', ['recep-tayyip-erdogan']],
  ])('real-world wording: %s', (text, expected) => {
    expect(values(chair, text)).toEqual(expected);
  });

  it.each([
    'Fidan, who attended the negotiation, spoke.',
    'Erdogan, who welcomed and addressed the negotiation, left early.',
    'Fidan, who chaired and steered the party congress, spoke.',
  ])('real-world trap: %s', (text) => {
    expect(values(chair, text)).toEqual([]);
  });

  it.each([
    'At the start of the meeting, Turkish Foreign Minister Hakan Fidan told the negotiators to choose peace.',
    'Erdogan opened the meeting with a short speech.',
    'Fidan met the delegation on Thursday.',
    'The talks were hosted by Turkey.',
    'Erdogan welcomed the delegations to the palace.',
    'Erdogan hosted them at a dinner.',
    'Fidan is hosting.',
    'Fidan played host to the foreign ministers at a dinner.',
    'Erdogan took the chair of the G20 summit.',
  ])('trap: %s', (text) => {
    expect(values(chair, text)).toEqual([]);
  });
});

describe('chair: a title alone', () => {
  // The extractor gives the office; the pipeline reads it as a person once it knows the meeting.
  it.each([
    ['The talks were chaired by the Turkish foreign minister.', ['role:foreign minister:turkey']],
    ["The meeting was hosted by Turkey's top diplomat.", ['role:foreign minister:turkey']],
    ['The foreign minister will host the talks.', ['role:foreign minister:']],
    ['The session was presided over by the president of Turkey.', ['role:president:turkey']],
    ['The Turkish intelligence chief, who moderated the session, left early.', ['role:intelligence chief:turkey']],
  ])('%s', (text, expected) => {
    expect(values(chair, text)).toEqual(expected);
  });

  it.each([
    // A name after the title is that person, as before; a title that hosts something else is no chair.
    ['The talks were chaired by the Turkish foreign minister, Hakan Fidan.', ['hakan-fidan']],
    ['The foreign minister hosted a dinner for the delegations.', []],
    ['The president hosted by Turkey spoke.', []],
    ['The Russian president will not attend the talks.', []],
  ])('trap: %s', (text, expected) => {
    expect(values(chair, text)).toEqual(expected);
  });
});
