-- Every push of a reservation writes a version of ~10 KB of JSON: compress versions and their sealed
-- copies with lz4, several times faster than the default pglz, where the server is built with it
-- (PostgreSQL 14 and later, --with-lz4; the embedded PGlite has pglz only and keeps it). Values
-- already stored keep their compression and stay readable; new values are written with lz4.
do $$
begin
  if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
    alter table reservation_versions alter column data set compression lz4;
    alter table reservation_sealed alter column data set compression lz4;
  end if;
end
$$;
