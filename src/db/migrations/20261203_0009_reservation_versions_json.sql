-- Each pushed version is kept as the JSON text it arrived as (json, not jsonb): ingest writes
-- every version and reads few of them again, and reading JSON text in is several times cheaper
-- than building jsonb (about 1.5 ms of server time for the ten reservations of a usual push).
-- The few queries that look inside a version cast it to jsonb then.
alter table reservation_versions alter column data type json using data::json;

-- A new column type takes the default compression again: lz4 where the server has it, as before.
do $$
begin
  if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
    alter table reservation_versions alter column data set compression lz4;
  end if;
end
$$;
