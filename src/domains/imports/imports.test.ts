import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit.ts';
import { ContactImporter } from './importer.ts';
import { useSwitchboard } from '../../../test/support/use-switchboard.ts';

const ctx = useSwitchboard();

const header = 'external_id,name,account,account_kind,phone,phone2,email,city,region,timezone,owner_email,tags,custom.segment';
const goodCsv = (agentEmail: string) =>
  [
    header,
    `E-1,Jan Novák,Pekárna Novák s.r.o.,customer,601 123 456,+420 777 000 111,jan@pekarna.cz,Praha,Hlavní město Praha,Europe/Prague,${agentEmail},vip;bakery,A`,
    'E-2,Eva Malá,"Strojírny ""Brno"" a.s.",supplier,541 000 222,,eva@strojirny.cz,Brno,Jihomoravský,,,steel,B',
    'E-3,Bad Phone,,,12ab,,,Ostrava,,,,,',
    ',Petr Bez Id,,,602 333 444,,,Plzeň,,,,,',
  ].join('\n');

function upload(content: string | Buffer, project = ctx.p) {
  const boundary = `----sb${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contacts.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.sb.app.inject({
    method: 'POST',
    url: `/api/projects/${project.projectId}/imports`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: project.supervisor.cookie },
  });
}

async function importViaApi(content: string | Buffer, project = ctx.p) {
  const finished = ctx.sb.bus.next((e) => e.type === 'import.progress' && e.projectId === project.projectId && (e.payload as { status: string }).status !== 'running');
  const res = await upload(content, project);
  expect(res.statusCode).toBe(202);
  await finished;
  const report = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${project.projectId}/imports/${res.json().id}`, headers: { cookie: project.supervisor.cookie } });
  return report.json();
}

const countContacts = async (projectId = ctx.p.projectId) =>
  Number((await ctx.sb.db.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow()).n);

const byPhone = (phone: string, project = ctx.p) =>
  ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${project.projectId}/contacts/by-phone/${phone}`, headers: { cookie: project.agent.cookie } });

describe('CSV import over the API', () => {
  it('imports the good rows and reports the bad one with row, field and reason', async () => {
    const report = await importViaApi(goodCsv(ctx.p.agent.email));
    expect(report).toMatchObject({ status: 'done', rowsTotal: 4, rowsImported: 3, rowsFailed: 1, failure: null });
    expect(report.errors).toEqual([{ row: 4, field: 'phone', reason: expect.stringContaining('INVALID_PHONE') }]);
    const jan = (await byPhone('777000111')).json();
    expect(jan).toMatchObject({ name: 'Jan Novák', externalId: 'E-1', ownerId: ctx.p.agent.id, tags: ['vip', 'bakery'], custom: { segment: 'A' }, account: { name: 'Pekárna Novák s.r.o.', kind: 'customer' } });
    expect((await byPhone('541000222')).json().account).toMatchObject({ name: 'Strojírny "Brno" a.s.', kind: 'supplier' });
  });

  it('is idempotent: a re-run updates in place and creates no duplicates', async () => {
    const before = await countContacts();
    const accounts = await ctx.sb.db.db.selectFrom('accounts').select('id').where('project_id', '=', ctx.p.projectId).execute();
    const report = await importViaApi(goodCsv(ctx.p.agent.email).replace('Eva Malá', 'Eva Malá-Veselá'));
    expect(report).toMatchObject({ status: 'done', rowsImported: 3, rowsFailed: 1 });
    expect(await countContacts()).toBe(before);
    expect(await ctx.sb.db.db.selectFrom('accounts').select('id').where('project_id', '=', ctx.p.projectId).execute()).toHaveLength(accounts.length);
    expect((await byPhone('541000222')).json().name).toBe('Eva Malá-Veselá');
  });

  it('fails a file with broken quoting with CSV_INVALID and the line, changing nothing', async () => {
    const csv = [header, 'E-1,Jan Changed,,,601 123 456,,,,,,,,', 'E-9,"Broken quote,,,,,,,,,,,,'].join('\n');
    const report = await importViaApi(csv);
    expect(report.status).toBe('failed');
    expect(report.failure).toMatchObject({ code: 'CSV_INVALID', line: 3 });
    expect((await byPhone('601123456')).json().name).toBe('Jan Novák');
  });

  it('refuses an unknown column before writing anything', async () => {
    const report = await importViaApi('name,phnoe\nX,601000000');
    expect(report.failure).toMatchObject({ code: 'CSV_INVALID', line: 1 });
    expect(report.failure.message).toContain('phnoe');
  });
});

describe('wrong encoding', () => {
  it('rejects a Windows-1250 file with CSV_ENCODING and rolls back the batches already written', async () => {
    const before = await countContacts();
    const utf8Rows = Buffer.from(`${header}\nE-1,Jan Přepsaný,,,601 123 456,,,,,,,,\nE-20,Nový,,,603 000 001,,,,,,,,\n`);
    const cp1250Row = Buffer.from([...Buffer.from('E-21,Dvo'), 0xf8, 0xe1, ...Buffer.from('k,,,603 000 002,,,,,,,,\n')]);
    const importer = new ContactImporter(ctx.sb.db.db, ctx.sb.bus, ctx.sb.services.contacts.facts, { batchSize: 1 });
    const id = await importer.create(ctx.p.projectId, 'cp1250.csv', null);
    const result = await importer.run(ctx.p.projectId, id, Readable.from([utf8Rows, cp1250Row]), systemActor);
    expect(result.failure).toMatchObject({ code: 'CSV_ENCODING', line: 4 });
    expect(await countContacts()).toBe(before);
    expect((await byPhone('601123456')).json().name).toBe('Jan Novák');
    expect((await byPhone('603000001')).statusCode).toBe(404);
  });
});

describe('CSV export', () => {
  it('round-trips: export, wipe, import the export, export again gives the same rows', async () => {
    const exportCsv = async () => {
      const res = await ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${ctx.p.projectId}/contacts/export.csv`, headers: { cookie: ctx.p.supervisor.cookie } });
      expect(res.headers['content-type']).toContain('text/csv');
      return res.body;
    };
    const first = await exportCsv();
    expect(first.split('\n')[0]).toBe('external_id,name,account,account_kind,phone,phone2,email,city,region,timezone,owner_email,tags,custom.segment');
    expect(first).toContain(`E-1,Jan Novák,Pekárna Novák s.r.o.,customer,+420601123456,+420777000111,jan@pekarna.cz,Praha,Hlavní město Praha,Europe/Prague,${ctx.p.agent.email},vip;bakery,A`);
    await ctx.sb.db.db.deleteFrom('contacts').where('project_id', '=', ctx.p.projectId).execute();
    const report = await importViaApi(first);
    expect(report).toMatchObject({ status: 'done', rowsFailed: 0 });
    const sorted = (csv: string) => csv.trim().split('\n').sort();
    expect(sorted(await exportCsv())).toEqual(sorted(first));
  });
});

describe('CLI import', () => {
  const runCli = (file: string, project: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('npx', ['tsx', 'src/cli/index.ts', 'import', 'contacts', file, '--project', project], {
        env: { ...process.env, DATABASE_URL: ctx.sb.config.DATABASE_URL, LOG_LEVEL: 'silent', DEMO: 'false' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-cli-'));

  it('imports a file with `switchboard import contacts FILE --project ID`, and the server hears its progress', async () => {
    const file = path.join(dir, 'cli.csv');
    writeFileSync(file, 'external_id,name,phone,city\nCLI-1,Karel Čapek,604 111 222,Praha\nCLI-2,Božena Němcová,604 111 333,Liberec\n');
    expect((await byPhone('604111333')).statusCode).toBe(404);
    const heard = ctx.sb.bus.next((e) => e.type === 'import.progress' && (e.payload as { status: string }).status === 'done', 60_000);
    const out = await runCli(file, ctx.p.projectId);
    expect(out.stderr).not.toContain('Error');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/done; 2 imported, 0 failed of 2 rows/);
    await heard;
    expect((await byPhone('604111333')).json()).toMatchObject({ name: 'Božena Němcová', city: 'Liberec' });
  });

  it('exits 1 and says why when the file is broken', async () => {
    const file = path.join(dir, 'broken.csv');
    writeFileSync(file, 'name,phone\n"Unclosed,604 999 888\n');
    const out = await runCli(file, ctx.p.projectId);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('CSV_INVALID');
  });
});
