/**
 * Greek -> Latin after ELOT 743 / ICAO Doc 9303, with the phonetic forms Greek passports and
 * lists also use (Giorgos / Yiorgos, Dimitrios / Demetrios, Papadopoulos / Papadopulos).
 */

const LETTERS: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/** Digraphs read as one sound, with the letter-by-letter form second. */
const DIGRAPHS: Record<string, readonly [string, string]> = {
  ου: ['ou', 'u'],
  αι: ['ai', 'e'],
  ει: ['ei', 'i'],
  οι: ['oi', 'i'],
  αυ: ['av', 'af'],
  ευ: ['ev', 'ef'],
  μπ: ['mp', 'b'],
  ντ: ['nt', 'd'],
  γκ: ['gk', 'g'],
  γγ: ['ng', 'ng'],
};

const ACCENTS = /[\u0300-\u036f]/g;

export function isGreek(text: string): boolean {
  return /[\u0370-\u03ff\u1f00-\u1fff]/.test(text);
}

/** ELOT 743 (letter by letter) first, then the spoken form. */
export function greekVariants(token: string): string[] {
  const plain = token.normalize('NFD').replace(ACCENTS, '').toLowerCase();
  let letterwise = '';
  let spoken = '';
  for (let index = 0; index < plain.length; index++) {
    const pair = plain.slice(index, index + 2);
    const digraph = DIGRAPHS[pair];
    if (digraph) {
      letterwise += digraph[0];
      // Initial ΜΠ / ΝΤ sound as B / D; inside a word they stay MB / ND.
      spoken += index === 0 || pair === 'ου' || pair[0] !== 'μ' ? digraph[1] : digraph[0];
      index++;
      continue;
    }
    const character = plain[index];
    const latin = LETTERS[character] ?? (/[a-z0-9]/.test(character) ? character : '');
    letterwise += latin;
    spoken += character === 'γ' && /[εηιυ]/.test(plain[index + 1] ?? '') ? 'y' : latin;
  }
  return letterwise === spoken ? [letterwise] : [letterwise, spoken];
}
