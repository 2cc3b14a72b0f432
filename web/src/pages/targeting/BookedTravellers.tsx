import { Link } from 'react-router-dom';
import { isPnrWithheld, PnrWithheld, type PnrWithheldMarker } from '../../components/PnrWithheld.js';
import { t } from '../../i18n/index.js';
import type { BookedName } from '../../targeting-types.js';

/**
 * Who a reservation hit is about: the travellers booked in it, each linked to the traveller page
 * when a passenger list reported them. PNR data: withheld for roles without PNR clearance.
 */
export function BookedTravellers({
  booked,
  compact = false,
  hitOn = null,
}: {
  booked: BookedName[] | PnrWithheldMarker | undefined;
  compact?: boolean;
  /** The booked traveller the hit was found on. */
  hitOn?: number | null;
}) {
  if (!booked) return null;
  if (isPnrWithheld(booked))
    return (
      <span className="block small" data-testid="booked-travellers">
        {t('hit.booked.label')}: <PnrWithheld />
      </span>
    );
  if (booked.length === 0) return null;
  if (compact)
    return (
      <span className="block small" data-testid="booked-travellers">
        {booked.map((traveller) => traveller.name).join(', ')}
      </span>
    );
  return (
    <div data-testid="booked-travellers">
      <h3 className="record-hits-subtitle">{t('hit.booked.label')}</h3>
      <ul className="plain-list">
        {booked.map((traveller) => (
          <li
            key={traveller.sequence}
            data-testid="booked-traveller"
            className={traveller.sequence === hitOn ? 'strong' : undefined}
          >
            {traveller.travellerId ? (
              <Link to={`/travellers/${traveller.travellerId}`}>{traveller.name}</Link>
            ) : (
              <>
                {traveller.name} <span className="muted small">{t('hit.booked.noPassengerList')}</span>
              </>
            )}
            {traveller.sequence === hitOn && (
              <span className="badge badge-danger badge-spaced">{t('hit.booked.hitOn')}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
