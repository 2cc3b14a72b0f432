import { describe, expect, it } from 'vitest';
import { cappedAtSinglePart, scoreUpperBound, SINGLE_PART_CAP } from './name-score.js';

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
