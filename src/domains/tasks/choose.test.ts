import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseAgent, chooseTask, type AgentCandidate } from './choose.ts';
import { DEFAULT_QUEUE_SETTINGS, type QueueSettings, type Task } from './model.ts';
import { valueScore } from './priority.ts';

const T0 = Date.UTC(2026, 0, 5, 9);
const S: QueueSettings = { ...DEFAULT_QUEUE_SETTINGS };
let n = 0;
const task = (over: Partial<Task> = {}): Task => ({
  id: `t${++n}`, projectId: 'p', queueId: 'q', status: 'queued', value: 1000, createdAt: T0, dueAt: null, eligibleAt: null,
  expiresAt: null, ownerAgentId: null, requiredSkills: {}, agentId: null, ...over,
});
const agent = (over: Partial<AgentCandidate> = {}): AgentCandidate => ({ id: 'a', skills: {}, scoreCap: null, idleSince: T0, ...over });

describe('choosing a task for an agent', () => {
  it('takes the highest score and explains it', () => {
    const big = task({ value: 9000 });
    const trace = chooseTask(agent(), [big, task({ value: 100 })].map((t) => ({ task: t, settings: S })), T0);
    expect(trace.taskId).toBe(big.id);
    expect(trace.reason).toMatch(/highest score 9000/);
    expect(trace.candidates[0]!.components).toEqual({ value: 9000, age: 0, sla: 0, fit: 0 });
  });

  it.each([
    ['score cap keeps a trainee off big leads', task({ value: 9000 }), agent({ scoreCap: 5000 }), 'OVER_CAP'],
    ['missing skill', task({ requiredSkills: { german: 3 } }), agent({ skills: { german: 2 } }), 'MISSING_SKILL'],
    ['scheduled for later', task({ eligibleAt: T0 + 1 }), agent(), 'NOT_YET'],
    ['expired', task({ expiresAt: T0 }), agent(), 'EXPIRED'],
    ['owned by someone else', task({ ownerAgentId: 'b' }), agent(), 'OWNER_ONLY'],
    ['already offered', task({ status: 'offered' }), agent(), 'NOT_QUEUED'],
  ])('%s', (_n, t, a, code) => {
    const trace = chooseTask(a, [{ task: t, settings: S }], T0);
    expect(trace.taskId).toBeNull();
    expect(trace.candidates[0]!.excluded).toBe(code);
  });

  it('owned tasks go to anyone after the fallback wait', () => {
    const t = task({ ownerAgentId: 'b' });
    expect(chooseTask(agent(), [{ task: t, settings: S }], T0 + S.ownerFallbackSeconds * 1000).taskId).toBe(t.id);
  });

  it('never picks a task over the cap or lacking skills (property)', () => {
    const arbTask = fc.record({ value: fc.integer({ min: 0, max: 20000 }), skill: fc.integer({ min: 0, max: 5 }) });
    fc.assert(fc.property(fc.array(arbTask, { maxLength: 20 }), fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 1, max: 5 }), (ts, cap, level) => {
      const tasks = ts.map((x) => task({ value: x.value, requiredSkills: x.skill ? { czech: x.skill } : {} }));
      const pick = chooseTask(agent({ scoreCap: cap, skills: { czech: level } }), tasks.map((t) => ({ task: t, settings: S })), T0);
      const chosen = tasks.find((t) => t.id === pick.taskId);
      if (!chosen) return tasks.every((t) => valueScore(t, S.weights) > cap || (t.requiredSkills.czech ?? 0) > level);
      return valueScore(chosen, S.weights) <= cap && (chosen.requiredSkills.czech ?? 0) <= level;
    }));
  });
});

describe('choosing an agent for a task', () => {
  const agents = [agent({ id: 'x', idleSince: T0 - 10 }), agent({ id: 'y', idleSince: T0 - 50 }), agent({ id: 'z', idleSince: T0 - 30, scoreCap: 10 })];
  it('longest idle eligible agent first (equal distribution)', () => {
    expect(chooseAgent(task(), S, agents, T0).agentId).toBe('y');
  });
  it('the owner first while stickiness holds', () => {
    const trace = chooseAgent(task({ ownerAgentId: 'x' }), S, agents, T0);
    expect([trace.agentId, trace.reason]).toEqual(['x', 'owner agent (stickiness)']);
  });
  it('nobody but the owner during the wait, anyone after it', () => {
    const t = task({ ownerAgentId: 'gone' });
    expect(chooseAgent(t, S, agents, T0).agentId).toBeNull();
    expect(chooseAgent(t, S, agents, T0 + S.ownerFallbackSeconds * 1000).agentId).toBe('y');
  });
  it('without stickiness the owner is just one of the agents', () => {
    expect(chooseAgent(task({ ownerAgentId: 'x' }), { ...S, ownerStickiness: false }, agents, T0).agentId).toBe('y');
  });
});
