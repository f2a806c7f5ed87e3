import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.ts';
import type { AdapterContext, CallEvent, Capabilities, RouteAnswer, RouteQuestion, TelephonyAdapter } from '../../src/telephony/port.ts';

/** What the PBX ends up doing with Switchboard's answer, in the adapter's own terms. */
export type PbxOutcome =
  | { action: 'dial'; targets: string[]; ringSeconds: number }
  | { action: 'reject'; code: number }
  /** The PBX got no usable answer and uses its own local fallback route. */
  | { action: 'pbx-fallback' };

/**
 * One adapter wired to a test router and sink, plus a driver that speaks its PBX's protocol.
 * Targets are labelled `agent:<extension>`, `external:<number>`, `voicemail:<box>`.
 */
export interface PortHarness {
  adapter: TelephonyAdapter;
  /** Asks a route question the way the PBX does (with a valid or an unknown credential). */
  ask(q: { callId: string; from: string | null; to: string }, opts?: { credential?: 'valid' | 'unknown' }): Promise<PbxOutcome>;
  /** Reports what the PBX saw: an agent answering, or the call ending with a final SIP code (200 = normal hang-up). */
  report(e: { kind: 'answered'; callId: string; extension: string } | { kind: 'ended'; callId: string; sipCode: number }): Promise<void>;
  /**
   * A call in the state `command` needs (ringing at extension 101 for answer, a dialled call a person
   * answered for bridge and abandon, a connected call for hangup, hold and transfer). Required when
   * the adapter declares a call control capability.
   */
  liveCall?(command: Command): Promise<string>;
  /** Checks that the PBX carried out `command` on `callId` (its events, or the request it received). */
  confirm?(command: Command, callId: string): Promise<void>;
  close(): Promise<void>;
}

export type Command = 'originate' | 'dial' | 'bridge' | 'abandon' | 'answer' | 'hangup' | 'transfer' | 'hold';

export const CONTRACT_PROJECT = '00000000-0000-4000-8000-000000000001';

const commands: Array<[Command & keyof Capabilities, (a: TelephonyAdapter, callId: string) => Promise<unknown>]> = [
  ['originate', (a) => a.originate({ projectId: CONTRACT_PROJECT, agentId: 'x', extension: '101', to: '+420601123456' })],
  ['dial', (a) => a.dial({ projectId: CONTRACT_PROJECT, to: '+420601123456', ringSeconds: 60 })],
  ['bridge', (a, id) => a.bridge(CONTRACT_PROJECT, id, '101')],
  ['abandon', (a, id) => a.abandon(CONTRACT_PROJECT, id)],
  ['answer', (a, id) => a.answer(CONTRACT_PROJECT, id, '101')],
  ['hangup', (a, id) => a.hangup(CONTRACT_PROJECT, id)],
  ['transfer', (a, id) => a.transfer(CONTRACT_PROJECT, id, { kind: 'external', number: '+420601123456' })],
  ['hold', (a, id) => a.hold(CONTRACT_PROJECT, id, true)],
];

/** The behaviour every telephony adapter must show; run it from `<adapter>.contract.test.ts`. */
export function telephonyPortContract(name: string, start: (ctx: AdapterContext) => Promise<PortHarness>): void {
  describe(`telephony port contract: ${name}`, () => {
    let answer: RouteAnswer | Error;
    let questions: RouteQuestion[];
    let events: CallEvent[];
    let h: PortHarness;

    beforeEach(async () => {
      questions = [];
      events = [];
      answer = { action: 'dial', targets: [], ringSeconds: 20, rule: { id: null, name: 'unset' }, fallback: false };
      h = await start({
        router: {
          route: async (q) => {
            questions.push(q);
            if (answer instanceof Error) throw answer;
            return answer;
          },
        },
        events: (e) => events.push(e),
        projectForToken: (t) => (t === 'valid-token' ? CONTRACT_PROJECT : undefined),
      });
    });
    afterEach(async () => h.close());

    it('declares its capabilities and refuses the commands it lacks with TELEPHONY_UNSUPPORTED', async () => {
      expect(typeof h.adapter.name).toBe('string');
      for (const [capability, run] of commands) {
        if (h.adapter.capabilities[capability]) continue;
        const err = await run(h.adapter, 'call-1').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('TELEPHONY_UNSUPPORTED');
      }
    });

    it('carries out every command it declares', async () => {
      for (const [capability, run] of commands) {
        if (!h.adapter.capabilities[capability]) continue;
        expect(h.liveCall, `${name} declares ${capability}: its harness needs liveCall and confirm`).toBeDefined();
        const callId = await h.liveCall!(capability);
        const out = await run(h.adapter, callId);
        const placed = capability === 'originate' || capability === 'dial';
        if (placed) expect(out).toEqual({ callId: expect.stringMatching(/.+/) });
        await h.confirm!(capability, placed ? (out as { callId: string }).callId : callId);
      }
    });

    it('passes the question to the router and rings the targets in order', async () => {
      answer = {
        action: 'dial',
        targets: [
          { kind: 'agent', agentId: 'a1', extension: '101' },
          { kind: 'agent', agentId: 'a2', extension: '102' },
          { kind: 'external', number: '+420601000111' },
        ],
        ringSeconds: 15,
        rule: { id: 'r1', name: 'Suppliers -> production' },
        fallback: false,
      };
      const out = await h.ask({ callId: 'c-1', from: '+420601123456', to: '+420222000111' });
      expect(questions).toEqual([{ projectId: CONTRACT_PROJECT, callId: 'c-1', from: '+420601123456', to: '+420222000111' }]);
      expect(out).toEqual({ action: 'dial', targets: ['agent:101', 'agent:102', 'external:+420601000111'], ringSeconds: 15 });
      for (const e of events) expect(e).toMatchObject({ callId: 'c-1', projectId: CONTRACT_PROJECT });
    });

    it('rejects when the router says so', async () => {
      answer = { action: 'reject', code: 486, reason: 'Busy Here', rule: { id: 'r2', name: 'Blocked' }, fallback: false };
      expect(await h.ask({ callId: 'c-2', from: '+420601123456', to: '+420222000111' })).toEqual({ action: 'reject', code: 486 });
    });

    it('asks about anonymous callers with from = null', async () => {
      answer = { action: 'dial', targets: [{ kind: 'voicemail', box: 'main' }], ringSeconds: 20, rule: { id: null, name: 'Fallback route' }, fallback: true };
      expect(await h.ask({ callId: 'c-3', from: null, to: '+420222000111' })).toMatchObject({ targets: ['voicemail:main'] });
      expect(questions[0]!.from).toBeNull();
    });

    it('lets the PBX use its own fallback when Switchboard cannot answer', async () => {
      answer = new AppError('ROUTE_UNAVAILABLE', 'not loaded');
      expect(await h.ask({ callId: 'c-4', from: '+420601123456', to: '+420222000111' })).toEqual({ action: 'pbx-fallback' });
    });

    it('never asks the router for a PBX with an unknown credential', async () => {
      expect(await h.ask({ callId: 'c-5', from: '+420601123456', to: '1' }, { credential: 'unknown' })).toEqual({ action: 'pbx-fallback' });
      expect(questions).toEqual([]);
    });

    it('reports answered and ended (with a cause) for the project, even for calls it never routed and out of order', async () => {
      await h.report({ kind: 'ended', callId: 'never-seen', sipCode: 486 });
      await h.report({ kind: 'answered', callId: 'c-6', extension: '101' });
      await h.report({ kind: 'ended', callId: 'c-6', sipCode: 200 });
      expect(events.map((e) => [e.kind, e.callId, e.projectId])).toEqual([
        ['ended', 'never-seen', CONTRACT_PROJECT],
        ['answered', 'c-6', CONTRACT_PROJECT],
        ['ended', 'c-6', CONTRACT_PROJECT],
      ]);
      expect(events[0]).toMatchObject({ cause: 'busy', sipCode: 486 });
      expect(events[1]).toMatchObject({ extension: '101' });
      expect(events[2]).toMatchObject({ cause: 'normal' });
      for (const e of events) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    });
  });
}
