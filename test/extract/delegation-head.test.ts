import { describe, expect, it } from 'vitest';
import delegationHead from '../../src/extract/delegation-head.js';
import { values } from '../helpers.js';

describe('delegation-head', () => {
  it.each([
    ["Ukraine's delegation was led by Defence Minister Rustem Umerov.", [['ukraine', 'rustem-umerov']]],
    ['Ukrainian defence minister Rustem Umerov, who led Kyiv’s delegation, said little.', [['ukraine', 'rustem-umerov']]],
    ['Vladimir Medinsky, a presidential aide to Putin and former culture minister who headed the Russian delegation, was satisfied.', [['russia', 'vladimir-medinsky']]],
    ['And the head of the Russian delegation to Istanbul, Vladimir Medinsky, only said that he had read it.', [['russia', 'vladimir-medinsky']]],
    ["Russia's delegation, led by presidential aide Vladimir Medinsky, arrived late.", [['russia', 'vladimir-medinsky']]],
    ['Russian chief negotiator Vladimir Medinsky gave a positive assessment.', [['russia', 'vladimir-medinsky']]],
    ["Kyiv's chief negotiator, Rustem Umierov, spoke first.", [['ukraine', 'rustem-umerov']]],
    ['The Russian team was headed by Vladimir Medinski.', [['russia', 'vladimir-medinsky']]],
    ['Previous peace talks in Istanbul, which had also been led by Medinsky and Umerov, broke down.', [['russia', 'vladimir-medinsky'], ['ukraine', 'rustem-umerov']]],
    ['Medinsky and Umyerov, who head the Russian and Ukrainian delegations respectively, shook hands.', [['russia', 'vladimir-medinsky'], ['ukraine', 'rustem-umerov']]],
    ["Russia's delegation was led by Deputy Foreign Minister Mikhail Galuzin.", [['russia', 'mikhail-galuzin']]],
    ["Kyiv's chief negotiator will be Defence Minister Rustem Umerov.", [['ukraine', 'rustem-umerov']]],
    ["Ukraine's was led by Rustem Umerov.", [['ukraine', 'rustem-umerov']]],
    ["David Arakhamia led Ukraine's negotiators and Vladimir Medinsky led Russia's.", [['ukraine', 'david-arakhamia'], ['russia', 'vladimir-medinsky']]],
    ['Moscow is sending the same group, under Kremlin aide Vladimir Medinsky.', [['russia', 'vladimir-medinsky']]],
    ['Vladimir Medinsky was leading for Moscow.', [['russia', 'vladimir-medinsky']]],
    ['The two chief negotiators — Medinsky for Moscow and Umerov for Kyiv — barely spoke.', [['russia', 'vladimir-medinsky'], ['ukraine', 'rustem-umerov']]],
    ['Vladimir Medinsky would be at the helm of its team.', [['russia', 'vladimir-medinsky']]],
    ["Russia's was led once more by Vladimir Medinsky.", [['russia', 'vladimir-medinsky']]],
    ["Rustem Umerov, Kyiv's defence minister and its chief negotiator, spoke.", [['ukraine', 'rustem-umerov']]],
    ['The Russian side was headed by Vladimir Medinsky, an aide to President Vladimir Putin, while Defence Minister Rustem Umerov led the Ukrainian team.', [['russia', 'vladimir-medinsky'], ['ukraine', 'rustem-umerov']]],
  ])('%s', (text, expected) => {
    expect(values(delegationHead, text)).toEqual(expected);
  });

  it.each([
    'Budanov, a member of the delegation, arrived in fatigues.',
    'Galuzin, deputy head of the Russian delegation, spoke to reporters.',
    "said the head of the President's Office of Ukraine, Andriy Yermak.",
    'Putin sent mid-level officials in his place.',
    'Ukrainian Defence Minister Rustem Umerov said the priority must be a meeting at the presidential level.',
    'Russia was led by Putin into the war.',
    'The ministry, headed by Sergey Lavrov, issued a statement.',
    'Medinsky voted for Moscow in the city election.',
    'Putin was at the helm of the country.',
    // "head", "chief" inside another word are not the noun.
    'A stone hit the forehead of the Russian delegation, Vladimir Medinsky.',
    'The mischief negotiators — Medinsky for Moscow and Umerov for Kyiv — were joking.',
  ])('trap: %s', (text) => {
    expect(values(delegationHead, text)).toEqual([]);
  });
});
