-- A message cut off in transit whose readable part was stored: "partial", so that an operator asks
-- the sender for it again; one that yields nothing to store is "rejected" and kept with its errors.
alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check check (status in ('parsed', 'partial', 'rejected'));
