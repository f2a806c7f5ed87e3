import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSwitchboard, type TestSwitchboard } from '../../../test/support/app.ts';
import { seedProject, type TestProject } from '../../../test/support/fixtures.ts';
import { availableAgents, RecordingAdapter } from '../../../test/support/dialer.ts';

let sb: TestSwitchboard;
let p: TestProject;
let queueId: string;
let agents: Awaited<ReturnType<typeof availableAgents>>;

const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, cookie = p.supervisor.cookie) =>
  sb.app.inject({ method, url: `/api/projects/${p.projectId}${url}`, headers: { cookie }, ...(payload !== undefined && { payload: payload as object }) });

beforeAll(async () => {
  sb = await startTestSwitchboard({ env: { DIALER_TICK_MS: '0' } });
  p = await seedProject(sb);
  sb.services.telephony.register(new RecordingAdapter());
  sb.services.telephony.use(p.projectId, 'dialtest');
  queueId = (await req('POST', '/queues', { name: 'Dialer' })).json().id;
  agents = await availableAgents(sb, p, 2);
});
afterAll(() => sb?.stop());

describe('campaign settings', () => {
  it('creates a campaign with the documented defaults', async () => {
    const res = await req('POST', '/campaigns', { name: 'Main', queueId, agentIds: agents.map((a) => a.agentId) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mode: 'predictive', status: 'draft', maxLines: 30, abandonTarget: 0.03, abandonCooldownHours: 72, retry: { busy: { delayMinutes: 10, maxAttempts: 5 } } });
  });

  it('refuses contradictions with a message naming the problem', async () => {
    const never = await req('POST', '/campaigns', { name: 'Never', callingHours: { days: {} } });
    expect(never.statusCode).toBe(400);
    expect(never.json().error).toMatchObject({ code: 'CAMPAIGN_SETTINGS_INVALID', details: { problem: 'calling_hours_never_open' } });
    expect(never.json().error.message).toContain('never open');
    const noLines = await req('POST', '/campaigns', { name: 'No lines', maxLines: 0 });
    expect(noLines.json().error.details.problem).toBe('no_lines');
    const stranger = await req('POST', '/campaigns', { name: 'Stranger', agentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(stranger.json().error.details.problem).toBe('unknown_agent');
    const unknownField = await req('POST', '/campaigns', { name: 'X', speed: 'fast' });
    expect(unknownField.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses to start a campaign without agents, and names it', async () => {
    const c = (await req('POST', '/campaigns', { name: 'Lonely', queueId })).json();
    const res = await req('POST', `/campaigns/${c.id}/start`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'CAMPAIGN_SETTINGS_INVALID', details: { problem: 'no_agents' } });
  });

  it('refuses to start a predictive campaign on an adapter that cannot dial (Kamailio)', async () => {
    const c = (await req('POST', '/campaigns', { name: 'On Kamailio', queueId, agentIds: [agents[0]!.agentId] })).json();
    sb.services.telephony.use(p.projectId, 'kamailio');
    try {
      const res = await req('POST', `/campaigns/${c.id}/start`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CAMPAIGN_MODE_UNSUPPORTED');
      expect(res.json().error.message).toMatch(/kamailio adapter cannot dial, bridge, abandon/);
      expect((await req('GET', `/campaigns/${c.id}`)).json().status).toBe('draft');
    } finally {
      sb.services.telephony.use(p.projectId, 'dialtest');
    }
  });

  it('starts, pauses and stops', async () => {
    const c = (await req('POST', '/campaigns', { name: 'Lifecycle', queueId, agentIds: [agents[0]!.agentId] })).json();
    expect((await req('POST', `/campaigns/${c.id}/start`)).json().status).toBe('running');
    expect((await req('DELETE', `/campaigns/${c.id}`)).json().error.code).toBe('CAMPAIGN_RUNNING');
    expect((await req('POST', `/campaigns/${c.id}/pause`)).json().status).toBe('paused');
    expect((await req('POST', `/campaigns/${c.id}/stop`)).json().status).toBe('stopped');
    expect((await req('DELETE', `/campaigns/${c.id}`)).statusCode).toBe(204);
  });

  it('a campaign of another project is not found', async () => {
    const other = await seedProject(sb);
    const c = (await req('POST', '/campaigns', { name: 'Mine', queueId })).json();
    const res = await sb.app.inject({ method: 'GET', url: `/api/projects/${other.projectId}/campaigns/${c.id}`, headers: { cookie: other.supervisor.cookie } });
    expect(res.json().error.code).toBe('CAMPAIGN_NOT_FOUND');
  });
});

describe('leads', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = (await req('POST', '/campaigns', { name: 'Leads', queueId, agentIds: [agents[0]!.agentId] })).json().id;
  });

  it('keeps the application data of a lead pushed by REST (R-20)', async () => {
    const details = { applicationNumber: 'APP-7', applicationDate: '2026-11-20', address: 'Dlouhá 5, Praha' };
    const res = await req('POST', `/campaigns/${campaignId}/leads`, { phone: '601 123 456', name: 'Jana Nováková', externalId: 'APP-7', details });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ phone: '+420601123456', name: 'Jana Nováková', details, status: 'ready', timezone: 'Europe/Prague' });
  });

  it('reports leads with no dialable number and duplicates, and stores the rest', async () => {
    const res = await req('POST', `/campaigns/${campaignId}/leads/bulk`, { leads: [
      { phone: '+420 601 123 456' }, { phone: 'call me' }, { phone: '+420602000001', externalId: 'APP-8' }, { phone: '+420602000001' }, { phone: '+12125550123', name: 'NY' }, { phone: 5 },
    ] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created.map((c: { index: number }) => c.index)).toEqual([2, 4]);
    expect(body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([[0, 'LEAD_DUPLICATE'], [1, 'LEAD_NOT_DIALABLE'], [3, 'LEAD_DUPLICATE'], [5, 'VALIDATION_FAILED']]);
    const ny = (await req('GET', `/campaigns/${campaignId}/leads/${body.created[1].id}`)).json();
    expect(ny.timezone).toBe('America/New_York');
    const single = await req('POST', `/campaigns/${campaignId}/leads`, { phone: '12' });
    expect(single.json().error.code).toBe('LEAD_NOT_DIALABLE');
  });

  it('imports a CSV with per-row errors and keeps unknown columns as details', async () => {
    const csv = 'phone;name;application_number;address\n+420603000001;Petr;A-1;Brno\nnope;Bad;A-2;X\n+420603000001;Dup;A-3;Y\n+420603000002;Eva;A-4;Ostrava\n';
    const boundary = '----sb';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="leads.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const done = sb.bus.next((e) => e.type === 'campaign.lead_import' && (e.payload as { status: string }).status !== 'running');
    const res = await sb.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/campaigns/${campaignId}/lead-imports`, headers: { cookie: p.supervisor.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode).toBe(202);
    await done;
    const report = (await req('GET', `/campaigns/${campaignId}/lead-imports/${res.json().id}`)).json();
    expect(report).toMatchObject({ status: 'done', rowsTotal: 4, rowsImported: 2, rowsFailed: 2 });
    expect(report.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[3, 'LEAD_NOT_DIALABLE'], [4, 'LEAD_DUPLICATE']]);
    const list = (await req('GET', `/campaigns/${campaignId}/leads?limit=500`)).json();
    expect(list.items.find((l: { name: string }) => l.name === 'Eva').details).toEqual({ application_number: 'A-4', address: 'Ostrava' });
  });

  it('moves leads from another campaign', async () => {
    const second = (await req('POST', '/campaigns', { name: 'Second', queueId })).json().id;
    const res = await req('POST', `/campaigns/${second}/leads/move`, { fromCampaignId: campaignId, statuses: ['ready'] });
    expect(res.json().moved).toBeGreaterThanOrEqual(4);
    expect((await req('GET', `/campaigns/${campaignId}/leads?status=moved`)).json().total).toBe(res.json().moved);
  });
});

describe('do-not-call lists', () => {
  it('adds, checks, lists and removes; global needs an admin', async () => {
    const add = await req('POST', '/dnc', { phone: '+420 777 000 111', reason: 'asked' });
    expect(add.statusCode).toBe(201);
    expect((await req('POST', '/dnc', { phone: '777000111' })).statusCode).toBe(200);
    expect((await req('GET', '/dnc/check?phone=%2B420777000111', undefined, p.agent.cookie)).json()).toMatchObject({ phone: '+420777000111', blocked: true, scope: 'project' });
    expect((await req('POST', '/dnc', { phone: '+420777000222', scope: 'global' })).statusCode).toBe(403);
    expect((await req('POST', '/dnc', { phone: '+420777000222', scope: 'global' }, p.admin.cookie)).statusCode).toBe(201);
    expect((await req('GET', '/dnc')).json().total).toBe(2);
    expect((await req('DELETE', `/dnc/${add.json().id}`)).statusCode).toBe(204);
    expect((await req('GET', '/dnc/check?phone=777000111')).json().blocked).toBe(false);
  });

  it('applies the global list to every project of the organisation, and imports a CSV', async () => {
    const db = sb.db.db;
    const org = await db.selectFrom('projects').select('organisation_id').where('id', '=', p.projectId).executeTakeFirstOrThrow();
    const sister = await db.insertInto('projects').values({ organisation_id: org.organisation_id, name: 'Sister' }).returning('id').executeTakeFirstOrThrow();
    const lists = sb.services.campaigns.dnc;
    expect((await lists.check(sister.id, '+420777000222')).scope).toBe('global');
    expect((await lists.check(sister.id, '+420777000333')).blocked).toBe(false);
    const boundary = '----dnc';
    const csv = 'phone,reason\n+420777000333,asked\nnonsense,x\n777000333,again\n';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dnc.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await sb.app.inject({ method: 'POST', url: `/api/projects/${p.projectId}/dnc/import`, headers: { cookie: p.supervisor.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.json()).toEqual({ added: 1, alreadyListed: 1, rejected: [{ line: 3, message: 'phone: "nonsense" is not a valid number' }] });
    expect((await lists.check(p.projectId, '+420777000333')).blocked).toBe(true);
    expect((await lists.check(sister.id, '+420777000333')).blocked).toBe(false);
  });
});
