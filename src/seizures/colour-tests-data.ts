/**
 * Reference table of field colour tests: which colour a reagent gives with which substance.
 *
 * Every reaction names its source. Colours are the final colours the sources give (NIJ's are
 * ISCC-NBS colour names measured on 500 µg of drug), reduced to the colour families an officer
 * reports in the field; a reaction whose final colour sits between two families ("deep purplish
 * red") lists both, so that either answer keeps the substance among the candidates.
 *
 * A substance with no reaction listed for a reagent is not excluded by that reagent: the table says
 * nothing about it. Only a listed reaction (including 'none', "no colour") can exclude.
 *
 * How the NIJ rows were taken: the Marquis rows (reagent A.5) from a text extraction of the
 * standard's Table 1; the rows of the other reagents (A.1 cobalt thiocyanate, A.2 Dille-Koppanyi,
 * A.3 Duquenois-Levine, A.4 Mandelin, A.6 nitric acid, A.7 p-DMAB, A.9 Froehde, A.10 Mecke, A.12
 * Simon) from a published transcription of the same table with its Munsell notations. Both should
 * be checked against the printed standard before the table is used in court; the Munsell notation
 * in each description makes that a line-by-line comparison.
 */

export type ColourFamily =
  'none' | 'red' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'pink' | 'brown' | 'black' | 'grey';

export const COLOUR_FAMILIES: readonly ColourFamily[] = [
  'none',
  'red',
  'orange',
  'yellow',
  'green',
  'blue',
  'purple',
  'pink',
  'brown',
  'black',
  'grey',
];

export const SOURCES = {
  nij: 'NIJ Standard-0604.01, Color Test Reagents/Kits for Preliminary Identification of Drugs of Abuse, U.S. National Institute of Justice, July 2000 (NCJ 183258), Table 1 "Final colors produced by reagents A.1 through A.12"',
  unodcRapid:
    'UNODC (UNDCP), Rapid Testing Methods of Drugs of Abuse, ST/NAR/13/Rev.1, United Nations, 1994: which field tests apply to which drug group (opiates: Marquis, Mecke, nitric acid; cannabis: Fast Blue B, Duquenois-Levine; cocaine: cobalt thiocyanate, Scott; amfetamines: Marquis, Simon, Simon with acetone, gallic acid; barbiturates: Dille-Koppanyi; benzodiazepines: Zimmermann)',
  unodcCannabis:
    'UNODC, Recommended Methods for the Identification and Analysis of Cannabis and Cannabis Products, ST/NAR/40, 2009, section 5.4.3.1 (Fast Blue B salt test: purple-red, THC red, CBN purple, CBD orange; Duquenois-Levine: violet chloroform layer; false positives: henna, nutmeg, mace, agrimony)',
  unodcMechanisms:
    'K.-A. Kovar and M. Laudszun, Chemistry and Reaction Mechanisms of Rapid Tests for Drugs of Abuse and Precursor Chemicals, UNODC SCITEC/6, 1989 (Simon test: blue with secondary amines; with acetone instead of acetaldehyde, violet with primary amines)',
  khajeamiri2016:
    'A. R. Khajeamiri, Rapid Identification of Ecstasy (MDMA) and Methamphetamine by Color Tests, Journal of Police Medicine 5(1), 2016: 20 MDMA tablets and 20 methamphetamine samples, confirmed by GC-MS (MDMA: Marquis dark purple, Simon dark blue, gallic acid dark green; methamphetamine: Marquis orange, Simon deep blue, gallic acid no colour)',
  hanson2005:
    'A. J. Hanson, Specificity of the Duquenois-Levine and Cobalt Thiocyanate Tests Substituting Methylene Chloride or Butyl Chloride for Chloroform, Microgram Journal 3(3-4), 2005 (lidocaine and diphenhydramine give a blue organic layer like cocaine)',
  scott1973:
    'L. J. Scott Jr., Specific Field Test for Cocaine, Microgram 6, 1973 (cobalt thiocyanate, then hydrochloric acid turning the solution pink, then chloroform: cocaine gives a blue lower layer)',
  pruner1962:
    'G. Pruner, Pocket kit for the detection of the commonest narcotic drugs, UNODC Bulletin on Narcotics 1962 issue 4 ("the Marquis reagent does not react to cocaine")',
  marquisMdma:
    'Wikipedia, Marquis reagent, "Marquis reagent test analysis": MDMA or MDA purple to black within 0-5 s',
  zimmermann:
    'Wikipedia, Zimmermann reagent, table of final colours: diazepam red-purple (1,3-dinitrobenzene in methanol, then 15 % potassium hydroxide)',
  nitricMorphine:
    'Classical toxicology reaction as given at users.wfu.edu/jonesbt/experiments/Poison/morphine.htm: concentrated nitric acid dissolves morphine with a blood-red colour that gradually passes into yellow',
} as const;

export type SourceId = keyof typeof SOURCES;

export interface ColourTest {
  id: string;
  name: string;
  reagent: string;
}

export const COLOUR_TESTS: readonly ColourTest[] = [
  { id: 'marquis', name: 'Marquis', reagent: 'formaldehyde in concentrated sulfuric acid' },
  { id: 'mecke', name: 'Mecke', reagent: 'selenious acid in concentrated sulfuric acid' },
  { id: 'mandelin', name: 'Mandelin', reagent: 'ammonium vanadate in concentrated sulfuric acid' },
  { id: 'froehde', name: 'Froehde', reagent: 'sodium molybdate in concentrated sulfuric acid' },
  { id: 'nitric-acid', name: 'Nitric acid', reagent: 'concentrated nitric acid' },
  { id: 'simon', name: 'Simon', reagent: 'sodium nitroprusside and acetaldehyde, then sodium carbonate' },
  {
    id: 'simon-acetone',
    name: 'Simon with acetone',
    reagent: 'sodium nitroprusside and acetone, then sodium carbonate',
  },
  { id: 'gallic-acid', name: 'Gallic acid', reagent: 'gallic acid in concentrated sulfuric acid' },
  { id: 'cobalt-thiocyanate', name: 'Cobalt thiocyanate', reagent: 'cobalt(II) thiocyanate solution' },
  {
    id: 'scott',
    name: 'Scott (modified cobalt thiocyanate)',
    reagent: 'cobalt thiocyanate, hydrochloric acid, chloroform',
  },
  {
    id: 'duquenois-levine',
    name: 'Duquenois-Levine',
    reagent: 'vanillin and acetaldehyde in ethanol, hydrochloric acid, chloroform',
  },
  {
    id: 'fast-blue-b',
    name: 'Fast Blue B salt',
    reagent: 'Fast Blue B salt with sodium bicarbonate on filter paper',
  },
  { id: 'ehrlich', name: 'Ehrlich (p-DMAB)', reagent: 'p-dimethylaminobenzaldehyde in acid' },
  {
    id: 'dille-koppanyi',
    name: 'Dille-Koppanyi',
    reagent: 'cobalt acetate, then isopropylamine, in methanol',
  },
  {
    id: 'zimmermann',
    name: 'Zimmermann',
    reagent: '1,3-dinitrobenzene in methanol, then potassium hydroxide',
  },
];

export interface PresumptiveSubstance {
  id: string;
  name: string;
  /** Under international control; false for common cutting agents and other look-alikes. */
  controlled: boolean;
}

export const PRESUMPTIVE_SUBSTANCES: readonly PresumptiveSubstance[] = [
  { id: 'heroin', name: 'Heroin', controlled: true },
  { id: 'morphine', name: 'Morphine', controlled: true },
  { id: 'codeine', name: 'Codeine', controlled: true },
  { id: 'opium', name: 'Opium', controlled: true },
  { id: 'oxycodone', name: 'Oxycodone', controlled: true },
  { id: 'methadone', name: 'Methadone', controlled: true },
  { id: 'pethidine', name: 'Pethidine (meperidine)', controlled: true },
  { id: 'cocaine', name: 'Cocaine', controlled: true },
  { id: 'amphetamine', name: 'Amphetamine', controlled: true },
  { id: 'methamphetamine', name: 'Methamphetamine', controlled: true },
  { id: 'mdma', name: 'MDMA', controlled: true },
  { id: 'mda', name: 'MDA', controlled: true },
  { id: 'methylphenidate', name: 'Methylphenidate', controlled: true },
  { id: 'mescaline', name: 'Mescaline', controlled: true },
  { id: 'lsd', name: 'LSD', controlled: true },
  { id: 'cannabis', name: 'Cannabis (THC)', controlled: true },
  { id: 'barbiturates', name: 'Barbiturates', controlled: true },
  { id: 'benzodiazepines', name: 'Benzodiazepines (diazepam)', controlled: true },
  { id: 'methaqualone', name: 'Methaqualone', controlled: true },
  { id: 'lidocaine', name: 'Lidocaine', controlled: false },
  { id: 'diphenhydramine', name: 'Diphenhydramine', controlled: false },
  { id: 'aspirin', name: 'Aspirin', controlled: false },
  { id: 'sugar', name: 'Sugar', controlled: false },
];

export interface Reaction {
  test: string;
  substance: string;
  colours: readonly ColourFamily[];
  /** The colour as the source words it. */
  described: string;
  sources: readonly SourceId[];
}

const r = (
  test: string,
  substance: string,
  colours: ColourFamily[],
  described: string,
  ...sources: SourceId[]
): Reaction => ({ test, substance, colours, described, sources });

export const REACTIONS: readonly Reaction[] = [
  // Marquis: NIJ Table 1, reagent A.5 (every usual-kit row, and the look-alikes aspirin and sugar).
  r('marquis', 'heroin', ['purple', 'red'], 'deep purplish red (7.5RP 3/10)', 'nij'),
  r('marquis', 'morphine', ['purple'], 'very deep reddish purple (10P 3/6)', 'nij'),
  r('marquis', 'codeine', ['purple'], 'very dark purple (7.5P 2/4)', 'nij'),
  r('marquis', 'opium', ['brown'], 'dark greyish reddish brown (10R 3/2)', 'nij'),
  r('marquis', 'oxycodone', ['purple'], 'pale violet (2.5P 6/4)', 'nij'),
  r('marquis', 'methadone', ['pink'], 'light yellowish pink (2.5YR 8/4)', 'nij'),
  r('marquis', 'pethidine', ['brown'], 'deep brown (5YR 3/6)', 'nij'),
  r('marquis', 'amphetamine', ['orange', 'brown'], 'strong reddish orange to dark reddish brown', 'nij'),
  r(
    'marquis',
    'methamphetamine',
    ['orange', 'brown'],
    'deep reddish orange to dark reddish brown',
    'nij',
    'khajeamiri2016',
  ),
  r('marquis', 'mda', ['black'], 'black', 'nij'),
  r('marquis', 'mdma', ['purple', 'black'], 'dark purple, turning black', 'khajeamiri2016', 'marquisMdma'),
  r('marquis', 'methylphenidate', ['orange', 'yellow'], 'moderate orange yellow (10YR 8/8)', 'nij'),
  r('marquis', 'mescaline', ['orange'], 'strong orange (5YR 6/12)', 'nij'),
  r('marquis', 'lsd', ['black'], 'olive black (10Y 2/2)', 'nij'),
  r('marquis', 'cocaine', ['none'], 'no reaction', 'pruner1962'),
  r('marquis', 'aspirin', ['red'], 'deep red (5R 3/10)', 'nij'),
  r('marquis', 'sugar', ['brown'], 'dark brown (5YR 2/4)', 'nij'),
  // Mecke: NIJ A.10.
  r('mecke', 'heroin', ['green', 'blue'], 'deep bluish green (2.5BG 3/8)', 'nij'),
  r('mecke', 'morphine', ['green'], 'very dark bluish green (2.5BG 2/4)', 'nij'),
  r('mecke', 'lsd', ['black', 'green'], 'greenish black (7.5G 2/2)', 'nij'),
  // Mandelin: NIJ A.4.
  r('mandelin', 'methaqualone', ['orange', 'yellow'], 'orange yellow (10YR 8/14)', 'nij'),
  r('mandelin', 'cocaine', ['orange', 'yellow'], 'deep orange yellow (10YR 7/14)', 'nij'),
  r('mandelin', 'methamphetamine', ['green'], 'dark yellowish green (10GY 4/6)', 'nij'),
  r('mandelin', 'amphetamine', ['green', 'blue'], 'moderate bluish green (5BG 5/6)', 'nij'),
  r('mandelin', 'mda', ['black', 'blue'], 'bluish black (10B 2/2)', 'nij'),
  r('mandelin', 'heroin', ['brown', 'red'], 'moderate reddish brown (10R 3/6)', 'nij'),
  r('mandelin', 'opium', ['brown'], 'dark brown (7.5YR 2/4)', 'nij'),
  r('mandelin', 'oxycodone', ['yellow', 'green'], 'dark greenish yellow (10Y 6/6)', 'nij'),
  // Froehde: NIJ A.9.
  r('froehde', 'lsd', ['green', 'yellow'], 'moderate yellow green (5GY 6/6)', 'nij'),
  r('froehde', 'morphine', ['purple', 'red'], 'deep purplish red (5RP 3/10)', 'nij'),
  r('froehde', 'codeine', ['green'], 'very dark green (7.5G 2/6)', 'nij'),
  // Nitric acid: NIJ A.6; morphine from the classical reaction.
  r('nitric-acid', 'mescaline', ['red'], 'dark red (5R 3/6)', 'nij'),
  r('nitric-acid', 'lsd', ['brown'], 'strong brown (5YR 5/10)', 'nij'),
  r(
    'nitric-acid',
    'morphine',
    ['red', 'orange', 'yellow'],
    'blood red, passing into yellow',
    'nitricMorphine',
  ),
  // Simon: NIJ A.12 and the validation study; primary amines give no blue.
  r('simon', 'methamphetamine', ['blue'], 'dark blue (2.5PB 2/6)', 'nij', 'khajeamiri2016'),
  r('simon', 'mdma', ['blue'], 'dark blue (2.5PB 2/6)', 'nij', 'khajeamiri2016'),
  r('simon', 'methylphenidate', ['purple'], 'pale violet (2.5P 6/4)', 'nij'),
  r('simon', 'amphetamine', ['none'], 'no blue: a primary amine', 'unodcMechanisms'),
  r('simon', 'mda', ['none'], 'no blue: a primary amine', 'unodcMechanisms'),
  r('simon-acetone', 'amphetamine', ['purple'], 'violet (primary amine)', 'unodcMechanisms'),
  r('simon-acetone', 'mda', ['purple'], 'violet (primary amine)', 'unodcMechanisms'),
  // Gallic acid: the validation study.
  r('gallic-acid', 'mdma', ['green'], 'dark green', 'khajeamiri2016'),
  r('gallic-acid', 'methamphetamine', ['none'], 'no colour', 'khajeamiri2016'),
  // Cobalt thiocyanate: NIJ A.1; Scott's three-step test reads the chloroform layer.
  r('cobalt-thiocyanate', 'cocaine', ['blue'], 'strong greenish blue (5B 5/10)', 'nij'),
  r('cobalt-thiocyanate', 'heroin', ['blue'], 'strong greenish blue (7.5B 6/10)', 'nij'),
  r('cobalt-thiocyanate', 'methadone', ['blue'], 'brilliant greenish blue (5B 6/10)', 'nij'),
  r('scott', 'cocaine', ['blue'], 'blue chloroform layer', 'scott1973'),
  r('scott', 'lidocaine', ['blue'], 'blue chloroform layer', 'hanson2005'),
  r('scott', 'diphenhydramine', ['blue'], 'blue chloroform layer', 'hanson2005'),
  // Cannabis.
  r(
    'duquenois-levine',
    'cannabis',
    ['purple'],
    'violet chloroform layer (NIJ: deep purple, 7.5P 4/12)',
    'unodcCannabis',
    'nij',
  ),
  r(
    'fast-blue-b',
    'cannabis',
    ['red', 'purple'],
    'purple red (THC red, CBN purple, CBD orange)',
    'unodcCannabis',
  ),
  // Indoles, barbiturates, benzodiazepines.
  r('ehrlich', 'lsd', ['purple'], 'deep purple (7.5P 3/10)', 'nij'),
  r(
    'dille-koppanyi',
    'barbiturates',
    ['purple'],
    'light purple (5P 7/8), phenobarbital and other barbiturates',
    'nij',
  ),
  r('zimmermann', 'benzodiazepines', ['red', 'purple'], 'red-purple (diazepam)', 'zimmermann'),
];
