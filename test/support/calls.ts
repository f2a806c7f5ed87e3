import type { EventMap, EventType } from '../../src/platform/events/bus.ts';
import type { Capabilities, DialRequest, OriginateRequest, RouteTarget, TelephonyAdapter } from '../../src/telephony/port.ts';
import type { TestSwitchboard } from './app.ts';
import type { TestProject, TestUser } from './fixtures.ts';

const ALL: Capabilities = { routeQuestions: true, callEvents: true, originate: true, dial: true, bridge: true, abandon: true, answer: true, hangup: true, transfer: true, hold: true, recording: true };

/** A PBX stand-in for tests: records every command it is given and answers with fresh call ids. */
export class RecordingAdapter implements TelephonyAdapter {
  readonly commands: Array<{ command: string; callId?: string; args: unknown }> = [];
  readonly capabilities: Readonly<Capabilities>;
  private n = 0;

  constructor(
    readonly name: string,
    without: Array<keyof Capabilities> = [],
  ) {
    this.capabilities = { ...ALL, ...Object.fromEntries(without.map((c) => [c, false])) };
  }

  async originate(request: OriginateRequest) {
    const callId = `${this.name}-out-${++this.n}`;
    this.commands.push({ command: 'originate', callId, args: request });
    return { callId };
  }
  async dial(request: DialRequest) {
    const callId = `${this.name}-dial-${++this.n}`;
    this.commands.push({ command: 'dial', callId, args: request });
    return { callId };
  }
  async bridge(_p: string, callId: string, extension: string) {
    this.commands.push({ command: 'bridge', callId, args: extension });
  }
  async abandon(_p: string, callId: string) {
    this.commands.push({ command: 'abandon', callId, args: null });
  }
  async answer(_p: string, callId: string, extension: string) {
    this.commands.push({ command: 'answer', callId, args: extension });
  }
  async hangup(_p: string, callId: string) {
    this.commands.push({ command: 'hangup', callId, args: null });
  }
  async transfer(_p: string, callId: string, to: RouteTarget) {
    this.commands.push({ command: 'transfer', callId, args: to });
  }
  async hold(_p: string, callId: string, held: boolean) {
    this.commands.push({ command: 'hold', callId, args: held });
  }
  async close() {}
}

/** Another signed-in agent in the project. */
export async function addSignedInAgent(sb: TestSwitchboard, p: TestProject, name: string): Promise<TestUser> {
  const db = sb.db.db;
  const email = `${name}-${p.projectId.slice(0, 8)}@example.test`;
  const user = await db.insertInto('users').values({ email, name }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ project_id: p.projectId, user_id: user.id, role: 'agent' }).execute();
  const session = await sb.services.directory.sessions.open(user.id);
  return { id: user.id, email, password: '', cookie: `sb_session=${session.token}` };
}

/** Publishes a call event as an adapter would and waits until the call's record has taken it. */
export async function callEvent<T extends EventType>(sb: TestSwitchboard, projectId: string, type: T, payload: EventMap[T]): Promise<void> {
  sb.bus.publish(projectId, type, payload);
  await sb.services.calls.recorder.settled(projectId, (payload as { callId: string }).callId);
}

/** The project's call record for a PBX call id, as the supervisor's API shows it. */
export async function recordOf(sb: TestSwitchboard, p: TestProject, pbxCallId: string) {
  const res = await sb.app.inject({ method: 'GET', url: `/api/projects/${p.projectId}/calls?limit=500`, headers: { cookie: p.supervisor.cookie } });
  return (res.json().items as Array<Record<string, any>>).find((c) => c.callId === pbxCallId);
}
