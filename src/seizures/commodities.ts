/**
 * The commodity taxonomy: codes, names and parents. The seed below is what a new installation
 * starts with; administrators add commodities (never delete one in use), so the functions here take
 * the taxonomy as data rather than reading the seed.
 *
 * The order of the seed is the order of programme reports (drugs first, then precursors, cash,
 * tobacco ...), which is why reports sort commodity rows by `commodityOrder`, not by name.
 */
import type { RowLabelOf } from './report.js';

export interface Commodity {
  code: string;
  name: string;
  parent?: string;
}

const seed = (code: string, name: string, parent?: string): Commodity =>
  parent ? { code, name, parent } : { code, name };

export const COMMODITY_SEED: readonly Commodity[] = [
  seed('drugs', 'Drugs'),
  seed('heroin', 'Heroin', 'drugs'),
  seed('opium', 'Opium', 'drugs'),
  seed('morphine', 'Morphine', 'drugs'),
  seed('cocaine', 'Cocaine', 'drugs'),
  seed('cannabis-herbal', 'Cannabis (herbal)', 'drugs'),
  seed('cannabis-resin', 'Cannabis resin', 'drugs'),
  seed('cannabis-plants', 'Cannabis plants', 'drugs'),
  seed('amphetamine', 'Amphetamine', 'drugs'),
  seed('methamphetamine', 'Methamphetamine', 'drugs'),
  seed('mdma', 'MDMA (ecstasy)', 'drugs'),
  seed('captagon', 'Captagon tablets', 'drugs'),
  seed('lsd', 'LSD', 'drugs'),
  seed('ketamine', 'Ketamine', 'drugs'),
  seed('new-psychoactive-substances', 'New psychoactive substances', 'drugs'),
  seed('drugs-other', 'Other drugs', 'drugs'),
  seed('precursors', 'Precursors'),
  seed('acetic-anhydride', 'Acetic anhydride', 'precursors'),
  seed('ephedrine', 'Ephedrine and pseudoephedrine', 'precursors'),
  seed('bmk', 'BMK and its pre-precursors', 'precursors'),
  seed('precursors-other', 'Other precursors', 'precursors'),
  seed('cash', 'Cash'),
  seed('tobacco', 'Tobacco'),
  seed('cigarettes', 'Cigarettes', 'tobacco'),
  seed('cut-tobacco', 'Cut and raw tobacco', 'tobacco'),
  seed('water-pipe-tobacco', 'Water-pipe tobacco', 'tobacco'),
  seed('alcohol', 'Alcohol'),
  seed('ipr-goods', 'Goods infringing intellectual property'),
  seed('medicines', 'Medicines'),
  seed('wildlife', 'Wildlife and CITES specimens'),
  seed('firearms', 'Firearms and ammunition'),
  seed('weapons', 'Firearms', 'firearms'),
  seed('ammunition', 'Ammunition', 'firearms'),
  seed('cultural-property', 'Cultural property'),
  seed('vehicles', 'Vehicles and parts'),
  seed('motor-vehicles', 'Vehicles', 'vehicles'),
  seed('vehicle-parts', 'Vehicle parts', 'vehicles'),
  seed('textiles', 'Textiles'),
  seed('jewellery', 'Jewellery'),
  seed('electronics', 'Electronics'),
  seed('other', 'Other'),
];

/** Lower-case words joined by hyphens: stable in URLs, CSV and report keys. */
export const COMMODITY_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface TaxonomyProblem {
  code: string;
  message: string;
}

/** Every problem of a taxonomy: bad or repeated codes, empty names, unknown parents, cycles. */
export function taxonomyProblems(taxonomy: readonly Commodity[]): TaxonomyProblem[] {
  const problems: TaxonomyProblem[] = [];
  const byCode = new Map<string, Commodity>();
  for (const commodity of taxonomy) {
    if (!COMMODITY_CODE.test(commodity.code))
      problems.push({ code: commodity.code, message: 'code must be lower-case words joined by hyphens' });
    if (byCode.has(commodity.code)) problems.push({ code: commodity.code, message: 'code is used twice' });
    if (commodity.name.trim() === '') problems.push({ code: commodity.code, message: 'name is empty' });
    byCode.set(commodity.code, commodity);
  }
  for (const commodity of taxonomy) {
    if (commodity.parent === undefined) continue;
    if (!byCode.has(commodity.parent)) {
      problems.push({ code: commodity.code, message: `parent ${commodity.parent} does not exist` });
      continue;
    }
    const seen = new Set([commodity.code]);
    for (
      let parent: string | undefined = commodity.parent;
      parent !== undefined;
      parent = byCode.get(parent)?.parent
    ) {
      if (seen.has(parent)) {
        problems.push({ code: commodity.code, message: 'its parents lead back to itself' });
        break;
      }
      seen.add(parent);
    }
  }
  return problems;
}

/** The codes from a commodity up to the top of the taxonomy, the commodity first. */
export function commodityLineage(taxonomy: readonly Commodity[], code: string): string[] {
  const byCode = new Map(taxonomy.map((commodity) => [commodity.code, commodity]));
  const lineage: string[] = [];
  for (let current: string | undefined = code; current !== undefined && !lineage.includes(current);) {
    if (!byCode.has(current)) break;
    lineage.push(current);
    current = byCode.get(current)?.parent;
  }
  return lineage;
}

/** Whether a commodity is the given one or under it (heroin is under drugs). */
export function isCommodityUnder(taxonomy: readonly Commodity[], code: string, ancestor: string): boolean {
  return commodityLineage(taxonomy, code).includes(ancestor);
}

/** Report labels for commodity rows: the commodity's name, in the taxonomy's order. */
export function commodityRowLabels(taxonomy: readonly Commodity[]): RowLabelOf {
  const index = new Map(
    taxonomy.map((commodity, order) => [commodity.code, { label: commodity.name, order }]),
  );
  return (code) => index.get(code);
}
