import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { listAgents, updateAgent } from '../agents/agent-service.ts';
import type { Routing } from './index.ts';
import { deleteQueue, listQueues, queueStats, saveQueue } from './queue-service.ts';
import { AgentPatch, P, PAgent, PQueue, QueueBody, QueuePatch } from './schemas.ts';
import { AppError } from '../../platform/errors.ts';

const pid = (req: FastifyRequest) => projectAccess(req).projectId;

/** Queue configuration and the supervisor's agent management (skills, score caps) and live figures. */
export function routingAdminRoutes(routing: Routing) {
  const eng = routing.engine;
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['queues'];

    r.get('/api/projects/:projectId/queues', { config: { access: 'agent' }, schema: { tags, params: P } },
      async (req) => eng.run(pid(req), (ps) => listQueues(eng, ps)));

    r.get('/api/projects/:projectId/queues/stats', { config: { access: 'supervisor' }, schema: { tags, params: P } },
      async (req) => eng.run(pid(req), (ps) => queueStats(eng, ps)));

    r.get('/api/projects/:projectId/queues/:queueId', { config: { access: 'agent' }, schema: { tags, params: PQueue } },
      async (req) => {
        const all = await eng.run(pid(req), (ps) => listQueues(eng, ps));
        const q = all.items.find((x) => x.id === req.params.queueId);
        if (!q) throw new AppError('QUEUE_NOT_FOUND', 'Queue not found');
        return q;
      });

    r.post('/api/projects/:projectId/queues', { config: { access: 'supervisor' }, schema: { tags, params: P, body: QueueBody } },
      async (req, reply) => reply.code(201).send(await eng.run(pid(req), (ps) => saveQueue(eng, ps, null, req.body, actorOf(req)))));

    r.patch('/api/projects/:projectId/queues/:queueId', { config: { access: 'supervisor' }, schema: { tags, params: PQueue, body: QueuePatch } },
      async (req) => eng.run(pid(req), (ps) => saveQueue(eng, ps, req.params.queueId, req.body, actorOf(req))));

    r.delete('/api/projects/:projectId/queues/:queueId', { config: { access: 'supervisor' }, schema: { tags, params: PQueue } },
      async (req) => eng.run(pid(req), (ps) => deleteQueue(eng, ps, req.params.queueId, actorOf(req))));

    r.get('/api/projects/:projectId/agents', { config: { access: 'supervisor' }, schema: { tags: ['agents'], params: P } },
      async (req) => eng.run(pid(req), async (ps) => {
        await eng.refreshAgents(ps);
        return listAgents(eng, ps);
      }));

    r.patch('/api/projects/:projectId/agents/:agentId', { config: { access: 'supervisor' }, schema: { tags: ['agents'], params: PAgent, body: AgentPatch } },
      async (req) => eng.run(pid(req), (ps) => updateAgent(eng, ps, req.params.agentId, req.body, actorOf(req))));
  };
}
