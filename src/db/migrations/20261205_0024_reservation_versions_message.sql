-- Screening a message reads the reservations it brought (and the travellers booked in them):
-- found by index, not by a scan of every version.
create index reservation_versions_message on reservation_versions (message_id);
