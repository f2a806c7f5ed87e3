import { z } from 'zod';
import { causeOfSipCode, type CallEvent, type RouteAnswer } from '../../port.ts';

/**
 * The JSON Kamailio and Switchboard exchange (deploy/kamailio/kamailio.cfg builds and parses it).
 * Kamailio sends flat strings it reads from SIP headers; numbers may be empty or 'anonymous'.
 */
export const KamailioRouteRequest = z.strictObject({
  callId: z.string().min(1).max(255),
  from: z.string().max(128).default(''),
  to: z.string().max(128).default(''),
});

/** What kamailio.cfg's dialog event routes post (through an mqueue drained by an rtimer process). */
export const KamailioEvent = z.discriminatedUnion('event', [
  /** dialog:start; target is "agent:<extension>", "external:<number>" or "voicemail:<box>". */
  z.strictObject({ event: z.literal('answered'), callId: z.string().min(1).max(255), target: z.string().max(200).default('') }),
  z.strictObject({ event: z.literal('ended'), callId: z.string().min(1).max(255), cause: z.string().max(40).default('normal') }),
  /** dialog:failed; code is the final SIP reply code ($T_reply_code), as text because Kamailio may have none. */
  z.strictObject({ event: z.literal('failed'), callId: z.string().min(1).max(255), code: z.union([z.number(), z.string().max(10)]).optional() }),
]);
export type KamailioEvent = z.infer<typeof KamailioEvent>;

/** What kamailio.cfg's SB_TRY loop walks: `targets[i].kind` and `targets[i].user`. */
export type KamailioAnswer =
  | { action: 'dial'; targets: Array<{ kind: 'agent' | 'external' | 'voicemail'; user: string }>; ringSeconds: number; rule: string; fallback: boolean }
  | { action: 'reject'; code: number; reason: string; rule: string; fallback: boolean };

/** The port's answer in kamailio.cfg's terms: agents by extension, external numbers and boxes as `user`. */
export function toKamailio(a: RouteAnswer): KamailioAnswer {
  if (a.action === 'reject') return { action: 'reject', code: a.code, reason: a.reason, rule: a.rule.name, fallback: a.fallback };
  const targets = a.targets.map((t) =>
    t.kind === 'agent' ? { kind: t.kind, user: t.extension } : t.kind === 'external' ? { kind: t.kind, user: t.number } : { kind: t.kind, user: t.box },
  );
  return { action: 'dial', targets, ringSeconds: a.ringSeconds, rule: a.rule.name, fallback: a.fallback };
}

const sipCode = (v: number | string | undefined): number | null => {
  const n = typeof v === 'number' ? v : Number.parseInt(v ?? '', 10);
  return Number.isInteger(n) && n >= 100 && n < 700 ? n : null;
};

/** A Kamailio dialog event as the port's call event. */
export function fromKamailio(e: KamailioEvent, projectId: string, at: string): CallEvent {
  const base = { projectId, callId: e.callId, at };
  if (e.event === 'answered') {
    const extension = e.target.startsWith('agent:') ? e.target.slice('agent:'.length) : null;
    return { ...base, kind: 'answered', extension };
  }
  if (e.event === 'ended') return { ...base, kind: 'ended', cause: 'normal', sipCode: null };
  const code = sipCode(e.code);
  return { ...base, kind: 'ended', cause: code === null ? 'failed' : causeOfSipCode(code), sipCode: code };
}
