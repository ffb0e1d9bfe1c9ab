import { describe, expect, it } from 'vitest';
import { articleFrame } from '../../src/corpus/frame.js';

const framed = (published: string, body: string) => {
  const f = articleFrame(published, body);
  return { reference: f.reference, spans: f.spans.map((s) => body.slice(s.start, s.end)) };
};

describe('datelines and bylines', () => {
  it.each([
    ['ISTANBUL, June 3 (Reuters) - The talks ended.', '2025-06-03', 'ISTANBUL, June 3 (Reuters) -'],
    ['Istanbul, 3 June (AFP) - x', '2025-06-03', 'Istanbul, 3 June (AFP) -'],
    ['KYIV, 3 June - x', '2025-06-03', 'KYIV, 3 June -'],
    ['ISTANBUL, June 3. /TASS/. Erdogan spoke.', '2025-06-03', 'ISTANBUL, June 3. /TASS/.'],
    ['(MENAFN- Gulf Wire (GW)) ISTANBUL, June 3 (GW) -- Fidan spoke.', '2025-06-03', '(MENAFN- Gulf Wire (GW)) ISTANBUL, June 3 (GW) --'],
    ['ISTANBUL (AP) - The talks ended.', '2025-06-02', 'ISTANBUL (AP) -'],
    ['ISTANBUL, Turkiye - The talks ended.', '2025-06-02', 'ISTANBUL, Turkiye -'],
  ])('%s', (body, reference, span) => {
    expect(framed('2025-06-02', body)).toEqual({ reference, spans: [span] });
  });

  it.each([
    ['Kyiv, June 3 was a hot day.'],
    ['ISTANBUL, December 3 - far away'],
    ['Russia, Ukraine agree to swap prisoners'],
    ['The talks ended on Monday - the second round.'],
  ])('trap: %s sets no day', (body) => {
    expect(framed('2025-06-02', body).reference).toBe('2025-06-02');
  });

  it('reads a byline anywhere, and a dateline only at the top', () => {
    const body = 'The talks were held on July 23.\n\nOne.\n\nTwo.\n\nThree.\n\nISTANBUL, July 22 (AP) - a late line\n\nBy A. Writer in Berlin July 24, 2025';
    expect(framed('2025-07-24', body)).toEqual({ reference: '2025-07-24', spans: ['By A. Writer in Berlin July 24, 2025'] });
    expect(framed('2025-07-24', 'Text.\nPublished: July 25, 2025').reference).toBe('2025-07-25');
  });

  it('puts the dateline before a byline', () => {
    expect(framed('2025-07-24', 'ISTANBUL, July 23 (AP) - x\nBy Jane Doe, July 24, 2025').reference).toBe('2025-07-23');
  });
});
