import { z } from 'zod';
import { causeOfSipCode, type CallEvent, type RouteTarget } from '../../port.ts';

const phone = z.string().max(64);

/** The hosted PBX's route question. */
export const WebhookRouteQuestion = z.object({
  callId: z.string().min(1).max(255),
  from: phone.nullable().optional(),
  to: phone,
});

const base = { eventId: z.string().min(1).max(255), callId: z.string().min(1).max(255), at: z.iso.datetime({ offset: true }).optional() };
const extension = z.string().min(1).max(64);

/** A call event from the hosted PBX; `eventId` is unique per event (replays are refused). */
export const WebhookEvent = z.discriminatedUnion('event', [
  z.object({ ...base, event: z.literal('started'), from: phone.nullable().optional(), to: phone }),
  z.object({ ...base, event: z.literal('ringing'), from: phone.nullable().optional(), to: phone, extension: extension.optional(), number: phone.optional() }),
  z.object({ ...base, event: z.literal('answered'), extension: extension.nullable().optional(), answeredBy: z.enum(['human', 'machine']).nullable().optional() }),
  z.object({ ...base, event: z.literal('held'), held: z.boolean() }),
  z.object({ ...base, event: z.literal('transferred'), to: z.string().min(1).max(255) }),
  z.object({ ...base, event: z.literal('ended'), cause: z.enum(['normal', 'busy', 'no_answer', 'rejected', 'cancelled', 'failed', 'abandoned']).optional(), sipCode: z.number().int().min(100).max(699).nullable().optional() }),
  z.object({ ...base, event: z.literal('recording'), url: z.url().max(2000) }),
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** The port's event for a PBX event; `started` is ringing with no target chosen yet. */
export function fromWebhook(e: WebhookEvent, projectId: string, receivedAt: string): CallEvent {
  const head = { projectId, callId: e.callId, at: e.at ?? receivedAt };
  switch (e.event) {
    case 'started':
      return { ...head, kind: 'ringing', from: e.from ?? null, to: e.to, targets: [] };
    case 'ringing': {
      const targets: RouteTarget[] = e.extension ? [{ kind: 'agent', agentId: '', extension: e.extension }] : e.number ? [{ kind: 'external', number: e.number }] : [];
      return { ...head, kind: 'ringing', from: e.from ?? null, to: e.to, targets };
    }
    case 'answered':
      return { ...head, kind: 'answered', extension: e.extension ?? null, answeredBy: e.answeredBy ?? null };
    case 'held':
      return { ...head, kind: 'held', held: e.held };
    case 'transferred':
      return { ...head, kind: 'transferred', to: e.to };
    case 'ended':
      return { ...head, kind: 'ended', cause: e.cause ?? causeOfSipCode(e.sipCode ?? null), sipCode: e.sipCode ?? null };
    case 'recording':
      return { ...head, kind: 'recording', url: e.url };
  }
}

/** A command Switchboard POSTs to the hosted PBX (`command` names it; the rest are its arguments). */
export type WebhookCommand =
  | { command: 'originate'; extension: string; agentId: string; to: string; callerId: string | null; trunk: string | null }
  | { command: 'dial'; to: string; callerId: string | null; trunk: string | null; ringSeconds: number }
  | { command: 'bridge'; callId: string; extension: string }
  | { command: 'abandon'; callId: string }
  | { command: 'answer'; callId: string; extension: string }
  | { command: 'hangup'; callId: string }
  | { command: 'transfer'; callId: string; to: RouteTarget }
  | { command: 'hold'; callId: string; held: boolean };

/** The PBX's answer to originate and dial: its id of the new call. */
export const PlacedCall = z.object({ callId: z.string().min(1).max(255) });
