import type { Logger } from 'pino';
import { systemActor } from '../platform/audit.ts';
import type { Switchboard } from '../main.ts';
import { updateAgent } from '../domains/agents/agent-service.ts';
import { saveQueue } from '../domains/tasks/queue-service.ts';
import { createTasks, type TaskInput } from '../domains/tasks/task-service.ts';

const allWeek = (from: string, to: string) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [[from, to]]]));

/** The demo's queues: web leads pushed to everyone, owned callbacks, and key accounts for senior agents. */
const QUEUES = [
  { name: 'Web leads', vertical: 'energy', taskType: 'lead', settings: { wrapUpSeconds: 10, offerTimeoutSeconds: 45, missedOfferState: 'break' as const } },
  { name: 'Callbacks', vertical: 'energy', taskType: 'callback', settings: { wrapUpSeconds: 10, ownerStickiness: true, ownerFallbackSeconds: 300, holidayCountry: 'CZ', businessHours: allWeek('07:00', '22:00') } },
  { name: 'Key accounts', vertical: 'b2b', taskType: 'lead', settings: { wrapUpSeconds: 20, slaSeconds: 1800, slaRampSeconds: 900, weights: { value: 1, agePerMinute: 20, sla: 8000, fit: 1000 } } },
];

/** Skills and caps per demo agent; agent4 is the trainee whose cap keeps big leads away. */
const AGENTS: Record<string, { skills: Record<string, number>; scoreCap: number | null }> = {
  'agent1@demo.local': { skills: { czech: 5, german: 3 }, scoreCap: null },
  'agent2@demo.local': { skills: { czech: 4, b2b: 3 }, scoreCap: null },
  'agent3@demo.local': { skills: { czech: 3, russian: 5 }, scoreCap: 20000 },
  'agent4@demo.local': { skills: { czech: 2, turkish: 5 }, scoreCap: 3000 },
};

const PRODUCTS = ['electricity', 'gas', 'mortgage', 'insurance', 'mobile tariff'];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

function lead(queues: Map<string, string>): TaskInput {
  const key = Math.random() < 0.15;
  const value = Math.round((key ? 20000 : 300) + Math.random() ** 3 * (key ? 150000 : 40000));
  return {
    queueId: queues.get(key ? 'Key accounts' : 'Web leads')!,
    title: `${pick(PRODUCTS)} calculation`,
    phones: [`+420 7${Math.floor(10_000_000 + Math.random() * 89_999_999)}`],
    value,
    ttlSeconds: 8 * 3600,
    requiredSkills: key ? { czech: 3 } : {},
    details: { source: pick(['kalkulator web', 'comparison site', 'landing page']), product: pick(PRODUCTS) },
  };
}

/**
 * Sets up routing in the demo project once (queues, agent skills and caps) and starts a gentle stream of
 * leads: a backlog of eight, then one every few seconds while fewer than 40 wait, so an agent who goes
 * available sees push assignment at once. Returns a stop function.
 */
export async function startDemoRouting(sb: Switchboard, projectId: string, log: Logger, everyMs = 5000): Promise<() => void> {
  const { engine } = sb.services.routing;
  const queues = await engine.run(projectId, async (ps) => {
    for (const q of QUEUES) if (![...ps.queues.values()].some((x) => x.name === q.name)) await saveQueue(engine, ps, null, q, systemActor);
    await engine.refreshAgents(ps);
    const emails = await sb.db.db.selectFrom('users').select(['id', 'email']).where('email', 'in', Object.keys(AGENTS)).execute();
    for (const u of emails) {
      const a = ps.agents.get(ps.byUser.get(u.id) ?? '');
      if (a && !Object.keys(a.skills).length) await updateAgent(engine, ps, a.id, AGENTS[u.email]!, systemActor);
    }
    return new Map([...ps.queues.values()].map((q) => [q.name, q.id]));
  });
  const add = (n: number) =>
    engine.run(projectId, async (ps) => {
      let waiting = 0;
      for (const t of ps.index.tasks.values()) if (t.status === 'queued') waiting++;
      if (waiting < 40) await createTasks(engine, ps, Array.from({ length: n }, () => lead(queues)), systemActor);
    }).catch((err) => log.warn({ err }, 'demo lead stream failed'));
  await add(8);
  const timer = setInterval(() => void add(1), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
