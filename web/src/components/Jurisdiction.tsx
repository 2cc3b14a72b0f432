import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { t } from '../i18n/index.js';

/*
 * Kosovo is always shown as "Kosovo*" with the UN designation note. Every place that shows a
 * jurisdiction or a nationality goes through these components, so none can forget it.
 */

/** Codes that designate Kosovo: ISO user-assigned XK/XKX, RKS in its passports, UNK for UNMIK documents. */
const KOSOVO_CODES = new Set(['XK', 'XKX', 'RKS', 'UNK']);

export function isKosovo(code: string | null | undefined): boolean {
  return Boolean(code && KOSOVO_CODES.has(code.trim().toUpperCase()));
}

export const KOSOVO_FOOTNOTE_ID = 'kosovo-footnote';

interface FootnoteRegistry {
  register: () => () => void;
}

const FootnoteContext = createContext<FootnoteRegistry | null>(null);
const FootnoteCountContext = createContext(0);

/** Counts the Kosovo names on screen, so that KosovoFootnoteSlot shows the note while there is one. */
export function KosovoFootnoteProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState(0);
  const [registry] = useState<FootnoteRegistry>(() => ({
    register: () => {
      setCount((n) => n + 1);
      return () => setCount((n) => n - 1);
    },
  }));
  return (
    <FootnoteContext.Provider value={registry}>
      <FootnoteCountContext.Provider value={count}>{children}</FootnoteCountContext.Provider>
    </FootnoteContext.Provider>
  );
}

/** Where the page's footnote goes (bottom of the content); empty when no Kosovo name is shown. */
export function KosovoFootnoteSlot() {
  const count = useContext(FootnoteCountContext);
  return count > 0 ? <KosovoFootnote /> : null;
}

export function KosovoFootnote() {
  return (
    <p className="footnote" id={KOSOVO_FOOTNOTE_ID} role="note" data-testid="kosovo-footnote">
      {t('jurisdiction.kosovoFootnote')}
    </p>
  );
}

function KosovoName({ suffix }: { suffix?: string }) {
  const registry = useContext(FootnoteContext);
  useEffect(() => registry?.register(), [registry]);
  return (
    <span className="jurisdiction-name" title={t('jurisdiction.kosovoFootnote')}>
      {t('jurisdiction.kosovo')}
      <sup aria-describedby={registry ? KOSOVO_FOOTNOTE_ID : undefined}>*</sup>
      {suffix && <span className="muted"> ({suffix})</span>}
    </span>
  );
}

/** The name of a jurisdiction (state or territory) given by its code and, when known, its name. */
export function JurisdictionName({ code, name }: { code: string | null | undefined; name?: string | null }) {
  if (isKosovo(code)) return <KosovoName />;
  if (!code && !name) return <span className="muted">—</span>;
  return <span className="jurisdiction-name">{name || code}</span>;
}

/** A nationality or issuing-state code as sent in a document (ISO 3166 / ICAO 9303), e.g. SRB. */
export function CountryCode({ code }: { code: string | null | undefined }) {
  if (!code) return <span className="muted">—</span>;
  if (isKosovo(code)) return <KosovoName suffix={code.toUpperCase()} />;
  return <span className="country-code">{code}</span>;
}
