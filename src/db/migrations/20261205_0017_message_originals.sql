-- The bytes of a received message whose stored text does not reproduce them exactly (UTF-16, a
-- single-byte character set, a byte order mark, NUL bytes, which a text column cannot hold), so that
-- nothing received is lost; null when the text is the received bytes. Sealed with the text.
alter table messages add column original bytea;
alter table sealed_messages add column original bytea;
do $$
begin
  if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
    alter table messages alter column original set compression lz4;
    alter table sealed_messages alter column original set compression lz4;
  end if;
end
$$;
