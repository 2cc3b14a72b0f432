import { describe, expect, it } from 'vitest';
import { credit, OTHER_FORM_CAP } from './name-score.js';
import { normaliseName } from './normalise.js';
import { comparePersonNames, OPERATING_THRESHOLD, scorePersonAgainstEntry } from './person-score.js';
import { SHORT_PART_SLIP, SIMILARITY_FLOOR, spellingSimilarity } from './similarity.js';

const score = (a: string, b: string) => comparePersonNames(a, b).score;
const texts = (raw: string) => normaliseName(raw).parts.map((part) => part.text);

describe('parts written apart or together', () => {
  it('matches names whose parts one writes as one word, not capped as a single agreeing part', () => {
    for (const [a, b] of [
      ['Ronald Mac Donald', 'Ronald MacDonald'],
      ['Sean O Brien', 'Sean OBrien'],
      ['Abdel Rahman', 'Abdelrahman'],
      ['Pieter Van der Berg', 'Pieter Vanderberg'],
      ['Good Will', 'Goodwill'],
    ])
      expect(score(a, b), `${a} ~ ${b}`).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
  });

  it('splits camel case', () => {
    expect(texts('VladimirPutin')).toEqual(['vladimir', 'putin']);
    expect(score('VladimirPutin', 'Vladimir Putin')).toBe(1);
  });
});

describe('scripts without a table of their own', () => {
  it('reads Han and Hangul names, matching by name alone just below the threshold', () => {
    for (const [a, b] of [
      ['习近平', 'Xi Jinping'],
      ['김정은', 'Kim Jong Un'],
    ]) {
      expect(score(a, b), `${a} ~ ${b}`).toBeGreaterThan(0.8);
      expect(score(a, b), `${a} ~ ${b}`).toBeLessThan(OPERATING_THRESHOLD);
    }
    expect(score('习近平', 'Li Qiang')).toBeLessThan(0.5);
  });

  it('reads scripts that leave vowels out (Hebrew, Indic, Thai, Khmer) like Arabic script, by name alone just below the threshold', () => {
    for (const [a, b] of [
      ['יצחק רבין', 'Yitzhak Rabin'],
      ['אהוד ברק', 'Ehud Barak'],
      ['नरेंद्र मोदी', 'Narendra Modi'],
      ['শেখ হাসিনা', 'Sheikh Hasina'],
      ['ਨਰਿੰਦਰ ਸਿੰਘ', 'Narinder Singh'],
      ['ทักษิณ ชินวัตร', 'Thaksin Shinawatra'],
      ['ហ៊ុន សែន', 'Hun Sen'],
    ]) {
      expect(score(a, b), `${a} ~ ${b}`).toBeGreaterThan(0.8);
      expect(score(a, b), `${a} ~ ${b}`).toBeLessThan(OPERATING_THRESHOLD);
    }
    for (const [a, b] of [
      ['בנימין נתניהו', 'Benjamin Netanyahu'],
      ['நரேந்திர மோடி', 'Narendra Modi'],
    ])
      expect(score(a, b), `${a} ~ ${b}`).toBeGreaterThan(0.7);
    for (const [a, b] of [
      ['בנימין נתניהו', 'Yitzhak Rabin'],
      ['नरेंद्र मोदी', 'Rahul Gandhi'],
      ['ทักษิณ ชินวัตร', 'Hun Sen'],
    ])
      expect(score(a, b), `${a} ~ ${b}`).toBeLessThan(0.3);
  });

  it('matches Armenian and Georgian, which write every vowel, as well as a table of ours', () => {
    expect(score('Նիկոլ Փաշինյան', 'Nikol Pashinyan')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('მიხეილ სააკაშვილი', 'Mikheil Saakashvili')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
  });

  it('splits a Myanmar name into its syllables, which Latin writes apart', () => {
    expect(texts('မင်းအောင်လှိုင်')).toEqual(['မင်း', 'အောင်', 'လှိုင်']);
    expect(score('မင်းအောင်လှိုင်', 'Min Aung Hlaing')).toBeGreaterThan(0);
  });

  it('does not match scripts neither of which is Latin through two readings by name alone', () => {
    for (const [a, b] of [
      ['मोती 刘', 'مطيع الله'],
      ['裕樹 이', 'علي ما يشو'],
      ['מאיר 이', 'امیر عبد الله'],
      ['जय 이', 'LI, Yi'],
    ])
      expect(score(a, b), `${a} ~ ${b}`).toBeLessThan(OPERATING_THRESHOLD);
  });

  it('romanises Kana, Armenian and Georgian names', () => {
    for (const [a, b] of [
      ['やまだ たろう', 'Yamada Taro'],
      ['Ալեքսանդր', 'Aleksandr'],
      ['მიხეილ სააკაშვილი', 'Mikheil Saakashvili'],
    ])
      expect(score(a, b), `${a} ~ ${b}`).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
  });

  it('knows Pinyin and Wade-Giles initials, and Belarusian and Ukrainian forms of Russian names', () => {
    expect(score('Xi Jinping', 'Shi Jinping')).toBeGreaterThan(0.8);
    expect(score('Hsi Jinping', 'Xi Jinping')).toBeGreaterThan(0.8);
    expect(score('Alyaksandr Lukashenka', 'Alexander Lukashenko')).toBeGreaterThanOrEqual(
      OPERATING_THRESHOLD,
    );
    expect(score('Volodymyr Zelensky', 'Vladimir Zelensky')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
  });
});

describe('initials, titles and nicknames', () => {
  it('reads initials in any alphabet and letter clusters, kept just below the threshold by name alone', () => {
    expect(normaliseName('В. В. Путин').parts.map((part) => part.initial)).toEqual([true, true, false]);
    expect(texts('JC Smith')).toEqual(['j', 'c', 'smith']);
    expect(texts('NG Wei')).toEqual(['ng', 'wei']);
    expect(score('В. В. Путин', 'Vladimir Vladimirovich Putin')).toBeGreaterThan(0.8);
    expect(score('JC Smith', 'John Carter Smith')).toBeGreaterThan(0.8);
    expect(score('JC Smith', 'Mary Anne Smith')).toBeLessThan(0.7);
  });

  it('drops titles in many languages', () => {
    expect(texts('President Vladimir Putin')).toEqual(['vladimir', 'putin']);
    expect(texts('Президент Владимир Путин')).toEqual(['владимир', 'путин']);
    expect(texts('Presidente Nicolás Maduro')).toEqual(['nicolás', 'maduro']);
  });

  it('takes a nickname for its given name just below the threshold by name alone, above it with the date of birth', () => {
    expect(score('Bill Clinton', 'William Clinton')).toBe(OTHER_FORM_CAP);
    expect(score('Peggy Olson', 'Margaret Olson')).toBe(OTHER_FORM_CAP);
    expect(score('Bill Clinton', 'Robert Clinton')).toBeLessThan(0.7);
    const listed = {
      id: '1',
      entryId: '1',
      kind: 'person' as const,
      names: ['William Clinton'],
      datesOfBirth: ['1946-08-19'],
    };
    expect(scorePersonAgainstEntry({ name: 'Bill Clinton', dateOfBirth: '1946-08-19' }, listed).match).toBe(
      true,
    );
    // With two more parts agreeing as written, the nickname adds to a match.
    expect(score('Bill Jefferson Clinton', 'William Jefferson Clinton')).toBeGreaterThanOrEqual(
      OPERATING_THRESHOLD,
    );
  });

  it('does not match a name in another language on one agreeing part (Michael Morales, Miguel Trevino Morales)', () => {
    for (const [a, b] of [
      ['Michael Morales', 'TREVINO MORALES, Miguel'],
      ['James Perez', 'PEREZ HENAO, Diego'],
      ['Jon Marquez', 'MARQUEZ, Ivan'],
      ['Ricky', 'Ricardo'],
    ])
      expect(score(a, b), `${a} ~ ${b}`).toBeLessThan(OPERATING_THRESHOLD);
  });

  it('counts the same name in Russian, Belarusian, Ukrainian and Polish as a spelling, not a nickname', () => {
    expect(score('Volodymyr Zelensky', 'Vladimir Zelensky')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('Alyaksandr Lukashenka', 'Alexander Lukashenko')).toBeGreaterThanOrEqual(
      OPERATING_THRESHOLD,
    );
    expect(score('Volodya Zelensky', 'Vladimir Zelensky')).toBe(OTHER_FORM_CAP);
  });

  it('joins an initial to its neighbour only when together they spell the other part exactly', () => {
    expect(score('Sean O Brien', 'Sean OBrien')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score("'s Henry", 'Senry')).toBeLessThan(OPERATING_THRESHOLD);
  });
});

describe('parts left over', () => {
  it('takes a title or particle left over on one side as extra, not as contradicting a part of the other name', () => {
    expect(score('Haji Abdul Basir', 'ABDUL BASIR NOORZAI')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('Mullah Gul Agha', 'GUL AGHA ISHAKZAI')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    // Still less than without the title, and a part contradicting another still costs a whole part.
    expect(score('Haji Abdul Basir', 'ABDUL BASIR NOORZAI')).toBeLessThan(
      score('Abdul Basir', 'ABDUL BASIR NOORZAI'),
    );
    expect(score('Karim Abdul Basir', 'ABDUL BASIR NOORZAI')).toBeLessThan(OPERATING_THRESHOLD);
  });
});

describe('a name and the names that follow it', () => {
  it('matches a name against the same name followed by its father’s and grandfather’s names', () => {
    expect(score('Gabriel Jok', 'GABRIEL JOK RIAK MAKOL')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('Mohammad Naim', 'MOHAMMAD NAIM BARICH KHUDAIDAD')).toBeGreaterThanOrEqual(
      OPERATING_THRESHOLD,
    );
    // The own name and the surname kept, the names between left out: the same person.
    expect(score('Gabriel Makol', 'GABRIEL JOK RIAK MAKOL')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    // Without the own name, the father's chain of the longer name is half of it, not its lead.
    expect(score('Jok Riak', 'GABRIEL JOK RIAK MAKOL')).toBeLessThan(OPERATING_THRESHOLD);
    expect(score('Naim Mohammad', 'MOHAMMAD NAIM BARICH KHUDAIDAD')).toBeLessThan(OPERATING_THRESHOLD);
  });
});

describe('the Arabic article before a sun letter', () => {
  it('reads al-Din and al-Rahman as Latin writes them joined (ud-Din, ur-Rahman)', () => {
    expect(score('JALALUDDIN HAQQANI', 'جلال الدين حقانى')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('Saaduddin Saleh', 'سعد الدين صالح')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('Abdurrahman Saleh', 'عبد الرحمن صالح')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    // Not the alif and lam inside a word: Khalid keeps its L.
    expect(score('Khalid Saleh', 'خالد صالح')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('Khadid Saleh', 'خالد صالح')).toBeLessThan(OPERATING_THRESHOLD);
  });
});

describe('roles around particles and order', () => {
  it('scores a son against his father lower than the same name', () => {
    expect(score('Ali bin Omar', 'Ali bin Omar')).toBe(1);
    expect(score('Ali bin Omar', 'Omar bin Ali')).toBeLessThan(OPERATING_THRESHOLD);
    expect(score('Sami Ben Khamis Ben Saleh', 'Khamis Ben Sami Ben Saleh')).toBeLessThan(OPERATING_THRESHOLD);
  });

  it('costs a little when given name and surname are swapped, and reads "SURNAME, Given" in order', () => {
    expect(score('John Smith', 'Smith John')).toBeLessThan(score('John Smith', 'John Smith'));
    expect(score('John Smith', 'Smith John')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('SMITH, John', 'John Smith')).toBe(1);
  });
});

describe('calibration of short parts', () => {
  it('gives a three-letter part with one vowel changed the floor of similarity, another letter less', () => {
    expect(spellingSimilarity('tim', 'tom')).toBe(SIMILARITY_FLOOR);
    expect(spellingSimilarity('tim', 'tin')).toBe(SHORT_PART_SLIP);
    expect(spellingSimilarity('li', 'ri')).toBe(SHORT_PART_SLIP);
    expect(SHORT_PART_SLIP).toBeLessThan(SIMILARITY_FLOOR);
    // Two letters swapped are a typing slip: they still agree.
    expect(spellingSimilarity('sok', 'sko')).toBeGreaterThanOrEqual(SIMILARITY_FLOOR);
    expect(score('KIM SKO CHOL', 'KIM SOK CHOL')).toBeGreaterThanOrEqual(OPERATING_THRESHOLD);
    expect(score('ADB-AL-HAMID AL-MASLI', 'ABD-AL-HAMID AL-MASLI')).toBeGreaterThanOrEqual(
      OPERATING_THRESHOLD,
    );
    expect(score('Tim Smith', 'Tom Smith')).toBeGreaterThan(0.5);
    expect(score('Tim Smith', 'Tom Smith')).toBeLessThan(OPERATING_THRESHOLD);
  });

  it('keeps credit rising with similarity', () => {
    let previous = -1;
    for (let similarity = 0.7; similarity <= 1.0001; similarity += 0.01) {
      expect(credit(similarity)).toBeGreaterThanOrEqual(previous);
      previous = credit(similarity);
    }
  });
});
