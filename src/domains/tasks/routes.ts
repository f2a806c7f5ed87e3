import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { setPresence } from '../agents/presence-actions.ts';
import { myWork } from '../agents/agent-service.ts';
import { withdraw } from './admin-actions.ts';
import type { Routing } from './index.ts';
import { accept, releaseOffer } from './offer-actions.ts';
import { BulkBody, CallbackBody, CompleteBody, P, PresenceBody, PTask, RequeueBody, TaskBody, TaskQuery } from './schemas.ts';
import { createTasks, getTask, listTasks } from './task-service.ts';
import { parseTaskCsv } from './csv.ts';
import { agentOfUser } from './txn.ts';
import { complete, scheduleCallback } from './work-actions.ts';

const pid = (req: FastifyRequest) => projectAccess(req).projectId;

function userId(req: FastifyRequest): string {
  if (req.principal?.kind !== 'user') throw new AppError('NOT_AN_AGENT', 'Agent actions need a signed-in agent, not an API key');
  return req.principal.userId;
}

/**
 * Tasks over REST: the integrator's lead API (R-01, API key with supervisor role or higher), supervisor
 * actions, and the signed-in agent's own actions (presence, accept, decline, complete, callback).
 */
export function taskRoutes(routing: Routing) {
  const eng = routing.engine;
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['tasks'];

    r.post('/api/projects/:projectId/tasks', { config: { access: 'supervisor' }, schema: { tags, params: P, body: TaskBody } },
      async (req, reply) => reply.code(201).send((await eng.run(pid(req), (ps) => createTasks(eng, ps, [req.body], actorOf(req))))[0]));

    r.post('/api/projects/:projectId/tasks/bulk', { config: { access: 'supervisor' }, schema: { tags, params: P, body: BulkBody } },
      async (req, reply) => reply.code(201).send({ items: await eng.run(pid(req), (ps) => createTasks(eng, ps, req.body.tasks, actorOf(req))) }));

    r.post('/api/projects/:projectId/tasks/import', { config: { access: 'supervisor' }, schema: { tags, params: P, consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        const file = await req.file();
        if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'file: send the CSV as the multipart field "file"', [{ field: 'file', message: 'required' }]);
        const text = (await file.toBuffer()).toString('utf8');
        const items = await eng.run(pid(req), (ps) => {
          const byName = new Map([...ps.queues.values()].map((q) => [q.name.toLowerCase(), q.id]));
          const inputs = parseTaskCsv(text, (n) => (ps.queues.has(n) ? n : byName.get(n.toLowerCase())));
          if (inputs.length > 10_000) throw new AppError('CSV_INVALID', 'At most 10,000 tasks per file');
          return createTasks(eng, ps, inputs, actorOf(req));
        });
        return reply.code(201).send({ imported: items.length, items });
      });

    r.get('/api/projects/:projectId/tasks', { config: { access: 'supervisor' }, schema: { tags, params: P, querystring: TaskQuery } },
      async (req) => listTasks(eng, pid(req), req.query));

    r.get('/api/projects/:projectId/tasks/:taskId', { config: { access: 'agent' }, schema: { tags, params: PTask } },
      async (req) => getTask(eng, pid(req), req.params.taskId));

    r.post('/api/projects/:projectId/tasks/:taskId/cancel', { config: { access: 'supervisor' }, schema: { tags, params: PTask } },
      async (req) => {
        await eng.run(pid(req), (ps) => withdraw(eng, ps, req.params.taskId, { cancel: true }));
        return getTask(eng, pid(req), req.params.taskId);
      });

    r.post('/api/projects/:projectId/tasks/:taskId/requeue', { config: { access: 'supervisor' }, schema: { tags, params: PTask, body: RequeueBody } },
      async (req) => {
        const retryAt = req.body.retryAt ? Date.parse(req.body.retryAt) : null;
        await eng.run(pid(req), (ps) => withdraw(eng, ps, req.params.taskId, { cancel: false, retryAt }));
        return getTask(eng, pid(req), req.params.taskId);
      });

    const agentAction = (path: string, act: 'accept' | 'decline') =>
      r.post(path, { config: { access: 'agent' }, schema: { tags, params: PTask } }, async (req) => {
        const uid = userId(req);
        await eng.run(pid(req), async (ps) => {
          const a = await agentOfUser(eng, ps, uid);
          return act === 'accept' ? accept(eng, ps, a.id, req.params.taskId) : releaseOffer(eng, ps, a.id, req.params.taskId, 'declined');
        });
        return getTask(eng, pid(req), req.params.taskId);
      });
    agentAction('/api/projects/:projectId/tasks/:taskId/accept', 'accept');
    agentAction('/api/projects/:projectId/tasks/:taskId/decline', 'decline');

    r.post('/api/projects/:projectId/tasks/:taskId/complete', { config: { access: 'agent' }, schema: { tags, params: PTask, body: CompleteBody } },
      async (req) => {
        const uid = userId(req);
        await eng.run(pid(req), async (ps) => complete(eng, ps, await agentOfUser(eng, ps, uid), req.params.taskId, req.body.disposition, req.body.notes ?? null));
        return getTask(eng, pid(req), req.params.taskId);
      });

    r.post('/api/projects/:projectId/tasks/:taskId/callback', { config: { access: 'agent' }, schema: { tags, params: PTask, body: CallbackBody } },
      async (req) => {
        const uid = userId(req);
        const at = Date.parse(req.body.at);
        await eng.run(pid(req), async (ps) => scheduleCallback(eng, ps, await agentOfUser(eng, ps, uid), req.params.taskId, at, req.body.notes ?? null));
        return getTask(eng, pid(req), req.params.taskId);
      });

    r.get('/api/projects/:projectId/agents/me', { config: { access: 'agent' }, schema: { tags: ['agents'], params: P } },
      async (req) => {
        const uid = userId(req);
        return eng.run(pid(req), async (ps) => myWork(eng, ps, await agentOfUser(eng, ps, uid)));
      });

    r.put('/api/projects/:projectId/agents/me/presence', { config: { access: 'agent' }, schema: { tags: ['agents'], params: P, body: PresenceBody } },
      async (req) => {
        const uid = userId(req);
        return eng.run(pid(req), async (ps) => {
          const a = await agentOfUser(eng, ps, uid);
          await setPresence(eng, ps, a, req.body);
          return myWork(eng, ps, a);
        });
      });
  };
}
