-- One work queue for every kind of job (screening today; imports, report exports, exchange
-- deliveries and retention next). A job's kind names the handler its domain registers
-- (src/jobs); its payload is that kind's. Screening is one kind, its payload saying what to
-- screen: a message's records, records by id, or the records travelling in the next hours.
alter table screening_jobs rename to jobs;
alter table jobs rename constraint screening_jobs_pkey to jobs_pkey;
alter table jobs rename constraint screening_jobs_status_check to jobs_status_check;
alter table jobs drop constraint screening_jobs_kind_check;
alter sequence screening_jobs_id_seq rename to jobs_id_seq;
alter index screening_jobs_pending rename to jobs_pending;
alter index screening_jobs_leases rename to jobs_leases;
alter index screening_jobs_dead rename to jobs_dead;
update jobs set payload = jsonb_build_object('of', 'message', 'messageId', payload -> 'messageId')
  where kind = 'message';
update jobs set payload = jsonb_build_object('of', 'subjects', 'subjectKind', 'traveller',
    'ids', coalesce(payload -> 'ids', '[]'::jsonb))
  where kind = 'travellers';
update jobs set payload = jsonb_build_object('of', 'subjects', 'subjectKind', 'reservation',
    'ids', coalesce(payload -> 'ids', '[]'::jsonb))
  where kind = 'reservations';
update jobs set payload = jsonb_build_object('of', 'rescreen', 'reason', coalesce(payload ->> 'reason', 'rules changed'),
    'hours', coalesce((payload ->> 'hours')::numeric, 72))
  where kind = 'rescreen';
update jobs set kind = 'screening';
alter table jobs add constraint jobs_kind_check check (kind ~ '^[a-z][a-z0-9-]*$');
