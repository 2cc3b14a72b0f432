import { describe, expect, it } from 'vitest';
import { comparePersonNames, OPERATING_THRESHOLD } from './person-score.js';
import { partFeatures } from './part-similarity.js';

describe('common name parts', () => {
  it('knows a common name in its spellings and in Arabic script, and a rare one as rare', () => {
    for (const part of ['mohammed', 'muhammad', 'mouhamed', 'محمد', 'hussein', 'husayn', 'rodriguez', 'kim'])
      expect(partFeatures(part).common, part).toBe(true);
    for (const part of ['remadna', 'vukotic', 'aminullah', 'ghailani'])
      expect(partFeatures(part).common, part).toBe(false);
  });

  it('lets two rare parts carry a name with parts left out, not two common ones', () => {
    expect(
      comparePersonNames('Abdelhalim Remadna', 'ABDELHALIM HAFED ABDELFATTAH REMADNA').score,
    ).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(comparePersonNames('Jose Rodriguez', 'CISNEROS RODRIGUEZ, Jose Misael').score).toBeLessThan(
      OPERATING_THRESHOLD,
    );
    // The same two common parts and nothing else: the name as written.
    expect(comparePersonNames('Jose Rodriguez', 'RODRIGUEZ, Jose').score).toBeGreaterThanOrEqual(
      OPERATING_THRESHOLD,
    );
  });
});
