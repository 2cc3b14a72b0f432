-- A hit points at its subject by kind and id (targeting's subject providers: travellers and
-- reservations today, consignments and others later). The database keeps the reference whole
-- with a foreign key per kind: the `<kind>_id` column of the subject's table (deleting the record
-- deletes its hits) must hold the subject's id, and a kind without such a column is refused.
-- A traveller's hit also names the traveller's reservation (reservation_id), a link, not its subject.
alter table hits add column subject_id uuid;
update hits set subject_id = case subject_kind when 'traveller' then traveller_id else reservation_id end;
alter table hits alter column subject_id set not null;
alter table hits drop constraint hits_subject_kind_check;
alter table hits add constraint hits_subject_reference check (
  case subject_kind
    when 'traveller' then traveller_id is not distinct from subject_id
    when 'reservation' then reservation_id is not distinct from subject_id and traveller_id is null
    else false
  end
);
create index hits_subject on hits (subject_kind, subject_id);
