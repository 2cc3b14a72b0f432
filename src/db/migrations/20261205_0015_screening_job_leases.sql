-- Screening jobs are leased: a worker holds a job until lease_until and renews the lease while it
-- works; a job whose lease lapsed (its worker stopped) is taken over by any worker within seconds.
-- Each claim gets a new lease_token, so a worker that lost its job cannot record an outcome for it.
-- After the last attempt a job is dead (kept with its last error, shown to administrators).
alter table screening_jobs add column lease_until timestamptz;
alter table screening_jobs add column lease_token uuid;
alter table screening_jobs drop constraint screening_jobs_status_check;
update screening_jobs set status = 'dead' where status = 'failed';
-- Jobs running when this runs were claimed without a lease: theirs lapses at once.
update screening_jobs set lease_until = now() where status = 'running';
alter table screening_jobs add constraint screening_jobs_status_check
  check (status in ('pending', 'running', 'done', 'dead'));
-- Claimed in id order: the index walks pending jobs in that order.
drop index screening_jobs_pending;
create index screening_jobs_pending on screening_jobs (id) where status = 'pending';
create index screening_jobs_leases on screening_jobs (lease_until) where status = 'running';
create index screening_jobs_dead on screening_jobs (finished_at desc) where status = 'dead';
