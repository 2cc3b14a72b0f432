-- What a message stored, by kind of record, for every format (src/messages/stored.ts):
-- [{"kind": "flight", "count": 2, "ids": [...]}, {"kind": "traveller", "count": 300, "ids": [...]}].
-- It replaces the passenger-only flight_ids and traveller_count. A message stored before keeps its
-- flights with their ids, its reservations (from the versions it pushed), and the number of its
-- travellers, whose ids it did not keep.
alter table messages add column stored jsonb not null default '[]'::jsonb;

update messages m set stored = (
  select coalesce(jsonb_agg(entry order by n), '[]'::jsonb)
  from (
    select 1 as n, jsonb_build_object('kind', 'flight', 'count', cardinality(m.flight_ids),
      'ids', to_jsonb(m.flight_ids)) as entry
    where cardinality(m.flight_ids) > 0
    union all
    select 2, jsonb_build_object('kind', 'reservation', 'count', count(*), 'ids', jsonb_agg(r.reservation_id))
    from (select distinct reservation_id from reservation_versions where message_id = m.id) r
    having count(*) > 0
    union all
    select 3, jsonb_build_object('kind', case when m.format = 'PNRGOV' then 'booked-traveller' else 'traveller' end,
      'count', m.traveller_count)
    where m.traveller_count > 0
  ) entries
)
where m.status <> 'rejected';

alter table messages drop column flight_ids, drop column traveller_count;
