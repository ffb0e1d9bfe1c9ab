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

  // Ways of writing met in real reporting (issue 12, section 3), each with traps beside it below.
  it.each([
    // chief <side> delegate / negotiator <Name>, and the side before the role
    ['Chief Ukrainian negotiator Rustem Umerov declined to comment.', [['ukraine', 'rustem-umerov']]],
    ['The lead Russian delegate, Vladimir Medinsky, read out a statement.', [['russia', 'vladimir-medinsky']]],
    ["Moscow's chief delegate Vladimir Medinsky left first.", [['russia', 'vladimir-medinsky']]],
    ['Vladimir Medinsky, the top Russian negotiator, said nothing new.', [['russia', 'vladimir-medinsky']]],
    // head of the <side> delegation <phrases of place>, <Name>
    ['The head of the Ukrainian delegation at the talks in Istanbul, Rustem Umerov, spoke first.', [['ukraine', 'rustem-umerov']]],
    ["The leader of Russia's team for the negotiations with Kyiv, Vladimir Medinsky, smiled.", [['russia', 'vladimir-medinsky']]],
    // <Name>, who led the talks (the side from the gazetteer)
    ['Rustem Umerov, who led the talks, called them constructive.', [['ukraine', 'rustem-umerov']]],
    ['Medinsky, who headed the negotiations, flew home that night.', [['russia', 'vladimir-medinsky']]],
    // <side>'s head negotiator and <title>, <Name> / <title> and lead negotiator <Name>
    ["Russia's head negotiator and former culture minister, Vladimir Medinsky, spoke.", [['russia', 'vladimir-medinsky']]],
    ["Kyiv's chief negotiator and defence minister Rustem Umerov arrived.", [['ukraine', 'rustem-umerov']]],
    ['Defence Minister and lead negotiator Rustem Umerov confirmed the deal.', [['ukraine', 'rustem-umerov']]],
    // an apposition between "head of …" and the name
    ['The head of the Russian delegation, a former culture minister, Vladimir Medinsky, spoke.', [['russia', 'vladimir-medinsky']]],
    ["The head of Kyiv's delegation, a close ally of President Zelensky, Rustem Umerov, spoke briefly.", [['ukraine', 'rustem-umerov']]],
    // headed by [<Title>] <Name>, titles with an agency's initials
    ['A 12-member group will be headed by NSDC Secretary Rustem Umerov.', [['ukraine', 'rustem-umerov']]],
    ['The Ukrainian team, headed by RNBO chief Rustem Umerov, arrived by bus.', [['ukraine', 'rustem-umerov']]],
    // <side> negotiating group
    ["Ukraine's negotiating group was led by Rustem Umerov.", [['ukraine', 'rustem-umerov']]],
    ['The Russian negotiating group, headed by Vladimir Medinsky, landed at noon.', [['russia', 'vladimir-medinsky']]],
    // the heads of the delegations, <Name> and <Name>: each to its own side
    ['The heads of the delegations, Vladimir Medinsky and Rustem Umerov, shook hands.', [['russia', 'vladimir-medinsky'], ['ukraine', 'rustem-umerov']]],
    ['The leaders of the two teams, Umerov and Medinsky, did not shake hands.', [['ukraine', 'rustem-umerov'], ['russia', 'vladimir-medinsky']]],
    ['The heads of the Ukrainian and Russian delegations, Umerov and Medinsky, met alone.', [['ukraine', 'rustem-umerov'], ['russia', 'vladimir-medinsky']]],
    [
      "Kremlin aide Vladimir Medinsky and Secretary of Ukraine's National Security and Defence Council Rustem Umerov led the Russian and Ukrainian teams, respectively.",
      [['russia', 'vladimir-medinsky'], ['ukraine', 'rustem-umerov']],
    ],
    // possessives: the head is the aide, not the leader
    ["Moscow's team, headed by Putin's adviser Vladimir Medinsky, arrived early.", [['russia', 'vladimir-medinsky']]],
    ["The Ukrainian delegation was led by Zelensky's chief of staff Andriy Yermak.", [['ukraine', 'andriy-yermak']]],
    // a given name spelled another way before a known surname
    ["Kyiv's team was headed by Defence Minister Rustam Umerov.", [['ukraine', 'rustem-umerov']]],
    ["Russia's delegation was led by Wladimir Medinsky.", [['russia', 'vladimir-medinsky']]],
    // the role first, the holder after the verb; a delegation with an article
    ['Leading the Russian side was Vladimir Medinsky.', [['russia', 'vladimir-medinsky']]],
    ["At the head of Ukraine's team is Defence Minister Rustem Umerov.", [['ukraine', 'rustem-umerov']]],
    ['Medinsky led a delegation of six officials.', [['russia', 'vladimir-medinsky']]],
    // "according to X, head of …" is not "an aide to X"
    ['According to Rustem Umerov, head of the Ukrainian delegation, progress was made.', [['ukraine', 'rustem-umerov']]],
  ])('real-world wording: %s', (text, expected) => {
    expect(values(delegationHead, text)).toEqual(expected);
  });

  it.each([
    // not a holder of the role
    'A chief Russian negotiator was not named, Rustem Umerov said.',
    "The chief Russian negotiator's deputy, Igor Kostyukov, spoke.",
    'The deputy head of the Russian delegation at the talks in Istanbul, Igor Kostyukov, spoke.',
    // a person whose party is neither side, or unknown, leading "the talks"
    'Hakan Fidan, who led the talks, thanked both sides.',
    'Jane Doe, who led the talks, spoke to reporters.',
    'Zelensky, who led the talks with Trump in Washington, flew back.',
    "Turkey's chief negotiator and foreign minister, Hakan Fidan, spoke.",
    'The heads of the delegations, Hakan Fidan and Marco Rubio, met first.',
    // no name after the possessive: the leader is not the head
    'The delegation was led by Putin\'s aide, who declined to be named.',
    // a different given name before a known surname is not taken for a variant
    "Ukraine's delegation was led by Defence Minister Roman Umerov.",
    // a name after the apposition's "aide to": the apposition has no head after it
    "The head of Kyiv's delegation, an aide to President Volodymyr Zelensky, spoke.",
    'The Wagner group was led by Yevgeny Prigozhin.',
    'Leading the Russian side was a mistake, Medinsky said.',
    'Fidan led a delegation to Moscow in March.',
  ])('real-world trap: %s', (text) => {
    expect(values(delegationHead, text)).toEqual([]);
  });

  it.each([
    // the name right after the team is the head; an apposition is skipped only when there is none
    ['The head of the Russian delegation, Vladimir Medinsky, Rustem Umerov said, was late.', [['russia', 'vladimir-medinsky']]],
  ])('real-world trap: %s', (text, expected) => {
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
