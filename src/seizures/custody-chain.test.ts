import { describe, expect, it } from 'vitest';
import type { CustodyEvent, CustodyEventInput } from './custody-chain.js';
import {
  appendCustodyEvent,
  custodyEventHash,
  custodyEventProblem,
  custodyGenesisHash,
  verifyCustodyChain,
} from './custody-chain.js';

const EVIDENCE = 'evidence-7f3a';

const steps: CustodyEventInput[] = [
  { kind: 'seized', at: '2026-03-14T10:20:00+01:00', by: 'officer.petrovic', where: 'BEG cargo terminal' },
  {
    kind: 'sealed',
    at: '2026-03-14T10:40:00+01:00',
    by: 'officer.petrovic',
    where: 'BEG cargo terminal',
    sealNumber: 'RS-PCU-0009931',
  },
  {
    kind: 'handed-over',
    at: '2026-03-14T15:00:00+01:00',
    by: 'officer.petrovic',
    where: 'BEG PCU office',
    to: 'inspector.jovanovic',
  },
  {
    kind: 'received-by-laboratory',
    at: '2026-03-15T09:10:00+01:00',
    by: 'inspector.jovanovic',
    where: 'Forensic laboratory Belgrade',
    to: 'lab.nikolic',
  },
  {
    kind: 'analysed',
    at: '2026-03-18T12:00:00+01:00',
    by: 'lab.nikolic',
    where: 'Forensic laboratory Belgrade',
    note: 'cocaine hydrochloride, 78 %',
  },
  { kind: 'destroyed', at: '2026-06-01T11:00:00+02:00', by: 'lab.nikolic', where: 'Incinerator Vinča' },
];

function fullChain(): CustodyEvent[] {
  return steps.reduce<CustodyEvent[]>((chain, step) => appendCustodyEvent(EVIDENCE, chain, step), []);
}

/** An edit by someone who also recomputes the edited event's own hash. */
function rewrite(event: CustodyEvent, change: Partial<CustodyEventInput>): CustodyEvent {
  const edited = { ...event, ...change };
  return { ...edited, hash: custodyEventHash(edited) };
}

describe('chain of custody', () => {
  it('links each event to the one before it, the first to the evidence item', () => {
    const chain = fullChain();
    expect(chain.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(chain[0].previousHash).toBe(custodyGenesisHash(EVIDENCE));
    for (let i = 1; i < chain.length; i++) expect(chain[i].previousHash).toBe(chain[i - 1].hash);
    expect(new Set(chain.map((event) => event.hash)).size).toBe(chain.length);
    expect(verifyCustodyChain(EVIDENCE, chain, { count: 6, lastHash: chain[5].hash })).toEqual({
      ok: true,
      problems: [],
    });
  });

  it('finds an event changed in place', () => {
    const chain = fullChain();
    chain[3] = { ...chain[3], by: 'someone.else' };
    expect(verifyCustodyChain(EVIDENCE, chain)).toEqual({
      ok: false,
      problems: [{ kind: 'changed', sequence: 4 }],
    });
  });

  it('finds an event changed and re-hashed, by the broken link of the next one', () => {
    const chain = fullChain();
    chain[1] = rewrite(chain[1], { sealNumber: 'RS-PCU-0000001' });
    expect(verifyCustodyChain(EVIDENCE, chain).problems).toEqual([{ kind: 'changed', sequence: 2 }]);
  });

  it('finds missing events in the middle and, against the anchor, at the end', () => {
    const chain = fullChain();
    const withoutHandover = chain.filter((event) => event.sequence !== 3 && event.sequence !== 4);
    expect(verifyCustodyChain(EVIDENCE, withoutHandover).problems).toEqual([
      { kind: 'missing', sequences: [3, 4] },
    ]);
    const cut = chain.slice(0, 4);
    expect(verifyCustodyChain(EVIDENCE, cut).ok).toBe(true);
    expect(verifyCustodyChain(EVIDENCE, cut, { count: 6, lastHash: chain[5].hash }).problems).toEqual([
      { kind: 'missing-at-end', after: 4, expectedCount: 6 },
    ]);
  });

  it('finds a chain moved to another evidence item and events put out of order', () => {
    const chain = fullChain();
    expect(verifyCustodyChain('evidence-other', chain).problems).toEqual([{ kind: 'changed', sequence: 1 }]);
    const swapped = [chain[0], chain[2], chain[1], ...chain.slice(3)];
    const problems = verifyCustodyChain(EVIDENCE, swapped).problems;
    expect(problems).toContainEqual({ kind: 'missing', sequences: [2] });
    expect(problems).toContainEqual({ kind: 'reordered', sequence: 2 });
  });

  it('refuses events that cannot follow', () => {
    expect(custodyEventProblem([], steps[1])).toBe('the chain starts with the seizure');
    const seized = appendCustodyEvent(EVIDENCE, [], steps[0]);
    expect(custodyEventProblem(seized, steps[0])).toBe('the item was already seized');
    expect(custodyEventProblem(seized, { ...steps[1], sealNumber: ' ' })).toBe(
      'a sealing needs the seal number',
    );
    expect(custodyEventProblem(seized, { ...steps[2], to: undefined })).toBe('say who received the item');
    expect(custodyEventProblem(seized, { ...steps[1], at: '2026-03-14T09:00:00+01:00' })).toMatch(
      /before the previous one/,
    );
    expect(custodyEventProblem(seized, { ...steps[1], at: '14.03.2026' })).toMatch(/not an ISO 8601/);
    expect(custodyEventProblem(seized, { ...steps[1], by: '' })).toBe(
      'the user who records the event is required',
    );
    expect(() => appendCustodyEvent(EVIDENCE, fullChain(), steps[4])).toThrow(
      'the item was destroyed: its custody has ended',
    );
  });
});
