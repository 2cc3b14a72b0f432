/**
 * Where PNR ingest into the PostgreSQL server spends its CPU: this process and the server's backends,
 * read from /proc before and after (a diagnostic, not part of `npm run bench`).
 * Usage: npx tsx bench/ingest-cpu.ts [messages] [concurrency] [profile.cpuprofile]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { benchIngestPostgres, pnrgovWorkload } from './ingest.js';
import { startProfile } from './profiling.js';

const ticks = 100;

function postgresSeconds(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const fields = stat.slice(close + 2).split(' ');
      // With the children the server has reaped: backends end with their connections.
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / ticks;
    } catch {
      // Gone between the listing and the read.
    }
  }
  return total;
}

const count = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 4);
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// What making the messages costs this process, taken off its figure below.
const generating = process.cpuUsage();
const workload = pnrgovWorkload(count, 10);
for (let i = 0; i < count + workload.warmUpMessages; i++) Buffer.from(workload.generate(i));
const generated = process.cpuUsage(generating);
const profile = process.argv[4] ? await startProfile(process.argv[4]) : undefined;
const pgBefore = postgresSeconds();
const cpuBefore = process.cpuUsage();
const figures = await benchIngestPostgres(url, workload, concurrency);
const cpu = process.cpuUsage(cpuBefore);
const pgSeconds = postgresSeconds() - pgBefore;
await profile?.stop();
// CPU figures cover the warm-up messages and the setup of the database (migrations, first user) as well.
const perMessage = (seconds: number) =>
  `${((seconds / (count + workload.warmUpMessages)) * 1000).toFixed(2)} ms`;
console.log(
  JSON.stringify({
    messages: count,
    reservationsPerSecond: Math.round(figures.reservationsPerSecond),
    wallPerMessage: `${((figures.seconds / count) * 1000).toFixed(2)} ms`,
    nodePerMessage: perMessage((cpu.user + cpu.system - generated.user - generated.system) / 1e6),
    nodeSystemPerMessage: perMessage((cpu.system - generated.system) / 1e6),
    postgresPerMessage: perMessage(pgSeconds),
  }),
);
