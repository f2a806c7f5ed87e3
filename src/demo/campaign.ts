import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db/db.ts';
import type { LeadsTable } from '../platform/db/schema.ts';
import { syncAgents } from '../domains/tasks/repo.ts';
import { dialable } from '../domains/campaigns/hours.ts';
import { mergeSettings } from '../domains/campaigns/model.ts';
import { settingsOf } from '../domains/campaigns/repo.ts';
import { czechNames, demoCities, pick, prng } from './czech-names.ts';

export const DEMO_CAMPAIGN = 'Incomplete loan applications';
const LEADS = 400;
const allDay = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]));

/**
 * The demo's running predictive campaign (source case 003): incomplete loan applications with their
 * application data, worked by every demo agent (the bots answer bridged calls on the simulator). It calls
 * around the clock, because its numbers are simulated, so a newcomer can watch it whenever they start.
 */
export async function seedDemoCampaign(tx: Db, projectId: string): Promise<void> {
  await syncAgents(tx, projectId);
  const agents = await tx.selectFrom('agents').select('id').where('project_id', '=', projectId).execute();
  const queue = await tx.insertInto('queues').values({
    project_id: projectId, name: 'Dialer: applications', vertical: 'loans', task_type: 'dialer', settings: JSON.stringify({ wrapUpSeconds: 5 }),
  }).returning('id').executeTakeFirstOrThrow();
  const settings = mergeSettings(null, {
    name: DEMO_CAMPAIGN, maxLines: 12, ringSeconds: 25,
    callingHours: { days: allDay as never, holidayCountry: null, closedDays: [] },
    retry: { busy: { delayMinutes: 2, maxAttempts: 4 }, no_answer: { delayMinutes: 5, maxAttempts: 4 }, machine: { delayMinutes: 10, maxAttempts: 3 }, failed: { delayMinutes: 5, maxAttempts: 3 } },
  });
  const campaign = await tx.insertInto('campaigns').values({
    project_id: projectId, name: DEMO_CAMPAIGN, mode: 'predictive', status: 'running', queue_id: queue.id, agent_ids: agents.map((a) => a.id), settings: settingsOf(settings),
  }).returning('id').executeTakeFirstOrThrow();
  const rnd = prng(20261123);
  const rows: Insertable<LeadsTable>[] = [];
  const seen = new Set<string>();
  for (let i = 0; rows.length < LEADS; i++) {
    const phone = dialable(`+4207${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`, 'CZ');
    if (!phone || seen.has(phone)) continue;
    seen.add(phone);
    const person = czechNames.person(rnd);
    const city = pick(rnd, demoCities);
    const applied = new Date(Date.UTC(2026, 10, 1 + Math.floor(rnd() * 21))).toISOString().slice(0, 10);
    rows.push({
      id: randomUUID(), project_id: projectId, campaign_id: campaign.id, phone, name: person.name, external_id: `APP-${20260000 + i}`, timezone: 'Europe/Prague',
      value: Math.round(5000 + rnd() * 95_000),
      details: JSON.stringify({ applicationNumber: `APP-${20260000 + i}`, applicationDate: applied, address: `${pick(rnd, ['Dlouhá', 'Krátká', 'Školní', 'Nádražní', 'Polní'])} ${1 + Math.floor(rnd() * 90)}, ${city.name}`, missing: pick(rnd, ['income proof', 'ID copy', 'bank account', 'employer']) }),
    });
  }
  await tx.insertInto('leads').values(rows).execute();
}
