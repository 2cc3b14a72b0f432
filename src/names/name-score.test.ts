import { describe, expect, it } from 'vitest';
import { defaultComparer, type AlignablePart } from './alignment.js';
import {
  alignableParts,
  cappedAtSinglePart,
  nameScoreOnly,
  scoreUpperBound,
  SINGLE_PART_CAP,
  STRONG_CREDIT,
  STRONG_SIMILARITY,
} from './name-score.js';

describe('cappedAtSinglePart', () => {
  it('says so exactly where scoreUpperBound stays at SINGLE_PART_CAP for want of a second agreeing part', () => {
    let capped = 0;
    for (let queryStrong = 1; queryStrong <= 4; queryStrong++)
      for (let queryInitials = 0; queryInitials <= 1; queryInitials++)
        for (let strong = 1; strong <= 4; strong++)
          for (let initials = 0; initials <= 1; initials++)
            for (let weak = 0; weak <= 1; weak++)
              for (let hits = 0; hits <= Math.min(queryStrong, strong); hits++)
                for (let covered = hits; covered <= strong; covered++) {
                  const query = { strong: queryStrong, weak, initials: queryInitials };
                  const candidate = { strong, weak, initials };
                  if (!cappedAtSinglePart(query, strong, initials, hits, covered)) continue;
                  capped++;
                  expect(scoreUpperBound(query, candidate, hits, covered)).toBeLessThanOrEqual(
                    SINGLE_PART_CAP,
                  );
                }
    expect(capped).toBeGreaterThan(0);
    // Two agreeing parts, or an initial on either side, leave the bound to scoreUpperBound.
    expect(cappedAtSinglePart({ strong: 3, weak: 0, initials: 0 }, 3, 0, 2)).toBe(false);
    expect(cappedAtSinglePart({ strong: 3, weak: 0, initials: 1 }, 3, 0, 1)).toBe(false);
    expect(cappedAtSinglePart({ strong: 3, weak: 0, initials: 0 }, 3, 1, 1)).toBe(false);
    expect(cappedAtSinglePart({ strong: 1, weak: 0, initials: 0 }, 1, 0, 1)).toBe(false);
  });
});

describe('scoreUpperBound', () => {
  // Parts of six letters and more are never joined with a neighbour, so the counts the index
  // gives (strong query parts with an agreeing part, candidate parts agreeing) are exact here.
  const stems = ['morales', 'petrovic', 'pavlovic', 'hamidov', 'karimov', 'smithers', 'smythers', 'vasquez'];
  const particles = ['al', 'de', 'bin'];
  const slips = (stem: string, random: () => number) => {
    const at = 1 + Math.floor(random() * (stem.length - 2));
    const roll = random();
    if (roll < 0.3) return stem;
    if (roll < 0.55) return stem.slice(0, at) + 'x' + stem.slice(at + 1);
    if (roll < 0.8) return stem.slice(0, at) + 'ou' + stem.slice(at + 2);
    return stem.slice(0, at) + stem.slice(at + 2);
  };
  const name = (random: () => number) => {
    const words: string[] = [];
    const length = Math.floor(random() * 4);
    for (let index = 0; index < length; index++) {
      const roll = random();
      if (roll < 0.12) words.push(particles[Math.floor(random() * particles.length)]);
      else if (roll < 0.22) words.push(`${String.fromCharCode(109 + Math.floor(random() * 6))}.`);
      else words.push(slips(stems[Math.floor(random() * stems.length)], random));
    }
    // A name of particles alone keeps them as its parts: not the case measured here.
    words.push(slips(stems[Math.floor(random() * stems.length)], random));
    return words.join(' ');
  };
  const counts = (parts: AlignablePart[]) => ({
    strong: parts.filter((part) => !part.weak && !part.initial).length,
    weak: parts.filter((part) => part.weak).length,
    initials: parts.filter((part) => part.initial).length,
  });

  it('is never below the score, parts alike without agreeing (continuous credit) included', () => {
    let state = 7;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    let lowCredit = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const query = alignableParts(name(random));
      const candidate = alignableParts(name(random));
      const strong = (part: AlignablePart) => !part.weak && !part.initial;
      const agrees = (a: AlignablePart, b: AlignablePart) =>
        strong(a) && strong(b) && defaultComparer(a, b).similarity >= STRONG_SIMILARITY;
      const hits = query.filter((part) => candidate.some((other) => agrees(part, other))).length;
      const covered = candidate.filter((part) => query.some((other) => agrees(other, part))).length;
      const score = nameScoreOnly(query, candidate);
      const bound = scoreUpperBound(counts(query), counts(candidate), hits, covered);
      expect(
        score,
        `${query.map((p) => p.text).join(' ')} ~ ${candidate.map((p) => p.text).join(' ')}`,
      ).toBeLessThanOrEqual(bound + 1e-9);
      const similarities = query.flatMap((a) => candidate.map((b) => defaultComparer(a, b).similarity));
      if (similarities.some((value) => value > 0 && value < STRONG_SIMILARITY)) lowCredit++;
    }
    // The trials do meet parts alike below agreement, which the bound must allow for.
    expect(lowCredit).toBeGreaterThan(100);
  });

  it('allows parts alike below agreement some credit: a contradicting part no longer costs a whole part', () => {
    const query = { strong: 3, weak: 0, initials: 0 };
    expect(scoreUpperBound(query, query, 2, 2)).toBeGreaterThan(2 / 3);
    expect(scoreUpperBound(query, query, 2, 2)).toBeLessThan((2 + STRONG_CREDIT) / 3 + 1e-9);
  });
});
