-- A booked traveller is known by its reservation and its place in it: the surrogate key nothing
-- referred to goes, with the index and the generated value each booked traveller cost at ingest.
alter table reservation_travellers drop column id;
alter table reservation_travellers drop constraint reservation_travellers_reservation_id_sequence_key;
alter table reservation_travellers add primary key (reservation_id, sequence);
