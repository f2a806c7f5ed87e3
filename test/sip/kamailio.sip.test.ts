import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/platform/events/bus.ts';
import { kamailioLocalConfig } from '../../src/telephony/adapters/kamailio/local-config.ts';
import { startTestSwitchboard, type TestSwitchboard } from '../support/app.ts';
import { seedProject, type TestProject } from '../support/fixtures.ts';
import { projectApi, seedRoutingScenario, todayIn, untilIdentified, type RoutingScenario } from '../support/call-routing.ts';
import { pollUntil } from '../support/poll.ts';
import { SCENARIOS, run, sipPing, start, stop, untilUdpBound, which } from './sip-tools.ts';

const kamailio = which('kamailio');
const sipp = which('sipp');
const missing = [!kamailio && 'kamailio', !sipp && 'sipp (sip-tester)'].filter(Boolean);
const required = process.env.CI_REQUIRE_ALL === '1';
if (missing.length && !required) console.log(`SIP suite skipped: ${missing.join(', ')} not installed (apt-get install kamailio kamailio-utils-modules kamailio-extra-modules sip-tester)`);

if (missing.length && required) {
  describe('SIP suite requirements', () => {
    it('needs kamailio and sipp when CI_REQUIRE_ALL=1', () => {
      throw new Error(`missing: ${missing.join(', ')}`);
    });
  });
}

describe.skipIf(missing.length > 0)('Kamailio asks Switchboard where each call goes (real SIP on 127.0.0.1)', () => {
  const base = 21000 + Math.floor(Math.random() * 200) * 200;
  const kport = base;
  let sb: TestSwitchboard;
  let p: TestProject;
  let s: RoutingScenario;
  let dir: string;
  let proxy: ChildProcess & { output: () => string };
  const phones: ChildProcess[] = [];
  const seen: DomainEvent[] = [];
  let nextUacPort = base + 30;

  beforeAll(async () => {
    sb = await startTestSwitchboard({ listen: true, env: { HOST: '127.0.0.1' } });
    sb.bus.subscribe((e) => {
      if (e.type.startsWith('call.')) seen.push(e);
    });
    p = await seedProject(sb, 'SIP routing', 'CZ');
    s = await seedRoutingScenario(sb, p);
    for (const n of [s.numbers.customer, s.numbers.customerOfBusy, s.numbers.supplier]) await untilIdentified(sb, p.projectId, n);

    dir = mkdtempSync(path.join(os.tmpdir(), 'sb-kamailio-'));
    copyFileSync(path.resolve('deploy/kamailio/kamailio.cfg'), path.join(dir, 'kamailio.cfg'));
    const sbPort = new URL(sb.url).port;
    writeFileSync(
      path.join(dir, 'switchboard-local.cfg'),
      kamailioLocalConfig({ switchboardUrl: `http://127.0.0.1:${sbPort}`, token: s.token, fallbackExtension: s.agents.fallback.extension, timeoutSeconds: 1, asyncWorkers: 2, sipChildren: 2 }),
    );
    proxy = start(kamailio!, ['-f', path.join(dir, 'kamailio.cfg'), '-DD', '-E', '-l', `udp:127.0.0.1:${kport}`, '-Y', dir, '-P', path.join(dir, 'kamailio.pid'), '-m', '64', '-M', '8']);
    await pollUntil(() => sipPing(kport), (line) => line !== undefined, 15_000).catch(() => {
      throw new Error(`kamailio did not start:\n${proxy.output()}`);
    });

    let port = base + 10;
    for (const [name, agent] of Object.entries(s.agents)) {
      const scenario = name === 'salesBusy' ? 'agent-busy.xml' : 'agent-answer.xml';
      const uasPort = port++;
      phones.push(start(sipp!, ['-sf', path.join(SCENARIOS, scenario), '-i', '127.0.0.1', '-p', String(uasPort), '-mp', String(base + 60 + phones.length * 4), '-s', agent.extension, '-nostdin', '-trace_err', '-error_file', path.join(dir, `uas-${agent.extension}.err`)]));
      await untilUdpBound(uasPort, `agent phone ${agent.extension}`);
      const reg = await run(sipp!, [`127.0.0.1:${kport}`, '-sf', path.join(SCENARIOS, 'register.xml'), '-m', '1', '-i', '127.0.0.1', '-p', String(nextUacPort++), '-s', agent.extension, '-key', 'contact_port', String(uasPort), '-timeout', '5s', '-timeout_error', '-nostdin'], dir);
      if (reg.code !== 0) throw new Error(`REGISTER of ${agent.extension} failed:\n${reg.output}\n${proxy.output()}`);
    }
  });

  afterAll(async () => {
    for (const phone of phones) await stop(phone);
    await stop(proxy);
    await sb?.stop();
    if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  });

  /** A customer calls the project's number; resolves with the extension that answered (or undefined). */
  async function call(from: string, dialled = s.numbers.dialled): Promise<string | undefined> {
    const uacPort = nextUacPort++;
    const log = path.join(dir, `uac-${uacPort}.log`);
    const res = await run(sipp!, [
      `127.0.0.1:${kport}`, '-sf', path.join(SCENARIOS, 'customer-call.xml'), '-m', '1', '-i', '127.0.0.1', '-p', String(uacPort),
      '-mp', String(base + 100 + (uacPort - base - 30) * 4), '-s', dialled, '-key', 'caller', from, '-timeout', '20s', '-timeout_error',
      '-trace_logs', '-log_file', log, '-nostdin',
    ], dir);
    if (res.code !== 0) throw new Error(`call from ${from} failed (sipp ${res.code}):\n${res.output.slice(-3000)}\n--- kamailio ---\n${proxy.output().slice(-3000)}`);
    return /ANSWERED_BY (\S+)/.exec(existsSync(log) ? readFileSync(log, 'utf8') : '')?.[1];
  }

  const routedFrom = (from: string) => seen.filter((e) => e.type === 'call.routed' && (e.payload as { from: string | null }).from === from).at(-1);
  const eventsOf = async (callId: string, type: string) =>
    pollUntil(async () => seen.filter((e) => e.type === type && (e.payload as { callId: string }).callId === callId), (list) => list.length > 0, 10_000);

  it('a known customer reaches their owner agent, and Switchboard hears answered and ended', async () => {
    expect(await call(s.numbers.customer)).toBe(s.agents.owner.extension);
    const routed = routedFrom(s.numbers.customer)!;
    expect(routed.payload).toMatchObject({ ruleName: 'Own agent first', callerKind: 'customer' });
    const callId = (routed.payload as { callId: string }).callId;
    expect((await eventsOf(callId, 'call.answered'))[0]!.payload).toMatchObject({ extension: s.agents.owner.extension, agentId: s.agents.owner.id });
    expect((await eventsOf(callId, 'call.ended'))[0]!.payload).toMatchObject({ cause: 'normal' });
  });

  it('a supplier reaches the production group', async () => {
    expect(await call(s.numbers.supplier)).toBe(s.agents.production.extension);
    expect(routedFrom(s.numbers.supplier)!.payload).toMatchObject({ ruleName: 'Suppliers -> production' });
  });

  it('an unknown number reaches sales', async () => {
    expect(await call(s.numbers.unknown)).toBe(s.agents.sales.extension);
    expect(routedFrom(s.numbers.unknown)!.payload).toMatchObject({ ruleName: 'Unknown numbers -> sales', targets: ['agent:211', 'agent:212'] });
  });

  it('a busy agent fails over to the next: the owner answers 486, the department picks up', async () => {
    expect(await call(s.numbers.customerOfBusy)).toBe(s.agents.sales.extension);
    const routed = routedFrom(s.numbers.customerOfBusy)!;
    expect(routed.payload).toMatchObject({ ruleName: 'Own agent first', targets: ['agent:211', 'agent:212'] });
    expect((await eventsOf((routed.payload as { callId: string }).callId, 'call.answered'))[0]!.payload).toMatchObject({ extension: '212' });
  });

  it('on a holiday everyone goes to the on-duty group', async () => {
    const api = projectApi(sb, p);
    await api('PATCH', '/call-routing/settings', { closedDays: [todayIn('Europe/Prague')] });
    try {
      expect(await call(s.numbers.supplier)).toBe(s.agents.duty.extension);
    } finally {
      await api('PATCH', '/call-routing/settings', { closedDays: [] });
    }
  });

  it('a call nobody can take ends busy, and Switchboard hears the cause', async () => {
    const api = projectApi(sb, p);
    const group = await api('POST', '/call-groups', { name: 'Busy line', members: [s.agents.salesBusy.id] });
    const rule = await api('POST', '/routing-rules', { name: 'Busy line', conditions: { dialled: ['+420222000999'] }, action: { type: 'group', groupId: group.id }, position: 0 });
    try {
      await expect(call(s.numbers.unknown, '+420222000999')).rejects.toThrow(/failed/);
      const routed = seen.filter((e) => e.type === 'call.routed' && (e.payload as { ruleName: string }).ruleName === 'Busy line').at(-1)!;
      const ended = await eventsOf((routed.payload as { callId: string }).callId, 'call.ended');
      expect(ended[0]!.payload).toMatchObject({ cause: 'busy', sipCode: 486 });
    } finally {
      await api('DELETE', `/routing-rules/${rule.id}`);
    }
  });

  it('a rejecting rule refuses the call with its code', async () => {
    const api = projectApi(sb, p);
    const rule = await api('POST', '/routing-rules', { name: 'Closed line', conditions: { dialled: ['+420222000777'] }, action: { type: 'reject', code: 603 }, position: 0 });
    try {
      await expect(call(s.numbers.unknown, '+420222000777')).rejects.toThrow(/603/);
      const routed = seen.filter((e) => e.type === 'call.routed' && (e.payload as { ruleName: string }).ruleName === 'Closed line').at(-1)!;
      const ended = await eventsOf((routed.payload as { callId: string }).callId, 'call.ended');
      expect(ended[0]!.payload).toMatchObject({ cause: 'rejected', sipCode: 603 });
    } finally {
      await api('DELETE', `/routing-rules/${rule.id}`);
    }
  });

  it('when Switchboard is down Kamailio rings its fallback extension', async () => {
    await sb.stop();
    expect(await call(s.numbers.supplier)).toBe(s.agents.fallback.extension);
  });

  it('when Switchboard hangs, calls wait SB_TIMEOUT in async workers and ring the fallback, in parallel', async () => {
    const hung = createServer((req) => req.resume());
    await new Promise<void>((resolve) => hung.listen(Number(new URL(sb.url).port), '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const answered = await Promise.all([call(s.numbers.supplier), call(s.numbers.customer)]);
      expect(answered).toEqual([s.agents.fallback.extension, s.agents.fallback.extension]);
      expect(Date.now() - started).toBeLessThan(1900);
    } finally {
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  });
});
