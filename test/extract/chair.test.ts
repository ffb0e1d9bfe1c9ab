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

  // Real-world wording, round two (issue 12): an object relative clause, "who presided" with no
  // object in a sentence about the talks, and the chair named as a noun with "was".
  it.each([
    ['Nothing came of the session, which Turkish Foreign Minister Hakan Fidan moderated.', ['hakan-fidan']],
    ["Little came of Monday's talks in Istanbul, which Turkey's top diplomat Hakan Fidan chaired and which lasted an hour.", ['hakan-fidan']],
    ['The meeting that Erdogan hosted ended after lunch.', ['recep-tayyip-erdogan']],
    ["Turkey's foreign minister Hakan Fidan, who presided, told both delegations to keep talking.", ['hakan-fidan']],
    ['Mevlut Cavusoglu, who presided, said the two sides had agreed on a date.', ['mevlut-cavusoglu']],
    ['The moderator of the meeting was the head of the Turkish Foreign Ministry Hakan Fidan.', ['hakan-fidan']],
    ['The host of the talks will be Turkish President Recep Tayyip Erdogan.', ['recep-tayyip-erdogan']],
    ['The chair of the session was Hakan Fidan, who spoke first.', ['hakan-fidan']],
    ['Hakan Fidan was the moderator of the negotiations.', ['hakan-fidan']],
    ['Ibrahim Kalin, the host of the meeting, greeted the delegations.', ['ibrahim-kalin']],
  ])('real-world wording, round two: %s', (text, expected) => {
    expect(values(chair, text)).toEqual(expected);
  });

  it.each([
    // the relative clause's verb has an object of its own, or is no chairing
    'After the talks that Fidan chaired a dinner was held.',
    'The talks, which Fidan attended, ended without a deal.',
    'The round, which Erdogan hosted the delegations for, was short.',
    // "who presided" in a sentence about something else
    'Erdogan, who presided, opened the party congress.',
    'Fidan, who presided, said nothing.',
    // a host of something else, or someone who speaks of the host
    'Fidan, the host of the dinner, spoke first.',
    'Fidan thanked the host of the talks.',
    'The host of the talks was Turkey, and the venue a palace.',
  ])('real-world trap, round two: %s', (text) => {
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
