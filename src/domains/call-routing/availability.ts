import type { EventBus } from '../../platform/events/bus.ts';

/** The one question routing asks about agents, answered from memory: can this agent take a call now? */
export interface AgentAvailability {
  isAvailable(projectId: string, agentId: string): boolean;
}

/**
 * Availability from the agents domain's presence events (`agent.state_changed`, keyed by the
 * agent's user id): 'available' means available, any other state means not. An agent the board
 * has never heard of counts as `assumeUnknown` (default true): phones registered at the PBX work
 * before anyone opens the agent desktop, and a busy phone still fails over at the PBX (486).
 */
export class PresenceAvailability implements AgentAvailability {
  private readonly states = new Map<string, boolean>();
  private readonly off: () => void;

  constructor(
    bus: EventBus,
    private readonly assumeUnknown = true,
  ) {
    this.off = bus.subscribe((e) => {
      if (e.type !== 'agent.state_changed') return;
      const p = e.payload as { userId: string; to: string };
      this.set(e.projectId, p.userId, p.to === 'available');
    });
  }

  set(projectId: string, agentId: string, available: boolean): void {
    this.states.set(`${projectId}:${agentId}`, available);
  }

  isAvailable(projectId: string, agentId: string): boolean {
    return this.states.get(`${projectId}:${agentId}`) ?? this.assumeUnknown;
  }

  close(): void {
    this.off();
  }
}
