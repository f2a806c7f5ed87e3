import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PRIORITY_SETTINGS as Q, rampKey, rampStartAt, scoreTask, staticKey, type PriorityTask } from './priority.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const task = (over: Partial<PriorityTask> = {}): PriorityTask => ({ value: 1000, createdAt: T0, dueAt: null, requiredSkills: {}, ...over });

describe('priority score', () => {
  it.each([
    ['fresh lead: value only', task(), 0, { value: 1000, age: 0, sla: 0, fit: 0 }],
    ['10 minutes old: +100 age', task(), 10, { value: 1000, age: 100, sla: 0, fit: 0 }],
    ['at the due time: full SLA weight', task(), 60, { value: 1000, age: 600, sla: 5000, fit: 0 }],
    ['half way up the ramp', task(), 45, { value: 1000, age: 450, sla: 2500, fit: 0 }],
    ['overdue keeps rising', task(), 90, { value: 1000, age: 900, sla: 10000, fit: 0 }],
    ['own due time wins over the queue SLA', task({ dueAt: T0 + 10 * MIN }), 10, { value: 1000, age: 100, sla: 5000, fit: 0 }],
  ])('%s', (_name, t, minutes, components) => {
    const s = scoreTask(t, Q, null, T0 + minutes * MIN);
    expect(s.components).toEqual(components);
    expect(s.total).toBe(components.value + components.age + components.sla);
  });

  it('agent fit adds points per level above the requirement', () => {
    const s = scoreTask(task({ requiredSkills: { czech: 2 } }), Q, { skills: { czech: 5 } }, T0);
    expect(s.components.fit).toBe(1500);
  });

  it('a low-value lead overtakes a fresh high-value lead before it becomes very late', () => {
    const low = task({ value: 500 });
    const now = T0 + 60 * MIN;
    const fresh = task({ value: 5000, createdAt: now });
    expect(scoreTask(low, Q, null, now).total).toBeGreaterThan(scoreTask(fresh, Q, null, now).total);
  });

  it('aging never lowers a score (monotone in time)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (value, a, b) => {
      const t = task({ value });
      const [x, y] = a < b ? [a, b] : [b, a];
      return scoreTask(t, Q, null, T0 + x).total <= scoreTask(t, Q, null, T0 + y).total + 1e-6;
    }));
  });

  it('the time-invariant keys order tasks exactly like the score within a phase', () => {
    const arb = fc.record({ value: fc.integer({ min: 0, max: 100000 }), created: fc.integer({ min: 0, max: 3 * 3600_000 }) });
    fc.assert(fc.property(arb, arb, fc.integer({ min: 0, max: 6 * 3600_000 }), (a, b, offset) => {
      const ta = task({ value: a.value, createdAt: T0 + a.created });
      const tb = task({ value: b.value, createdAt: T0 + b.created });
      const now = T0 + Math.max(a.created, b.created) + offset;
      const pre = (t: PriorityTask) => rampStartAt(t, Q) > now;
      if (pre(ta) !== pre(tb)) return true;
      const key = pre(ta) ? (t: PriorityTask) => staticKey(t, Q.weights) : (t: PriorityTask) => rampKey(t, Q);
      const diffKey = key(ta) - key(tb);
      const diffScore = scoreTask(ta, Q, null, now).total - scoreTask(tb, Q, null, now).total;
      return Math.abs(diffKey - diffScore) < 1e-6 * Math.max(1, Math.abs(diffScore));
    }));
  });
});
