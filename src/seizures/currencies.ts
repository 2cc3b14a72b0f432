/**
 * ISO 4217 alphabetic currency codes.
 *
 * Source of CURRENT_CODES: ISO 4217 "List one: Current currency & funds code list" as published by
 * SIX Financial Information (the ISO 4217 maintenance agency), file list-one.xml with
 * `Pblshd="2024-06-25"`, every distinct <Ccy> of the table (funds codes, precious metals, bond
 * market units, XTS and XXX included), plus XCG (Caribbean guilder), added to list one by the
 * amendment that introduced it for Curaçao and Sint Maarten from 31 March 2025.
 *
 * Node's `Intl.supportedValuesOf('currency')` (CLDR) is not complete enough to validate against:
 * on Node 20 it lacks the funds codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), the precious
 * metals (XAU, XAG, XPD, XPT), the bond market units (XBA-XBD), XTS, XUA, XXX and VED, and it still
 * lists withdrawn codes such as HRK. The test beside this file checks both differences.
 *
 * WITHDRAWN_CODES are codes of list three (historic denominations) that a seizure of banknotes may
 * still meet in the region: kuna (HRK, replaced by the euro in Croatia in January 2023), the
 * currencies of the former Yugoslavia and of Serbia and Montenegro, the Deutsche Mark once used in
 * Montenegro and Kosovo, the euro-area predecessors, and codes recently replaced elsewhere.
 */

const CURRENT = `
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN
BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD
FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV
MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG
SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI
UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA
XXX YER ZAR ZMW ZWG`;

const WITHDRAWN = `
HRK HRD YUM YUN YUD CSD BAD SIT DEM ATS BEF CYP EEK ESP FIM FRF GRD IEP ITL LTL LUF LVL MTL NLG PTE
SKK TRL ROL BGL BYR MRO STD VEF ZMK ZWL SLL`;

const codes = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

export const CURRENT_CURRENCY_CODES: ReadonlySet<string> = codes(CURRENT);
export const WITHDRAWN_CURRENCY_CODES: ReadonlySet<string> = codes(WITHDRAWN);

export type CurrencyStatus = 'current' | 'withdrawn' | 'unknown';

/** Whether a code is on ISO 4217 list one, a withdrawn code still met on seized banknotes, or neither. */
export function currencyStatus(code: string): CurrencyStatus {
  if (CURRENT_CURRENCY_CODES.has(code)) return 'current';
  if (WITHDRAWN_CURRENCY_CODES.has(code)) return 'withdrawn';
  return 'unknown';
}

/** An ISO 4217 code, current or withdrawn, written in capitals as the standard writes it. */
export function isCurrencyCode(code: string): boolean {
  return currencyStatus(code) !== 'unknown';
}
