import type { PnrReservation, ReservationChecks } from '../../reservation-types.js';
import { BookingOfficePanel, SplitGroupPanel } from './Booking.js';
import { ContactsPanel, PaymentsPanel } from './Contacts.js';
import { UnlistedCodesProvider } from './code-checks.js';
import { Itinerary } from './Itinerary.js';
import { HistoryPanel, RemarksPanel } from './Remarks.js';
import { Travellers } from './Travellers.js';
import { useLegFlights } from './useLegFlights.js';

/**
 * The content of one version of a reservation: itinerary, travellers, contacts, payments, booking
 * office, split and group, remarks and history. The same view serves the current version, a past
 * one and the unmasked original.
 */
export function ReservationContent({
  data,
  checks,
  masked,
  flightIds,
  apiTravellerOf,
}: {
  data: PnrReservation;
  /** Ages and codes outside the reference lists, for this version (from the server). */
  checks: ReservationChecks | null | undefined;
  /** The data is depersonalised: empty personal lists say so instead of "none". */
  masked: boolean;
  flightIds: string[];
  apiTravellerOf: Map<number, string>;
}) {
  const flightOfLeg = useLegFlights(data.itinerary, flightIds);
  return (
    <UnlistedCodesProvider checks={checks}>
      <Itinerary legs={data.itinerary} otherServices={data.otherServices} flightOfLeg={flightOfLeg} />
      <Travellers
        travellers={data.travellers}
        legs={data.itinerary}
        ages={checks?.travellerAges ?? []}
        apiTravellerOf={apiTravellerOf}
        masked={masked}
      />
      <ContactsPanel reservation={data} masked={masked} />
      <PaymentsPanel reservation={data} masked={masked} />
      <div className="columns">
        <BookingOfficePanel reservation={data} />
        <SplitGroupPanel reservation={data} />
      </div>
      <RemarksPanel reservation={data} masked={masked} />
      <HistoryPanel reservation={data} />
    </UnlistedCodesProvider>
  );
}
