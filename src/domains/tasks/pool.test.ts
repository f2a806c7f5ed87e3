import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseTask, type AgentCandidate } from './choose.ts';
import { DEFAULT_QUEUE_SETTINGS, type QueueSettings, type Task } from './model.ts';
import { TaskIndex } from './pool.ts';
import { bandOf } from './groups.ts';
import { scoreTask } from './priority.ts';

const T0 = Date.UTC(2026, 0, 5, 9);
const S: QueueSettings = { ...DEFAULT_QUEUE_SETTINGS, slaSeconds: 1800, slaRampSeconds: 600 };

describe('task index', () => {
  it.each([[0, -Infinity, 0], [100, 0, 100], [150, 100, 200], [200, 100, 200], [4999, 2000, 5000], [5000, 2000, 5000], [12000, 10000, 20000]])('band of %d', (v, lo, hi) => {
    expect(bandOf(v)).toEqual([lo, hi]);
  });

  it('score caps are band boundaries', () => {
    expect(bandOf(2500, [3000])).toEqual([2000, 3000]);
    expect(bandOf(3000, [3000])).toEqual([2000, 3000]);
    expect(bandOf(3001, [3000])).toEqual([3000, 5000]);
  });

  it('finds the same best task as scoring every task (property)', () => {
    const arbTask = fc.record({
      value: fc.integer({ min: 0, max: 30000 }), age: fc.integer({ min: 0, max: 7200_000 }), queue: fc.constantFrom('q1', 'q2'),
      skill: fc.integer({ min: 0, max: 4 }), owner: fc.constantFrom(null, 'a', 'b'), later: fc.boolean(),
    });
    const arbAgent = fc.record({ cap: fc.option(fc.integer({ min: 0, max: 30000 })), level: fc.integer({ min: 0, max: 5 }) });
    fc.assert(fc.property(fc.array(arbTask, { maxLength: 40 }), arbAgent, fc.integer({ min: 0, max: 7200_000 }), (specs, ag, step) => {
      const index = new TaskIndex();
      index.settings.set('q1', S).set('q2', { ...S, weights: { ...S.weights, agePerMinute: 50 } });
      const tasks: Task[] = specs.map((x, i) => ({
        id: `t${i}`, projectId: 'p', queueId: x.queue, status: 'queued', value: x.value, createdAt: T0 - x.age, dueAt: null,
        eligibleAt: x.later ? T0 + step / 2 : null, expiresAt: null, ownerAgentId: x.owner, requiredSkills: (x.skill ? { cz: x.skill } : {}) as Record<string, number>, agentId: null,
      }));
      for (const t of tasks) index.upsert(t, T0);
      const now = T0 + step;
      index.advance(now);
      const agent: AgentCandidate = { id: 'a', skills: ag.level ? { cz: ag.level } : {}, scoreCap: ag.cap, idleSince: T0 };
      index.setCaps([ag.cap], now);
      const got = index.candidates(agent, now)[0];
      const want = chooseTask(agent, tasks.map((t) => ({ task: t, settings: index.settings.get(t.queueId)! })), now);
      if (!want.taskId) return got === undefined;
      const score = (id: string) => { const t = tasks.find((x) => x.id === id)!; return scoreTask(t, index.settings.get(t.queueId)!, agent, now).total; };
      return got !== undefined && Math.abs(score(got.id) - score(want.taskId)) < 1e-6;
    }), { numRuns: 300 });
  });

  it('forgets removed tasks and skips declined ones', () => {
    const index = new TaskIndex();
    index.settings.set('q1', S);
    const mk = (id: string, value: number): Task => ({ id, projectId: 'p', queueId: 'q1', status: 'queued', value, createdAt: T0, dueAt: null, eligibleAt: null, expiresAt: null, ownerAgentId: null, requiredSkills: {}, agentId: null });
    index.upsert(mk('a', 10), T0);
    index.upsert(mk('b', 20), T0);
    index.upsert(mk('c', 30), T0);
    index.remove('c');
    const agent: AgentCandidate = { id: 'x', skills: {}, scoreCap: null, idleSince: T0, declined: new Set(['b']) };
    expect(index.candidates(agent, T0).map((e) => e.id)).toEqual(['a']);
  });
});

describe('task index bookkeeping', () => {
  it('re-inserting a copy of an entry (as the engine does on offer) takes it out of the pool', () => {
    const index = new TaskIndex();
    index.settings.set('q1', S);
    const t: Task = { id: 'a', projectId: 'p', queueId: 'q1', status: 'queued', value: 10, createdAt: T0, dueAt: null, eligibleAt: null, expiresAt: null, ownerAgentId: null, requiredSkills: {}, agentId: null };
    const e = index.upsert(t, T0);
    index.upsert({ ...e, status: 'offered', agentId: 'x' }, T0);
    const agent: AgentCandidate = { id: 'y', skills: {}, scoreCap: null, idleSince: T0 };
    expect(index.candidates(agent, T0)).toEqual([]);
    index.upsert({ ...index.tasks.get('a')!, status: 'queued', agentId: null }, T0);
    expect(index.candidates(agent, T0).map((x) => x.id)).toEqual(['a']);
  });
});
