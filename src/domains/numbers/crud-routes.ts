import { z } from 'zod';
import { actorOf, type Actor } from '../../platform/audit.ts';
import type { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';

/** What one numbers resource (caller ID pools, tracking numbers, trunks) offers the API. */
export interface NumbersResource<B> {
  list(projectId: string): Promise<unknown[]>;
  get(projectId: string, id: string): Promise<unknown>;
  create(projectId: string, input: B, actor: Actor): Promise<unknown>;
  update(projectId: string, id: string, input: Partial<B>, actor: Actor): Promise<unknown>;
  remove(projectId: string, id: string, actor: Actor): Promise<void>;
}

/**
 * List, create, read, update and delete of one numbers resource at /api/projects/:projectId/<path> and
 * .../<path>/:<idParam>: reading is for supervisors, changing for admins; a delete answers `{ ok: true }`.
 */
export function crudRoutes<S extends z.ZodObject>(r: ReturnType<typeof typed>, path: string, idParam: string, body: S, resource: NumbersResource<z.output<S>>) {
  const tags = ['numbers'];
  const P = z.object({ projectId: z.string() });
  const POne = P.extend({ [idParam]: z.uuid() }) as unknown as z.ZodType<{ projectId: string } & Record<string, string>>;
  const base = `/api/projects/:projectId/${path}`;
  const one = `${base}/:${idParam}`;
  const pid = (req: Parameters<typeof projectAccess>[0]) => projectAccess(req).projectId;

  r.get(base, { config: { access: 'supervisor' }, schema: { tags, params: P } }, async (req) => ({ items: await resource.list(pid(req)) }));
  r.post(base, { config: { access: 'admin' }, schema: { tags, params: P, body } },
    async (req, reply) => reply.code(201).send(await resource.create(pid(req), req.body as z.output<S>, actorOf(req))));
  r.get(one, { config: { access: 'supervisor' }, schema: { tags, params: POne } }, async (req) => resource.get(pid(req), req.params[idParam]!));
  r.patch(one, { config: { access: 'admin' }, schema: { tags, params: POne, body: body.partial() } },
    async (req) => resource.update(pid(req), req.params[idParam]!, req.body as Partial<z.output<S>>, actorOf(req)));
  r.delete(one, { config: { access: 'admin' }, schema: { tags, params: POne } }, async (req) => {
    await resource.remove(pid(req), req.params[idParam]!, actorOf(req));
    return { ok: true };
  });
}
