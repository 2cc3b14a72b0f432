-- A list shared with its unit only: when it finds someone, the other units of the jurisdiction see
-- no hit at all, unless the list's owner chose to let them know that a restricted list matched
-- (without the entry or the list) so that they contact the owner unit.
alter table watchlists add column notify_other_units boolean not null default false;
