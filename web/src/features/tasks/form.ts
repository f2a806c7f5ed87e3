import type { TaskInput } from './api.ts';

/** One editable skill line and one detail line of the form. */
export type SkillRow = { name: string; level: number };
export type DetailRow = { key: string; value: string };

/** The New task form's state: inputs as Mantine gives them (numbers may be '', times are picker strings). */
export interface Form {
  queueId: string | null;
  title: string;
  phones: { phone: string }[];
  value: number | string;
  dueAt: string | null;
  scheduledAt: string | null;
  ttlHours: number | string;
  ownerAgentId: string | null;
  skills: SkillRow[];
  details: DetailRow[];
}

export const EMPTY: Form = { queueId: null, title: '', phones: [{ phone: '' }], value: '', dueAt: null, scheduledAt: null, ttlHours: '', ownerAgentId: null, skills: [], details: [] };

/** A picker value ("YYYY-MM-DD HH:mm:ss", the browser's zone) as an ISO instant. */
const iso = (v: string | null) => (v ? new Date(v.replace(' ', 'T')).toISOString() : undefined);
const num = (v: number | string) => (v === '' ? undefined : Number(v));

/** The form as the API's body, and for each phone sent the form row it came from (to place errors). */
export function toBody(f: Form): { body: TaskInput; phoneRows: number[] } {
  const phoneRows = f.phones.flatMap((p, i) => (p.phone.trim() ? [i] : []));
  const skills = f.skills.filter((s) => s.name.trim());
  const details = f.details.filter((d) => d.key.trim());
  const ttl = num(f.ttlHours);
  const body: TaskInput = {
    queueId: f.queueId ?? '',
    title: f.title.trim() || undefined,
    phones: phoneRows.length ? phoneRows.map((i) => f.phones[i]!.phone.trim()) : undefined,
    value: num(f.value),
    dueAt: iso(f.dueAt),
    scheduledAt: iso(f.scheduledAt),
    ttlSeconds: ttl === undefined ? undefined : Math.round(ttl * 3600),
    ownerAgentId: f.ownerAgentId ?? undefined,
    requiredSkills: skills.length ? Object.fromEntries(skills.map((s) => [s.name.trim(), s.level])) : undefined,
    details: details.length ? Object.fromEntries(details.map((d) => [d.key.trim(), d.value])) : undefined,
  };
  return { body, phoneRows };
}

/** Fields the form shows an error under. */
const SHOWN = new Set(['queueId', 'title', 'value', 'ownerAgentId', 'dueAt', 'scheduledAt', 'ttlSeconds', 'phones', 'requiredSkills', 'details']);

/** Errors keyed by form row (`phones.<sent index>` becomes `phones.<row>`); one about no field of the form goes to the form. */
export function placeErrors(errors: Record<string, string>, phoneRows: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const m = /^phones\.(\d+)$/.exec(k);
    const key = m ? `phones.${phoneRows[Number(m[1])] ?? 0}` : SHOWN.has(k) ? k : 'form';
    out[key] ??= v;
  }
  return out;
}
