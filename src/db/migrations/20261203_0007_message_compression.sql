-- Raw messages (tens of kilobytes each, a PAXLST of 300 travellers about 75 KB) and their sealed
-- originals are compressed with lz4 where the server is built with it, as reservation versions
-- are (20261122_0005): several times cheaper than pglz on every stored message. Values already
-- stored keep their compression and stay readable.
do $$
begin
  if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
    alter table messages alter column content set compression lz4;
    alter table sealed_messages alter column content set compression lz4;
  end if;
end
$$;
