import { describe, expect, it } from 'vitest';
import {
  COLOUR_FAMILIES,
  COLOUR_TESTS,
  PRESUMPTIVE_SUBSTANCES,
  REACTIONS,
  SOURCES,
} from './colour-tests-data.js';
import type { ColourReference } from './colour-tests.js';
import { colourFamilyOf, expectedInformationGain, identifyByColourTests } from './colour-tests.js';

const ids = (result: ReturnType<typeof identifyByColourTests>) =>
  result.candidates.map((c) => c.substance.id);
const pointedTo = (result: ReturnType<typeof identifyByColourTests>) =>
  result.candidates.filter((c) => c.matchedBy.length > 0).map((c) => c.substance.id);

describe('colour test reference table', () => {
  it('names a known test, substance, colour and source for every reaction, once per pair', () => {
    const tests = new Set(COLOUR_TESTS.map((test) => test.id));
    const substances = new Set(PRESUMPTIVE_SUBSTANCES.map((substance) => substance.id));
    const pairs = new Set<string>();
    for (const reaction of REACTIONS) {
      const pair = `${reaction.test}/${reaction.substance}`;
      expect(tests.has(reaction.test), pair).toBe(true);
      expect(substances.has(reaction.substance), pair).toBe(true);
      expect(reaction.colours.length, pair).toBeGreaterThan(0);
      for (const colour of reaction.colours) expect(COLOUR_FAMILIES, pair).toContain(colour);
      expect(reaction.sources.length, pair).toBeGreaterThan(0);
      for (const source of reaction.sources) expect(SOURCES[source], pair).toBeTruthy();
      expect(pairs.has(pair), `${pair} listed twice`).toBe(false);
      pairs.add(pair);
    }
  });

  it('covers the reagents of the issue with at least one sourced reaction each', () => {
    const used = new Set(REACTIONS.map((reaction) => reaction.test));
    for (const test of [
      'marquis',
      'mecke',
      'mandelin',
      'simon',
      'cobalt-thiocyanate',
      'scott',
      'duquenois-levine',
    ])
      expect(used.has(test), test).toBe(true);
    for (const test of ['fast-blue-b', 'ehrlich', 'nitric-acid', 'dille-koppanyi', 'zimmermann'])
      expect(used.has(test), test).toBe(true);
  });
});

describe('identification by colour tests', () => {
  it('suggests the Marquis test first, when nothing is known', () => {
    const result = identifyByColourTests([]);
    expect(result.candidates).toHaveLength(PRESUMPTIVE_SUBSTANCES.length);
    expect(result.next?.test.id).toBe('marquis');
    expect(result.next?.expectedInformationBits).toBeGreaterThan(1);
  });

  it('keeps the opiates and MDMA after a purple Marquis and excludes what reacts otherwise', () => {
    const result = identifyByColourTests([{ test: 'marquis', colour: 'purple' }]);
    expect(pointedTo(result).sort()).toEqual(['codeine', 'heroin', 'mdma', 'morphine', 'oxycodone']);
    const excluded = result.excluded.map((e) => e.substance.id);
    for (const id of ['amphetamine', 'methamphetamine', 'cocaine', 'aspirin', 'sugar'])
      expect(excluded).toContain(id);
    expect(result.excluded.find((e) => e.substance.id === 'cocaine')).toMatchObject({
      by: 'marquis',
      expected: ['none'],
    });
    // The table says nothing about cannabis and Marquis: it is not excluded, only not pointed to.
    expect(ids(result)).toContain('cannabis');
    expect(result.candidates.find((c) => c.substance.id === 'cannabis')?.notInTable).toEqual(['marquis']);
    expect(result.next).not.toBeNull();
    expect(result.next?.test.id).not.toBe('marquis');
  });

  it('separates amphetamine from methamphetamine with the Simon test after an orange Marquis', () => {
    const orange = identifyByColourTests([{ test: 'marquis', colour: 'orange' }]);
    expect(pointedTo(orange)).toEqual(
      expect.arrayContaining(['amphetamine', 'methamphetamine', 'mescaline']),
    );
    expect(orange.next?.test.id).toBe('simon');
    const blue = orange.next?.outcomes.find((outcome) => outcome.colour === 'blue');
    expect(blue?.substances).toContain('methamphetamine');
    expect(blue?.substances).not.toContain('amphetamine');
    const afterSimon = identifyByColourTests([
      { test: 'marquis', colour: 'orange' },
      { test: 'simon', colour: 'blue' },
    ]);
    expect(afterSimon.candidates[0].substance.id).toBe('methamphetamine');
    expect(afterSimon.candidates[0].matchedBy).toEqual(['marquis', 'simon']);
    expect(afterSimon.excluded.map((e) => e.substance.id)).toContain('amphetamine');
  });

  it('points to cocaine and its known look-alikes after a blue Scott test', () => {
    const result = identifyByColourTests([{ test: 'scott', colour: 'blue' }]);
    expect(pointedTo(result).sort()).toEqual(['cocaine', 'diphenhydramine', 'lidocaine']);
  });

  it('excludes every candidate when the colours contradict the table', () => {
    const result = identifyByColourTests([
      { test: 'marquis', colour: 'orange' },
      { test: 'simon', colour: 'blue' },
      { test: 'gallic-acid', colour: 'green' },
    ]);
    expect(pointedTo(result)).not.toContain('methamphetamine');
    expect(result.excluded.find((e) => e.substance.id === 'methamphetamine')?.by).toBe('gallic-acid');
  });

  it('refuses a test it does not know', () => {
    expect(() => identifyByColourTests([{ test: 'litmus', colour: 'red' }])).toThrow(
      /Unknown colour test litmus/,
    );
    expect(() => identifyByColourTests([{ test: 'marquis', colour: 'teal' as never }])).toThrow(
      /Unknown colour teal/,
    );
  });

  it('stops suggesting when no test separates the candidates', () => {
    const reference: ColourReference = {
      tests: [
        { id: 'a', name: 'A', reagent: 'a' },
        { id: 'b', name: 'B', reagent: 'b' },
      ],
      substances: [
        { id: 'x', name: 'X', controlled: true },
        { id: 'y', name: 'Y', controlled: true },
      ],
      reactions: [
        { test: 'a', substance: 'x', colours: ['blue'], described: 'blue', sources: ['nij'] },
        { test: 'a', substance: 'y', colours: ['blue'], described: 'blue', sources: ['nij'] },
        { test: 'b', substance: 'x', colours: ['red'], described: 'red', sources: ['nij'] },
        { test: 'b', substance: 'y', colours: ['red'], described: 'red', sources: ['nij'] },
      ],
    };
    expect(identifyByColourTests([], reference).next).toBeNull();
  });
});

describe('expected information gain', () => {
  const index = (reactions: ColourReference['reactions']) =>
    new Map(reactions.map((reaction) => [`${reaction.test}\u0000${reaction.substance}`, reaction]));
  const reaction = (substance: string, colours: ColourReference['reactions'][number]['colours']) => ({
    test: 't',
    substance,
    colours,
    described: '',
    sources: ['nij' as const],
  });

  it('is one bit for a test that splits two candidates cleanly and zero when it cannot', () => {
    expect(
      expectedInformationGain(['x', 'y'], 't', index([reaction('x', ['red']), reaction('y', ['blue'])])).bits,
    ).toBeCloseTo(1);
    expect(
      expectedInformationGain(['x', 'y'], 't', index([reaction('x', ['red']), reaction('y', ['red'])])).bits,
    ).toBeCloseTo(0);
    expect(expectedInformationGain(['x', 'y'], 't', index([])).bits).toBe(0);
  });

  it('counts a candidate the table is silent about as able to show any colour', () => {
    const gain = expectedInformationGain(['x', 'y'], 't', index([reaction('x', ['red'])]));
    expect(gain.bits).toBeGreaterThan(0);
    expect(gain.bits).toBeLessThan(1);
    expect(gain.outcomes.get('red')).toEqual(['x', 'y']);
  });

  it('is log2(n) for a test that tells n candidates apart', () => {
    const four = ['a', 'b', 'c', 'd'];
    const colours = ['red', 'blue', 'green', 'yellow'] as const;
    const reactions = index(four.map((id, i) => reaction(id, [colours[i]])));
    expect(expectedInformationGain(four, 't', reactions).bits).toBeCloseTo(2);
  });
});

describe('colour words', () => {
  it('reads what an officer types as a colour family', () => {
    expect(colourFamilyOf('Violet')).toBe('purple');
    expect(colourFamilyOf(' no  change ')).toBe('none');
    expect(colourFamilyOf('Blue')).toBe('blue');
    expect(colourFamilyOf('gray')).toBe('grey');
    expect(colourFamilyOf('sparkly')).toBeUndefined();
  });
});
