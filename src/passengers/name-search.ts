import { sql, type Expression, type SqlBool } from 'kysely';
import { containsPattern } from '../db/like.js';
import { normaliseName, spellingsOf } from '../names/api.js';
import { foldName } from './itinerary.js';

/**
 * The forms a typed name word is searched under, in stored names (folded, upper case): as typed,
 * and its Latin spellings in any script (src/names: Ђорђевић finds DJORDJEVIC and DORDEVIC,
 * Kovač finds KOVAC and KOVACH).
 */
export function nameWordForms(name: string): string[][] {
  const words = normaliseName(name).parts.map((part) => part.text);
  return words
    .map((word) => {
      const forms = new Set<string>();
      const folded = foldName(word).replace(/ /g, '');
      if (folded) forms.add(folded);
      for (const spelling of spellingsOf(word)) if (spelling.ascii) forms.add(spelling.ascii.toUpperCase());
      return [...forms];
    })
    .filter((forms) => forms.length > 0);
}

/** Every word typed appears in the stored name under one of its forms, in any order. */
export function nameMatches(column: Expression<string>, name: string): Expression<SqlBool>[] {
  return nameWordForms(name).map(
    (forms) =>
      sql<SqlBool>`(${sql.join(
        forms.map((form) => sql`${column} like ${containsPattern(form)}`),
        sql` or `,
      )})`,
  );
}
