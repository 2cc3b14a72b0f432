import { useEffect, useState } from 'react';
import { formatInstant } from '../../format.js';
import { t } from '../../i18n/index.js';

/** The current time, ticking every `intervalMs` while mounted (one timer per caller). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const HOUR = 3_600_000;

/** "2 d 4 h", "3 h 05 min", "12 min 30 s". */
export function formatSpan(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return t('countdown.days', { days, hours });
  if (hours > 0) return t('countdown.hours', { hours, minutes: pad(minutes) });
  return t('countdown.minutes', { minutes, seconds: pad(seconds) });
}

/**
 * Time left to the departure (or, inbound, the arrival) the hit is due by: red within the hour,
 * "departed" / "arrived" once past.
 */
export function Countdown({ dueAt, inbound, now }: { dueAt: string | null; inbound: boolean; now: number }) {
  if (!dueAt) return <span className="muted">—</span>;
  const left = Date.parse(dueAt) - now;
  const title = `${inbound ? t('countdown.arrival') : t('countdown.departure')} ${formatInstant(dueAt)}`;
  if (left <= 0)
    return (
      <span className="countdown countdown-past" title={title} data-testid="countdown" data-state="past">
        {inbound ? t('countdown.arrived') : t('countdown.departed')}
      </span>
    );
  const urgent = left < HOUR;
  return (
    <span
      className={`countdown${urgent ? ' countdown-urgent' : ''}`}
      title={title}
      data-testid="countdown"
      data-state={urgent ? 'urgent' : 'future'}
    >
      {inbound
        ? t('countdown.arrivesIn', { span: formatSpan(left) })
        : t('countdown.departsIn', { span: formatSpan(left) })}
    </span>
  );
}
