-- What each PNR push costs the server, made smaller:
-- 1. Versions are kept as plain text (the JSON the application wrote): the server no longer lexes
--    every version to check it is JSON (a tenth of its time at ingest); the few queries that look
--    inside a version cast it to jsonb, and the application parses what it reads.
-- 2. A compressed version stays in the table's own page when it fits (up to 8160 bytes, as most
--    do), instead of being cut into chunks in the TOAST table and indexed there.
-- 3. Booked travellers lose two indexes nothing reads (name and document: links to API travellers
--    start from the flight), two of the four index entries written for each of them.
alter table reservation_versions alter column data type text using data::text;
alter table reservation_versions set (toast_tuple_target = 8160);

-- A new column type takes the default compression again: lz4 where the server has it, as before.
do $$
begin
  if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
    alter table reservation_versions alter column data set compression lz4;
  end if;
end
$$;

drop index reservation_travellers_document;
drop index reservation_travellers_name;
