import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparePersonNames, OPERATING_THRESHOLD, scorePersonAgainstEntry } from './person-score.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/names/${name}`, import.meta.url), 'utf8');

/** Rows of a small CSV whose quoted fields hold no line breaks. */
function csvRows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (const character of line) {
        if (character === '"') quoted = !quoted;
        else if (character === ',' && !quoted) {
          fields.push(field);
          field = '';
        } else field += character;
      }
      fields.push(field);
      return fields;
    });
}

const matches = (a: string, b: string) => comparePersonNames(a, b).match;

describe('comparePersonNames: one surname, written the ways the region writes it', () => {
  const forms = ['Đorđević', 'DJORDJEVIC', 'DORDEVIC', 'Ђорђевић'];

  it('matches Serbian Latin, passport ASCII (Đ as DJ and as D) and Cyrillic with each other', () => {
    for (const a of forms) for (const b of forms) expect(matches(a, b), `${a} ~ ${b}`).toBe(true);
  });

  it('matches the Macedonian form Ѓорѓевиќ / GJORGJEVIKJ, also against the Serbian forms', () => {
    expect(matches('Ѓорѓевиќ', 'GJORGJEVIKJ')).toBe(true);
    expect(matches('Đorđević', 'GJORGJEVIKJ')).toBe(true);
    expect(matches('Ђорђевић', 'GJORGJEVIKJ')).toBe(true);
  });

  it('says how the parts matched', () => {
    const result = comparePersonNames('Ђорђевић', 'DJORDJEVIC');
    expect(result.explanation.parts).toEqual([
      {
        query: 'Ђорђевић',
        candidate: 'DJORDJEVIC',
        method: 'transliteration',
        similarity: expect.any(Number),
      },
    ]);
    expect(comparePersonNames('Đorđević', 'GJORGJEVIKJ').explanation.parts[0].method).toBe('phonetic');
  });
});

describe('comparePersonNames: telling names apart', () => {
  it('matches Petrović with Petrovic but not with Pavlović', () => {
    expect(matches('Petrović', 'Petrovic')).toBe(true);
    expect(matches('Petrović', 'Pavlović')).toBe(false);
    expect(matches('Marko Petrović', 'Marko Pavlović')).toBe(false);
    // Vowels cost half an edit (Moustfa, Mostafa), so Pavlović is a little nearer than three edits in eight.
    expect(comparePersonNames('Marko Petrović', 'Marko Pavlović').score).toBeLessThan(0.65);
  });

  it('does not let one common part carry a name', () => {
    const result = comparePersonNames('Yusuf Khan', 'Yusuf');
    expect(result.match).toBe(false);
    expect(result.explanation.adjustments.map((adjustment) => adjustment.reason)).toContain(
      'single-part-name',
    );
    expect(matches('Ahmed Khan', 'Ahmed Hassan')).toBe(false);
  });
});

describe('comparePersonNames: the same person written differently', () => {
  it('aligns parts regardless of order', () => {
    expect(comparePersonNames('Marko Petrović', 'PETROVIC, Marko').score).toBeGreaterThan(0.95);
    expect(matches('AZAM ELMI, MOHAMMAD', 'MOHAMMAD AZAM ELMI')).toBe(true);
  });

  it('tolerates a missing middle name, at a small cost explained as such', () => {
    const result = comparePersonNames('Zoran Vukotic', 'Zoran Milovan Vukotic');
    expect(result.match).toBe(true);
    expect(result.score).toBeLessThan(1);
    expect(result.explanation.unmatchedCandidateParts).toEqual(['Milovan']);
    expect(result.explanation.adjustments[0]).toMatchObject({ reason: 'unmatched-candidate-part' });
  });

  it('pairs initials with full given names, a match by name alone only with two full parts agreeing', () => {
    const result = comparePersonNames('J. Smith', 'John Smith');
    expect(result.explanation.parts.find((part) => part.method === 'initial')).toMatchObject({
      query: 'J',
      candidate: 'John',
    });
    // A surname and a letter: just below the threshold, so that a date of birth decides.
    expect(result.match).toBe(false);
    expect(result.score).toBeGreaterThan(OPERATING_THRESHOLD - 0.02);
    expect(result.explanation.adjustments).toContainEqual(
      expect.objectContaining({ reason: 'initials-only' }),
    );
    expect(matches('Alexander Ahmed', 'Ahmed, A')).toBe(false);
    expect(matches('John R. Smith', 'John Ronald Smith')).toBe(true);
    expect(matches('J. Smith', 'Peter Smith')).toBe(false);
    const entry = { id: '1', entryId: '1', kind: 'person' as const, names: ['SMITH, John'] };
    expect(scorePersonAgainstEntry({ name: 'J. Smith', dateOfBirth: '1961-04-02' }, entry).match).toBe(false);
    expect(
      scorePersonAgainstEntry(
        { name: 'J. Smith', dateOfBirth: '1961-04-02' },
        { ...entry, datesOfBirth: ['1961-04-02'] },
      ).match,
    ).toBe(true);
  });

  it('lets one name drop a part cheaply, but not half of the other name', () => {
    expect(matches('Dragan Vukotic', 'VUKOTIC, Dragan Milovan')).toBe(true);
    // Two parts that many people bear are not enough when the other name has more.
    const common = comparePersonNames('Carlos Garcia', 'GARCIA, Carlos Alberto');
    expect(common.match).toBe(false);
    expect(common.explanation.adjustments.map((adjustment) => adjustment.reason)).toContain('common-parts');
    expect(matches('Carlos Garcia', 'GARCIA, Carlos')).toBe(true);
    expect(matches('Carlos Alberto Arredondo', 'ARREDONDO ORTIZ, Carlos Arturo')).toBe(false);
    const half = comparePersonNames('Carlos Ortiz', 'ARREDONDO ORTIZ, Carlos Arturo');
    expect(half.match).toBe(false);
    expect(half.explanation.unmatchedCandidateParts).toEqual(['Arturo', 'ARREDONDO']);
    expect(matches('Carlos Arturo Ortiz', 'ARREDONDO ORTIZ, Carlos Arturo')).toBe(true);
  });

  it('tells apart names made from one another by an ending', () => {
    expect(matches('Martina Garcia', 'Martin Garcia')).toBe(false);
    expect(matches('Antonia Rodriguez', 'Antonio Rodriguez')).toBe(false);
    expect(matches('Elena Lebedeva', 'Elena Lebedev')).toBe(false);
    expect(matches('Karimi Hassan', 'Karim Hassan')).toBe(false);
    expect(matches('محمد حمیدی', 'Mohammad Hamid')).toBe(false);
    expect(matches('محمد حمیدی', 'Mohammad Hamidi')).toBe(true);
    expect(matches('Martina Garcia', 'Martina Garsia')).toBe(true);
  });

  it('reads two Arabic-script spellings alike only when their letters read alike', () => {
    expect(matches('فاطمة الزهراء', 'فاطمه الزهراء')).toBe(true);
    expect(matches('احسان جلیلی', 'حسن غول')).toBe(false);
    expect(matches('علي حسين', 'على حسین')).toBe(true);
  });

  it('joins compound and hyphenated parts', () => {
    const result = comparePersonNames('Abdulrahman Khalaf', 'Abd al-Rahman Khalaf');
    expect(result.match).toBe(true);
    expect(result.explanation.parts[0]).toMatchObject({ method: 'compound', candidate: 'Abd al Rahman' });
    expect(matches('CHANG MYONG-CHIN', 'CHANG MYONGC-HIN')).toBe(true);
  });

  it('finds each altered UN name (typos, swapped letters, reordering) in its original', () => {
    for (const [untreated, treated] of csvRows(fixture('yente-positives-slice.csv')))
      expect(matches(treated, untreated), `${treated} ~ ${untreated}`).toBe(true);
  });

  it('matches UN names in Arabic script with their Latin form', () => {
    const rows = csvRows(fixture('un-original-script.csv'));
    const matched = rows.filter(([, latin, arabic]) => matches(latin, arabic));
    expect(matched.length / rows.length).toBeGreaterThanOrEqual(0.8);
    expect(matches('ABDUL MANAN NYAZI', 'عبدالمنان نیازی')).toBe(true);
    expect(matches('Sara', 'سارا')).toBe(true);
    expect(matches('Suri', 'سارا')).toBe(false);
  });

  it('matches Russian Cyrillic with Latin forms of Wikidata names, tables and learned model', () => {
    const pairs = fixture('wikidata-russian-slice.tsv')
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    const matched = pairs.filter(([latin, spaced]) => matches(latin, spaced.split(' ').join('')));
    expect(matched.length / pairs.length).toBeGreaterThanOrEqual(0.93);
    expect(matches('Владимир Путин', 'Vladimir Putin')).toBe(true);
    expect(matches('Hainsworth', 'Хэйнсуорт')).toBe(true);
  });
});

describe('scorePersonAgainstEntry: the other evidence', () => {
  const entry = {
    id: 'un-1',
    entryId: '1',
    kind: 'person' as const,
    names: ['Marko Petrović', 'Марко Петровић'],
    datesOfBirth: ['1970-03-05'],
    nationalities: ['Serbia'],
    sex: 'male' as const,
  };

  it('raises the score for the same date of birth and nationality, and explains both', () => {
    const result = scorePersonAgainstEntry(
      { name: 'MARKO PETROVIC', dateOfBirth: '1970-03-05', nationality: 'SRB' },
      entry,
    );
    expect(result.explanation.adjustments.map((adjustment) => adjustment.reason)).toEqual([
      'date-of-birth',
      'nationality',
    ]);
    expect(result.score).toBe(1);
  });

  it('lowers it for a date of birth years apart, enough to drop an exact name below the threshold', () => {
    const result = scorePersonAgainstEntry({ name: 'Marko Petrović', dateOfBirth: '1985-11-20' }, entry);
    expect(result.score).toBeLessThan(OPERATING_THRESHOLD);
    expect(result.explanation.adjustments[0]).toMatchObject({ reason: 'date-of-birth', delta: -0.25 });
  });

  it('forgives a year off and day and month transposed', () => {
    expect(scorePersonAgainstEntry({ name: 'Marko Petrović', dateOfBirth: '1971-03-05' }, entry).match).toBe(
      true,
    );
    const transposed = scorePersonAgainstEntry({ name: 'Marko Petrović', dateOfBirth: '1970-05-03' }, entry);
    expect(transposed.explanation.adjustments[0].detail).toContain('transposed');
  });

  it('counts a different sex against', () => {
    const result = scorePersonAgainstEntry({ name: 'Marko Petrović', sex: 'female' }, entry);
    expect(result.explanation.adjustments).toEqual([expect.objectContaining({ reason: 'sex', delta: -0.1 })]);
  });
});
