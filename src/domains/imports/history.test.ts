import { describe, expect, it } from 'vitest';
import { useSwitchboard } from '../../../test/support/use-switchboard.ts';

const ctx = useSwitchboard({ projects: 2 });

/** Uploads a CSV as the project's supervisor and waits until the import has finished. */
async function importFile(fileName: string, content: string, project = ctx.p): Promise<string> {
  const boundary = `----sb${Date.now()}`;
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  const finished = ctx.sb.bus.next((e) => e.type === 'import.progress' && e.projectId === project.projectId && (e.payload as { status: string }).status !== 'running');
  const res = await ctx.sb.app.inject({
    method: 'POST',
    url: `/api/projects/${project.projectId}/imports`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: project.supervisor.cookie },
  });
  expect(res.statusCode).toBe(202);
  await finished;
  return res.json().id;
}

const list = (query: string, cookie = ctx.p.supervisor.cookie, project = ctx.p) =>
  ctx.sb.app.inject({ method: 'GET', url: `/api/projects/${project.projectId}/imports${query}`, headers: { cookie } });

describe('GET /imports (history)', () => {
  it('lists the project\'s imports newest first with status, counts, file name and who uploaded it', async () => {
    const first = await importFile('january.csv', 'name,phone\nJan Novák,601 123 456\nBad,12ab\n');
    const second = await importFile('broken.csv', 'name,phnoe\nX,601000000\n');
    const res = await list('');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, limit: 20, offset: 0 });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([second, first]);
    expect(body.items[1]).toMatchObject({
      fileName: 'january.csv',
      status: 'done',
      rowsTotal: 2,
      rowsImported: 1,
      rowsFailed: 1,
      failure: null,
      createdBy: { id: ctx.p.supervisor.id, email: ctx.p.supervisor.email },
    });
    expect(body.items[1].errors).toBeUndefined();
    expect(Date.parse(body.items[1].finishedAt)).toBeGreaterThanOrEqual(Date.parse(body.items[1].createdAt));
    expect(body.items[0]).toMatchObject({ fileName: 'broken.csv', status: 'failed', failure: { code: 'CSV_INVALID', line: 1 } });
  });

  it('pages with limit and offset', async () => {
    const page = (await list('?limit=1&offset=1')).json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0].fileName).toBe('january.csv');
  });

  it('shows each project only its own imports, and refuses agents', async () => {
    expect((await list('', ctx.projects[1].supervisor.cookie, ctx.projects[1])).json()).toMatchObject({ items: [], total: 0 });
    expect((await list('', ctx.projects[1].supervisor.cookie)).statusCode).toBe(404);
    expect((await list('', ctx.p.agent.cookie)).statusCode).toBe(403);
    expect((await list('?limit=0')).statusCode).toBe(400);
  });
});
