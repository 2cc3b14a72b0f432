import type { CatalogueEntry } from './catalogue.js';
import { enReservationPage } from './en-reservation-page.js';

/** The English catalogue of the reservation (PNR) list and of retention, with the reservation page (spread into en.ts). */
export const enReservations = {
  'reservations.lead':
    'Reservations (PNR) received from carriers through PNRGOV, newest departure first. Their content is visible only to the Passenger Information Unit.',
  'reservations.restrictedNote':
    'Reservation data (PNR) is visible only to the Passenger Information Unit. You can see that a reservation exists, its carrier, first departure and number of travellers.',
  'reservations.filters': 'Filter reservations',
  'reservations.filter.locator': 'Record locator',
  'reservations.filter.name': 'Booked name',
  'reservations.filter.namePlaceholder': 'Any script: Đorđević, Ђорђевић',
  'reservations.filter.locatorHint': 'The booking reference, e.g. 06A9FD',
  'reservations.filter.carrier': 'Owning carrier',
  'reservations.filter.from': 'First departure from',
  'reservations.filter.to': 'First departure to',
  'reservations.filter.onFlight': 'Showing the reservations that include one flight.',
  'reservations.filter.openFlight': 'Open the flight',
  'reservations.filter.allFlights': 'Show all flights',
  'reservations.column.locator': 'Record locator',
  'reservations.column.reservation': 'Reservation',
  'reservations.column.carrier': 'Carrier',
  'reservations.column.firstDeparture': 'First departure (local)',
  'reservations.column.lastFlight': 'Last flight',
  'reservations.column.travellers': 'Travellers',
  'reservations.column.booked': 'Booked',
  'reservations.column.indicators': 'Risk indicators',
  'reservations.column.status': 'Status',
  'reservations.column.lastReceived': 'Last received',
  'reservations.restricted': 'Reservation exists (details restricted to the Passenger Information Unit)',
  'reservations.empty.title': 'No reservations yet',
  'reservations.empty.body':
    'Reservations appear here once carriers send PNRGOV messages, or when such messages are uploaded on the Messages page.',
  'reservations.empty.filteredTitle': 'No reservations match these filters',
  'reservations.empty.filteredBody':
    'Check the record locator or carrier, widen the dates, or clear the filters.',

  'retention.title': 'PNR data retention',
  'retention.intro':
    'Reservation data (PNR) is kept only as long as the EU PNR directive (Article 12) allows, counted from the reservation’s last flight:',
  'retention.maskTitle': {
    one: 'After {count} month: depersonalised.',
    other: 'After {count} months: depersonalised.',
  },
  'retention.maskBody':
    'Names, documents, contacts, payment details, frequent flyer data and remarks are masked out. The original is sealed: a PNR analyst can read it only with a written reason, which is audited.',
  'retention.deleteTitle': { one: 'After {count} year: deleted,', other: 'After {count} years: deleted,' },
  'retention.onArrival':
    'The same periods apply when a reservation arrives: one already past deletion is refused (the message is kept, rejected, saying which reservation and why, or the reservation is left out with a warning when the message holds others), one past depersonalisation is stored depersonalised at once.',
  'retention.onArrivalOff':
    'This installation takes in reservations past these periods as they come (PNR_ACCEPT_EXPIRED, for training data): the next run depersonalises or deletes them.',
  'retention.deleteBody': 'with the raw messages that carried it.',
  'retention.holdTitle': 'Held reservations',
  'retention.holdBody':
    '(for example tied to a case) are depersonalised like the others but not deleted until the hold is released.',
  'retention.schedule':
    'The server applies the policy every hour by itself and when it starts. The periods are set in the server configuration (PNR_MASK_AFTER_MONTHS, PNR_DELETE_AFTER_YEARS). Every run is listed below and recorded in the audit log.',
  'retention.runs.title': 'Retention runs',
  'retention.runs.none': 'The policy has not run yet.',
  'retention.runs.label': 'Retention runs, newest first',
  'retention.runs.ranAt': 'Ran',
  'retention.runs.trigger': 'Started by',
  'retention.runs.settings': 'Settings in force',
  'retention.runs.settingsValue': 'depersonalise after {months} months, delete after {years} years',
  'retention.runs.masked': 'Depersonalised',
  'retention.runs.deleted': 'Deleted',
  'retention.runs.held': 'Kept (held)',
  'retention.runs.messages': 'Messages sealed / deleted',
  'retention.trigger.schedule': 'Schedule (server)',
  'retention.trigger.command': 'Command (interdict retention run)',
  'retention.trigger.admin': 'Administrator: {name}',
  'retention.asOf': 'As of (optional)',
  'retention.asOfHint': 'Leave empty to apply the policy as of today.',
  'retention.run': 'Run now',
  'retention.running': 'Running…',
  'retention.confirm.title': 'Apply the retention policy now?',
  'retention.confirm.message':
    'Reservations past their periods as of {asOf} will be depersonalised or deleted. Deletion cannot be undone.',
  'retention.result.title': 'Retention applied as of {asOf}',
  'retention.result.masked': 'Reservations depersonalised',
  'retention.result.deleted': 'Reservations deleted',
  'retention.result.held': 'Kept because held',
  'retention.result.messagesSealed': 'Messages sealed',
  'retention.result.messagesDeleted': 'Messages deleted',
  'retention.result.maskedBefore': 'Depersonalised: last flight before',
  'retention.result.deletedBefore': 'Deleted: last flight before',

  ...enReservationPage,
} as const satisfies Record<string, CatalogueEntry>;
