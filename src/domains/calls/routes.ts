import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess, roleAtLeast } from '../../platform/http/policy.ts';
import { clickToCall, control, setDisposition, transfer, visibleCall, type Command, type Viewer } from './control.ts';
import type { Calls } from './index.ts';
import { callStats, contactHistory, listCalls, liveCalls, present } from './reports.ts';

const P = z.object({ projectId: z.uuid() });
const PCall = z.object({ projectId: z.uuid(), callId: z.uuid() });
const PContact = z.object({ projectId: z.uuid(), contactId: z.uuid() });
const OUTCOMES = ['answered', 'missed', 'abandoned', 'busy', 'no_answer', 'failed', 'rejected', 'voicemail', 'machine'] as const;
const when = z.string().max(40).describe('a day (YYYY-MM-DD, in the project time zone) or an ISO 8601 time');

const ListQuery = z.strictObject({
  from: when.optional(),
  to: when.optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  agentId: z.uuid().optional(),
  outcome: z.enum(OUTCOMES).optional(),
  contactId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const StatsQuery = z.strictObject({ from: when.optional(), to: when.optional() });
const CallBody = z.strictObject({ contactId: z.uuid().optional(), phone: z.string().min(3).max(40).optional() });
const TransferBody = z.union([z.strictObject({ agentId: z.uuid() }), z.strictObject({ number: z.string().min(3).max(40) })]);
const DispositionBody = z.strictObject({ disposition: z.string().trim().min(1).max(100), note: z.string().max(5000).optional() });

function viewer(req: FastifyRequest): Viewer {
  const { role } = projectAccess(req);
  return { userId: req.principal?.kind === 'user' ? req.principal.userId : null, all: roleAtLeast(role, 'supervisor') };
}

/**
 * Call records and call control. `:callId` is the record's id (calls.id), never the PBX's. Agents see and
 * control their own calls; supervisors every call of the project; anything else is 404 as if it did not exist.
 */
export function callRoutes(calls: Calls) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['calls'];
    const agent = { access: 'agent' as const };
    const pid = (req: FastifyRequest) => projectAccess(req).projectId;

    r.post('/api/projects/:projectId/calls', { config: agent, schema: { tags, summary: 'Click-to-call: ring my extension, then the customer', params: P, body: CallBody } },
      async (req, reply) => {
        const v = viewer(req);
        if (!v.userId) throw new AppError('NOT_AN_AGENT', 'Click-to-call needs a signed-in person with a phone extension, not an API key');
        return reply.code(201).send(await clickToCall(calls, pid(req), req.body, v.userId, actorOf(req)));
      });

    r.get('/api/projects/:projectId/calls', { config: agent, schema: { tags, summary: 'Call records, newest first', params: P, querystring: ListQuery } },
      async (req) => listCalls(calls, pid(req), req.query, viewer(req)));

    r.get('/api/projects/:projectId/calls/live', { config: agent, schema: { tags, summary: 'Calls in progress', params: P } },
      async (req) => liveCalls(calls, pid(req), viewer(req)));

    r.get('/api/projects/:projectId/calls/stats', { config: { access: 'supervisor' }, schema: { tags, summary: 'Calls, handled, missed share, talk time and cost per day', params: P, querystring: StatsQuery } },
      async (req) => callStats(calls, pid(req), req.query));

    r.get('/api/projects/:projectId/calls/:callId', { config: agent, schema: { tags, params: PCall } },
      async (req) => present(await visibleCall(calls, pid(req), req.params.callId, viewer(req))));

    for (const command of ['answer', 'hangup', 'hold', 'unhold'] as Command[]) {
      r.post(`/api/projects/:projectId/calls/:callId/${command}`, { config: agent, schema: { tags, params: PCall } }, async (req) => {
        await control(calls, pid(req), req.params.callId, command, viewer(req), actorOf(req));
        return { ok: true };
      });
    }

    r.post('/api/projects/:projectId/calls/:callId/transfer', { config: agent, schema: { tags, params: PCall, body: TransferBody } }, async (req) => {
      await transfer(calls, pid(req), req.params.callId, req.body, viewer(req), actorOf(req));
      return { ok: true };
    });

    r.put('/api/projects/:projectId/calls/:callId/disposition', { config: agent, schema: { tags, params: PCall, body: DispositionBody } },
      async (req) => present(await setDisposition(calls, pid(req), req.params.callId, req.body, viewer(req), actorOf(req))));

    r.get('/api/projects/:projectId/contacts/:contactId/history', { config: agent, schema: { tags, summary: "A contact's calls and tasks, newest first", params: PContact } },
      async (req) => contactHistory(calls, pid(req), req.params.contactId, viewer(req)));
  };
}
