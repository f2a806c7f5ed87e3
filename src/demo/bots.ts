import type { Logger } from 'pino';
import { systemActor } from '../platform/audit.ts';
import type { Role } from '../platform/db/schema.ts';
import type { DomainEvent } from '../platform/events/bus.ts';
import type { Switchboard } from '../main.ts';
import { updateAgent } from '../domains/agents/agent-service.ts';
import { setPresence, type PresenceChoice } from '../domains/agents/presence-actions.ts';
import { complete } from '../domains/tasks/work-actions.ts';

/** Simulated demo agents: they answer the calls nobody is logged in to take, so the demo always has live calls. */
export const demoBots: { email: string; name: string; role: Role }[] = [1, 2, 3, 4, 5, 6].map((i) => ({ email: `bot${i}@demo.local`, name: `Demo Bot ${i}`, role: 'agent' }));

/** Extensions in the demo: real agents 101-104 ring on their desktops; bots 201-206 answer by themselves. */
const EXTENSIONS: Record<string, string> = {
  'agent1@demo.local': '101', 'agent2@demo.local': '102', 'agent3@demo.local': '103', 'agent4@demo.local': '104',
  ...Object.fromEntries(demoBots.map((b, i) => [b.email, String(201 + i)])),
};
/** Who works each default call group, in ring order (real agents first, bots behind them). */
const GROUPS: Record<string, string[]> = {
  Sales: ['agent1@demo.local', 'agent2@demo.local', 'bot1@demo.local', 'bot2@demo.local', 'bot3@demo.local'],
  Production: ['agent3@demo.local', 'bot4@demo.local'],
  Finance: ['agent4@demo.local', 'bot5@demo.local'],
  'On duty': ['bot6@demo.local', 'agent1@demo.local'],
};
const RING_MS = [2000, 5000];
const TALK_MS = [20_000, 70_000];

const between = ([lo, hi]: number[]) => lo! + Math.random() * (hi! - lo!);

/**
 * Sets up the demo's telephony once (extensions, call groups, the simulator with inbound calls every
 * ~25 s) and runs the bots through the same services a person uses: presence, task completion and the
 * telephony hub to answer and hang up. Campaign calls bridged to a bot (the dialer's tasks of value 0)
 * reach it too; leads with a value never do (score cap 0). Returns a stop function.
 */
export async function startDemoBots(sb: Switchboard, projectId: string, log: Logger): Promise<() => void> {
  const users = await sb.db.db.selectFrom('users').select(['id', 'email']).where('email', 'in', Object.keys(EXTENSIONS)).execute();
  const idOf = new Map(users.map((u) => [u.email, u.id]));
  await setUpTelephony(sb, projectId, idOf);
  const bots = new DemoBots(sb, projectId, log, new Map(demoBots.flatMap((b) => (idOf.has(b.email) ? [[EXTENSIONS[b.email]!, idOf.get(b.email)!] as const] : []))));
  await bots.start();
  const off = sb.bus.subscribe((e) => bots.react(e));
  log.info({ bots: idOf.size - 4 }, 'demo bots answer calls at extensions 201-206');
  return () => {
    off();
    bots.stop();
  };
}

/** The bots' behaviour: answer what rings at them, talk, hang up, wrap up, be available again. */
class DemoBots {
  private readonly users: Set<string>;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly talking = new Map<string, string>();

  constructor(
    private readonly sb: Switchboard,
    private readonly projectId: string,
    private readonly log: Logger,
    /** extension -> user id */
    private readonly bots: Map<string, string>,
  ) {
    this.users = new Set(bots.values());
  }

  /** Call routing learns presence from events: tell it who is signed out; bots get no leads (score cap 0) and go available. */
  async start(): Promise<void> {
    const { engine } = this.sb.services.routing;
    await engine.run(this.projectId, async (ps) => {
      await engine.refreshAgents(ps);
      for (const a of ps.agents.values()) this.sb.services.callRouting.presence.set(this.projectId, a.userId, a.presence.state === 'available');
      for (const userId of this.users) {
        const a = ps.agents.get(ps.byUser.get(userId) ?? '');
        if (a && a.scoreCap !== 0) await updateAgent(engine, ps, a.id, { scoreCap: 0 }, systemActor);
      }
    });
    for (const userId of this.users) await this.presence(userId, { state: 'available' });
  }

  react(e: DomainEvent): void {
    if (e.projectId !== this.projectId) return;
    const { telephony } = this.sb.services;
    if (e.type === 'call.ringing') {
      const { callId, targets } = e.payload as DomainEvent<'call.ringing'>['payload'];
      const ext = targets.map((t) => t.replace(/^agent:/, '')).find((x) => this.bots.has(x));
      if (ext) this.later(between(RING_MS), () => telephony.answer(this.projectId, callId, ext));
    } else if (e.type === 'call.answered') {
      const { callId, agentId } = e.payload as DomainEvent<'call.answered'>['payload'];
      if (!agentId || !this.users.has(agentId)) return;
      this.talking.set(callId, agentId);
      this.later(between(TALK_MS), () => telephony.hangup(this.projectId, callId));
    } else if (e.type === 'call.ended') {
      const { callId } = e.payload as DomainEvent<'call.ended'>['payload'];
      const agentId = this.talking.get(callId);
      if (!agentId) return;
      this.talking.delete(callId);
      void this.wrapUp(agentId);
    }
  }

  /**
   * A campaign call comes as a task: complete it (the queue's wrap-up follows). Any other call's
   * busy state and wrap-up are the calls domain's (CALL_WRAP_UP_SECONDS), as for a person.
   */
  private async wrapUp(userId: string): Promise<void> {
    const { engine } = this.sb.services.routing;
    await engine
      .run(this.projectId, async (ps) => {
        const a = ps.agents.get(ps.byUser.get(userId) ?? '');
        if (a?.presence.state !== 'busy' || !a.presence.taskId) return false;
        await complete(engine, ps, a, a.presence.taskId, 'completed', 'demo bot');
        return true;
      })
      .catch((err) => (this.log.debug({ err, userId }, 'demo bot task not completed'), false));
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  private presence(userId: string, choice: PresenceChoice): Promise<void> {
    const { engine } = this.sb.services.routing;
    return engine
      .run(this.projectId, async (ps) => {
        const a = ps.agents.get(ps.byUser.get(userId) ?? '');
        if (a) await setPresence(engine, ps, a, choice);
      })
      .catch((err) => this.log.debug({ err, userId }, 'demo bot presence unchanged'));
  }

  private later(ms: number, fn: () => Promise<unknown>): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn().catch((err) => this.log.debug({ err }, 'demo bot action skipped'));
    }, ms);
    this.timers.add(t);
  }
}

/** Extensions, group members and simulator traffic, each only where the project has none yet. */
async function setUpTelephony(sb: Switchboard, projectId: string, idOf: Map<string, string>): Promise<void> {
  const { groups } = sb.services.callRouting;
  const current = await groups.extensions(projectId);
  const held = new Set(current.map((e) => e.agentId));
  const taken = new Set(current.map((e) => e.extension));
  const added = [...idOf].filter(([email, id]) => !held.has(id) && !taken.has(EXTENSIONS[email]!)).map(([email, id]) => ({ agentId: id, extension: EXTENSIONS[email]! }));
  if (added.length) await groups.setExtensions(projectId, [...current.map((e) => ({ agentId: e.agentId, extension: e.extension })), ...added], systemActor);
  for (const g of await groups.list(projectId)) {
    const members = (GROUPS[g.name] ?? []).flatMap((email) => idOf.get(email) ?? []);
    if (g.members.length === 0 && members.length) await groups.update(projectId, g.id, { members }, systemActor);
  }
  const telephony = sb.services.telephonyAdapters.settings;
  if (!telephony.projects().includes(projectId)) await telephony.update(projectId, { adapter: 'sim', sim: { inboundPerMinute: 2.4 } }, systemActor);
}
