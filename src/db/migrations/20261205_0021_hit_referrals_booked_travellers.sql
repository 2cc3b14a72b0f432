-- A referral names its recipient (a unit or a user) and why: the referring agency's review holds
-- it, and so does the recipient's agency's review when it is another agency.
alter table hit_reviews add column referred_to_unit_id uuid references units (id);
alter table hit_reviews add column referred_to_user_id uuid references users (id);
alter table hit_reviews add column referral_reason text;
alter table hit_reviews add column referred_by text;
alter table hit_reviews add column referred_at timestamptz;
create index hit_reviews_referred_unit on hit_reviews (referred_to_unit_id) where referred_to_unit_id is not null;
create index hit_reviews_referred_user on hit_reviews (referred_to_user_id) where referred_to_user_id is not null;

-- A hit found on a traveller booked in a reservation and reported on no passenger list points at
-- the reservation and names which of its booked travellers (reservation_travellers.sequence).
alter table hits add column booked_sequence integer;
