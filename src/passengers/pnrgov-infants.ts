/**
 * Infants on a lap. PNRGOV links them to their adult in three ways, used in this order: the
 * infant's reference is the adult's with an "I" ("43578I" for "43578"); the adult's TIF says
 * an infant travels with it and the infant's TIF follows; an SSR INFT of the adult names the
 * infant. An INFT naming an infant without a TIF of its own adds the infant from the SSR.
 */
import { issueAt, type Segment } from '../edifact/index.js';
import type { ReadServiceRequest } from './pnrgov-links.js';
import type { PnrTraveller } from './pnrgov-model.js';
import type { ReservationBuilder } from './pnrgov-reservation-state.js';
import { readInfantRequest, type InfantRequest } from './pnrgov-ssr.js';
import { newTraveller } from './pnrgov-traveller.js';
import type { TravellerIndex } from './pnrgov-traveller-index.js';

function link(adult: PnrTraveller, infant: PnrTraveller): void {
  adult.infant = infant.sequence;
  infant.infantOf = adult.sequence;
}

const canTakeInfant = (traveller: PnrTraveller | null): traveller is PnrTraveller =>
  traveller !== null && traveller.type !== 'infant' && traveller.infant === null;

interface InfantRequestOf {
  adult: PnrTraveller | null;
  infant: InfantRequest;
  segment: Segment;
}

function infantRequests(
  builder: ReservationBuilder,
  requests: ReadServiceRequest[],
  index: TravellerIndex,
): InfantRequestOf[] {
  const found: InfantRequestOf[] = [];
  for (const request of requests) {
    if (request.reading.code !== 'INFT' || !request.reading.text) continue;
    const { value, problems } = readInfantRequest(request.reading.text, builder.reference);
    for (const problem of problems) {
      builder.reservation.warnings.push(
        issueAt(request.segment, 'invalid-service-request', `SSR INFT: ${problem}`),
      );
    }
    if (!value) continue;
    const reference = request.reading.travellerReference;
    const adult = request.traveller ?? (reference ? index.byReference(reference) : null);
    found.push({
      adult: adult && adult.type !== 'infant' ? adult : null,
      infant: value,
      segment: request.segment,
    });
  }
  return found;
}

const sameName = (traveller: PnrTraveller, infant: InfantRequest) =>
  traveller.surname.replace(/\s/g, '') === infant.surname.replace(/\s/g, '') &&
  (!infant.givenNames || traveller.givenNames.replace(/\s/g, '').startsWith(infant.givenNames.split(' ')[0]));

export function linkInfants(
  builder: ReservationBuilder,
  requests: ReadServiceRequest[],
  index: TravellerIndex,
): void {
  const travellers = builder.reservation.travellers;
  const named = infantRequests(builder, requests, index);
  const tifCount = travellers.length;
  for (let i = 0; i < tifCount; i++) {
    const infant = travellers[i];
    if (infant.type !== 'infant' || infant.infantOf !== null) continue;
    let adult: PnrTraveller | null = null;
    if (infant.reference?.endsWith('I')) adult = index.byReference(infant.reference.slice(0, -1));
    for (let j = i - 1; j >= 0 && !canTakeInfant(adult); j--) {
      if (builder.adultsWithInfant.has(travellers[j]) && travellers[j].infant === null) adult = travellers[j];
    }
    if (!canTakeInfant(adult))
      adult =
        named.find((request) => sameName(infant, request.infant) && canTakeInfant(request.adult))?.adult ??
        null;
    if (canTakeInfant(adult)) link(adult, infant);
    else {
      const segment = builder.travellerSegments.get(infant);
      if (segment) {
        builder.reservation.warnings.push(
          issueAt(
            segment,
            'infant-unlinked',
            `infant (traveller ${infant.sequence}) is linked to no adult: no reference, no INFT naming it`,
          ),
        );
      }
    }
  }
  for (const request of named) {
    const known = travellers.find(
      (traveller) => traveller.type === 'infant' && sameName(traveller, request.infant),
    );
    if (known) {
      known.dateOfBirth ??= request.infant.dateOfBirth;
      continue;
    }
    if (!canTakeInfant(request.adult)) continue;
    const infant = newTraveller(travellers.length + 1, {
      surname: request.infant.surname,
      givenNames: request.infant.givenNames,
      title: null,
      typeCode: null,
      type: 'infant',
      reference: null,
      withInfant: false,
      isGroup: false,
    });
    infant.fromInfantRequestOnly = true;
    infant.dateOfBirth = request.infant.dateOfBirth;
    index.add(infant);
    link(request.adult, infant);
  }
}
