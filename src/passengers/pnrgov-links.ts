/**
 * The end of a reservation: what refers to travellers by number or by name is attached to
 * them. Infants are linked to their adults first, because an adult's SSRs often carry the
 * infant's document (DOCS with sex MI/FI) and its INFT request.
 */
import { issueAt, type ParseIssue } from '../edifact/index.js';
import { addAddress, addContact, readContactText } from './pnrgov-contacts.js';
import { maskCardNumbersInText } from './pnrgov-masking.js';
import type { ItineraryLeg, PnrReservation, PnrTravelDocument, PnrTraveller } from './pnrgov-model.js';
import type { PendingServiceRequest, ReservationBuilder } from './pnrgov-reservation-state.js';
import { linkInfants } from './pnrgov-infants.js';
import {
  normaliseSeat,
  readDoca,
  readDocs,
  readDoco,
  readSeatText,
  readServiceRequest,
  type ServiceRequestReading,
} from './pnrgov-ssr.js';
import { findTraveller, TravellerIndex } from './pnrgov-traveller-index.js';

export interface ReadServiceRequest extends PendingServiceRequest {
  reading: ServiceRequestReading;
}

function legOf(reservation: PnrReservation, pending: ReadServiceRequest): ItineraryLeg | null {
  if (pending.leg) return pending.leg;
  const { boardPoint, offPoint } = pending.reading;
  if (!boardPoint || !offPoint) return null;
  return (
    reservation.itinerary.find(
      (leg) => leg.departureAirport === boardPoint && leg.arrivalAirport === offPoint,
    ) ?? null
  );
}

function addSeat(
  traveller: PnrTraveller,
  legSequence: number,
  seat: string,
  source: 'booking' | 'check-in',
  cabinClass: string | null,
) {
  if (
    traveller.seats.some(
      (known) => known.legSequence === legSequence && known.seat === seat && known.source === source,
    )
  )
    return;
  traveller.seats.push({ legSequence, seat, source, cabinClass });
}

/** The same document sent twice (PNR level and leg level), one copy with a wrapped name. */
function sameDocument(a: PnrTravelDocument, b: PnrTravelDocument): boolean {
  if (a.number !== null || b.number !== null) {
    return a.number === b.number && a.type === b.type && a.dateOfBirth === b.dateOfBirth;
  }
  return a.text.replace(/\s/g, '') === b.text.replace(/\s/g, '');
}

/** The traveller a DOCS or DOCO is for: the infant of the adult when the document says infant. */
function documentHolder(
  index: TravellerIndex,
  owner: PnrTraveller | null,
  infant: boolean,
  surname: string | null,
  givenNames: string | null,
): PnrTraveller | null {
  if (infant) {
    const named = surname ? index.byName(surname, givenNames, 'infant') : null;
    if (named) return named;
    if (owner?.infant) return index.bySequence(owner.infant);
  }
  if (owner) return owner;
  return surname ? index.byName(surname, givenNames, infant ? 'infant' : null) : index.sole();
}

function applyServiceRequest(
  reservation: PnrReservation,
  index: TravellerIndex,
  pending: ReadServiceRequest,
  builder: ReservationBuilder,
): void {
  const { reading, segment } = pending;
  const warnings = reservation.warnings;
  const owner =
    pending.traveller ?? (reading.travellerReference ? index.byReference(reading.travellerReference) : null);
  const leg = legOf(reservation, pending);
  const text = reading.text ? maskCardNumbersInText(reading.text) : null;
  reservation.serviceRequests.push({
    code: reading.code,
    status: reading.status,
    quantity: reading.quantity,
    carrier: reading.carrier,
    boardPoint: reading.boardPoint,
    offPoint: reading.offPoint,
    text,
    travellerSequence: owner?.sequence ?? null,
    legSequence: leg?.sequence ?? null,
  });
  const problem = (message: string): void => {
    warnings.push(issueAt(segment, 'invalid-service-request', `SSR ${reading.code}: ${message}`));
  };
  switch (reading.code) {
    case 'DOCS': {
      if (!text) return;
      const { value, problems } = readDocs(text, builder.reference);
      problems.forEach(problem);
      const holder = documentHolder(index, owner, value.infant, value.surname, value.givenNames);
      if (!holder) return problem('no traveller matches the document (no reference, no matching name)');
      if (!holder.documents.some((known) => sameDocument(known, value))) holder.documents.push(value);
      holder.dateOfBirth ??= value.dateOfBirth;
      return;
    }
    case 'DOCO': {
      if (!text) return;
      const { value, problems } = readDoco(text, builder.reference);
      problems.forEach(problem);
      const holder = documentHolder(index, owner, value.infant, null, null);
      if (!holder) return problem('no traveller matches the visa (no reference)');
      if (!holder.visas.some((known) => known.text === value.text)) holder.visas.push(value);
      return;
    }
    case 'DOCA': {
      if (!text) return;
      const holder = owner ?? index.sole();
      const address = readDoca(text, holder?.sequence ?? null);
      if (holder && !holder.addresses.some((known) => known.text === address.text))
        holder.addresses.push(address);
      addAddress(reservation.contacts, address);
      return;
    }
    case 'SEAT': {
      if (!leg) return;
      const assigned = reading.details.filter((detail) => normaliseSeat(detail.value));
      for (const detail of assigned) {
        const traveller = detail.travellerReference
          ? index.byReference(detail.travellerReference)
          : assigned.length === 1
            ? owner
            : null;
        if (traveller) addSeat(traveller, leg.sequence, normaliseSeat(detail.value)!, 'booking', null);
      }
      // ".03BN03AN": seats in the text, in the order of the travellers who take a seat.
      if (assigned.length === 0 && reading.text) {
        const seats = readSeatText(reading.text);
        const seated = reservation.travellers.filter((traveller) => traveller.type !== 'infant');
        if (seats.length === seated.length)
          seats.forEach((seat, i) => addSeat(seated[i], leg.sequence, seat, 'booking', null));
      }
      return;
    }
    default:
      if (reading.code.startsWith('CTC') && text) {
        const contact = readContactText(
          `${reading.code} ${text.replace(/^\//, '')}`,
          'SSR',
          owner?.sequence ?? null,
        );
        if (contact) addContact(reservation.contacts, contact, owner?.sequence ?? null);
      }
  }
}

function applyCheckIns(builder: ReservationBuilder, index: TravellerIndex, warnings: ParseIssue[]): void {
  for (const checkIn of builder.checkIns) {
    const { traveller, nameDiffers } = findTraveller(
      index,
      checkIn.travellerReference,
      checkIn.surname,
      checkIn.givenNames,
    );
    // Names stay out of messages: warnings outlive the depersonalisation of the data.
    if (!traveller) {
      warnings.push(
        issueAt(
          checkIn.segment,
          'traveller-unknown',
          `check-in on leg ${checkIn.leg.sequence} matches no traveller of the reservation by reference or name`,
        ),
      );
      continue;
    }
    if (nameDiffers) {
      warnings.push(
        issueAt(
          checkIn.segment,
          'traveller-name-differs',
          `check-in on leg ${checkIn.leg.sequence} carries the reference of traveller ${traveller.sequence} under another name than the booking's`,
        ),
      );
    }
    const legSequence = checkIn.leg.sequence;
    if (checkIn.sequence || checkIn.checkedInAt) {
      traveller.checkIns.push({ legSequence, sequence: checkIn.sequence, checkedInAt: checkIn.checkedInAt });
    }
    if (checkIn.seat) addSeat(traveller, legSequence, checkIn.seat, 'check-in', checkIn.cabinClass);
    traveller.bags.push(...checkIn.bags);
  }
}

/** Completes the reservation once all its segments are read. */
export function finishReservation(builder: ReservationBuilder): PnrReservation {
  const reservation = builder.reservation;
  const owner = reservation.recordLocators[0];
  reservation.recordLocator = owner?.locator ?? null;
  reservation.owningCarrier = owner?.company ?? null;
  reservation.createdAt = reservation.recordLocators.find((locator) => locator.createdAt)?.createdAt ?? null;
  const index = new TravellerIndex(reservation.travellers);
  const requests: ReadServiceRequest[] = builder.serviceRequests.map((pending) => ({
    segment: pending.segment,
    traveller: pending.traveller,
    leg: pending.leg,
    reading: readServiceRequest(pending.segment),
  }));
  linkInfants(builder, requests, index);
  for (const pending of requests) applyServiceRequest(reservation, index, pending, builder);
  applyCheckIns(builder, index, reservation.warnings);
  if (!reservation.recordLocator) {
    reservation.warnings.push(
      issueAt(builder.start, 'record-locator-missing', 'reservation without a record locator (RCI)'),
    );
  }
  if (reservation.travellers.length === 0 && !reservation.groupName) {
    reservation.warnings.push(
      issueAt(builder.start, 'travellers-missing', 'reservation without a traveller (TIF)'),
    );
  }
  return reservation;
}
