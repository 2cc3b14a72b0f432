-- The phones, e-mail addresses and payment cards that tie reservations together are kept on the
-- reservation itself, as 'kind:value' strings in an array with a GIN index, instead of a row each
-- in reservation_links (about thirteen per reservation, with two B-tree indexes and a foreign key
-- checked on every one). Co-travellers are the reservations whose arrays overlap (`&&`), which the
-- index answers; a new push replaces the array with the rest of the reservation.
alter table reservations add column links text[] not null default '{}';

update reservations r set links = l.links
from (
  select reservation_id, array_agg(kind || ':' || value order by kind, value) as links
  from reservation_links group by reservation_id
) l
where l.reservation_id = r.id;

create index reservations_links on reservations using gin (links);

drop table reservation_links;
