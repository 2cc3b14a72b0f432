import { useState } from 'react';
import { api } from '../../api.js';
import { fullName } from '../../format.js';
import { t } from '../../i18n/index.js';
import type { TravellerSearchItem } from '../../types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A traveller by id, or found by name: the subject a rule is tried on. */
export function TravellerPicker({ onPick }: { onPick: (id: string, label: string) => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<TravellerSearchItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async () => {
    const value = text.trim();
    setError(null);
    if (UUID.test(value)) return onPick(value, value);
    if (value.length < 2) return setError(t('ruleTest.pickHint'));
    try {
      const page = await api.get<{ items: TravellerSearchItem[] }>('/travellers', {
        query: { name: value, pageSize: 10 },
      });
      setFound(page.items);
    } catch (cause) {
      setError((cause as Error).message);
    }
  };
  return (
    <div className="traveller-picker">
      <div className="form-row form">
        <div className="field field-grow">
          <label htmlFor="rule-test-traveller">{t('ruleTest.traveller')}</label>
          <input
            id="rule-test-traveller"
            value={text}
            placeholder={t('ruleTest.travellerPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
          />
        </div>
        <button type="button" className="button" onClick={() => void search()} data-testid="rule-test-find">
          {t('ruleTest.find')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {found && found.length === 0 && <p className="muted">{t('ruleTest.noneFound')}</p>}
      {found && found.length > 0 && (
        <ul className="picker-results">
          {found.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="link-button"
                data-testid="rule-test-candidate"
                onClick={() => onPick(item.id, fullName(item))}
              >
                {fullName(item)}
              </button>{' '}
              <span className="muted small">
                {item.dateOfBirth ?? ''} {item.nationality ?? ''} · {item.flight.carrier}{' '}
                {item.flight.flightNumber} {item.flight.departureAirport}→{item.flight.arrivalAirport}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
