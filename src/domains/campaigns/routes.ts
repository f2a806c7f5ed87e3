import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import type { Campaigns } from './index.ts';
import { CallbackBody, CampaignBody, CampaignPatch, LeadBody, LeadQuery, LeadsBulk, MoveBody, P, PCampaign, PLead, PLeadImport, PreviewAction } from './schemas.ts';
import { liveStats } from './stats.ts';
import { CampaignRun } from './live.ts';

const pid = (req: FastifyRequest) => projectAccess(req).projectId;
const userOf = (req: FastifyRequest) => {
  if (req.principal?.kind !== 'user') throw new AppError('NOT_AN_AGENT', 'Agent actions need a signed-in agent, not an API key');
  return req.principal.userId;
};

/** Campaigns, their leads, live stats, preview and callbacks (docs/campaigns.md). */
export function campaignRoutes(cs: Campaigns) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const tags = ['campaigns'];
    const sup = { access: 'supervisor' as const };
    const agent = { access: 'agent' as const };
    const base = '/api/projects/:projectId/campaigns';

    r.get(base, { config: agent, schema: { tags, params: P } }, async (req) => {
      const { projectId, role } = projectAccess(req);
      if (role !== 'agent' || req.principal?.kind !== 'user') return cs.campaigns.list(projectId);
      const userId = req.principal.userId;
      const eng = cs.runner.deps.routing;
      const me = await eng.run(projectId, async (ps) => {
        if (!ps.byUser.has(userId)) await eng.refreshAgents(ps);
        return ps.byUser.get(userId) ?? null;
      });
      return me ? cs.campaigns.list(projectId, me) : { items: [] };
    });
    r.post(base, { config: sup, schema: { tags, params: P, body: CampaignBody } },
      async (req, reply) => reply.code(201).send(await cs.campaigns.create(pid(req), req.body, actorOf(req))));
    r.get(`${base}/:campaignId`, { config: agent, schema: { tags, params: PCampaign } }, async (req) => cs.campaigns.get(pid(req), req.params.campaignId));
    r.patch(`${base}/:campaignId`, { config: sup, schema: { tags, params: PCampaign, body: CampaignPatch } },
      async (req) => cs.campaigns.update(pid(req), req.params.campaignId, req.body, actorOf(req)));
    r.delete(`${base}/:campaignId`, { config: sup, schema: { tags, params: PCampaign } }, async (req, reply) => {
      await cs.campaigns.remove(pid(req), req.params.campaignId, actorOf(req));
      return reply.code(204).send();
    });
    for (const action of ['start', 'pause', 'stop'] as const) {
      r.post(`${base}/:campaignId/${action}`, { config: sup, schema: { tags, params: PCampaign } },
        async (req) => cs.campaigns[action](pid(req), req.params.campaignId, actorOf(req)));
    }
    r.get(`${base}/:campaignId/stats`, { config: agent, schema: { tags, params: PCampaign } }, async (req) => {
      const c = await cs.campaigns.get(pid(req), req.params.campaignId);
      const run = cs.runner.runs.get(c.id) ?? new CampaignRun(c);
      const now = cs.runner.deps.clock.now();
      if (!run.counts) await cs.runner.refreshCounts(run, now);
      return liveStats(cs.runner.deps.db, run, await cs.runner.team.views(c), now);
    });

    r.post(`${base}/:campaignId/leads`, { config: sup, schema: { tags, params: PCampaign, body: LeadBody } },
      async (req, reply) => reply.code(201).send(await cs.leads.addOne(pid(req), req.params.campaignId, req.body, actorOf(req))));
    r.post(`${base}/:campaignId/leads/bulk`, { config: sup, schema: { tags, params: PCampaign, body: LeadsBulk } },
      async (req) => cs.leads.addBulk(pid(req), req.params.campaignId, req.body.leads, actorOf(req)));
    r.get(`${base}/:campaignId/leads`, { config: sup, schema: { tags, params: PCampaign, querystring: LeadQuery } },
      async (req) => cs.leads.list(pid(req), req.params.campaignId, req.query));
    r.post(`${base}/:campaignId/leads/move`, { config: sup, schema: { tags, params: PCampaign, body: MoveBody } },
      async (req) => cs.leads.move(pid(req), req.params.campaignId, req.body, actorOf(req)));
    r.get(`${base}/:campaignId/leads/:leadId`, { config: sup, schema: { tags, params: PLead } }, async (req) => cs.leads.get(pid(req), req.params.campaignId, req.params.leadId));
    r.delete(`${base}/:campaignId/leads/:leadId`, { config: sup, schema: { tags, params: PLead } }, async (req, reply) => {
      await cs.leads.remove(pid(req), req.params.campaignId, req.params.leadId, actorOf(req));
      return reply.code(204).send();
    });
    r.post(`${base}/:campaignId/lead-imports`, { config: sup, schema: { tags, params: PCampaign, consumes: ['multipart/form-data'] } }, async (req, reply) => {
      const target = await cs.leads.target(pid(req), req.params.campaignId);
      const file = await req.file();
      if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', 'file: send the CSV as the multipart field "file"', [{ field: 'file', message: 'required' }]);
      const id = await cs.imports.start(target, file.file, file.filename, actorOf(req));
      return reply.code(202).send({ id, status: 'running' });
    });
    r.get(`${base}/:campaignId/lead-imports/:leadImportId`, { config: sup, schema: { tags, params: PLeadImport } },
      async (req) => cs.imports.get(pid(req), req.params.campaignId, req.params.leadImportId));

    r.get(`${base}/:campaignId/preview/next`, { config: agent, schema: { tags, params: PCampaign } }, async (req, reply) => {
      const next = await cs.preview.next(pid(req), req.params.campaignId, userOf(req));
      return next ? next : reply.code(204).send();
    });
    r.post(`${base}/:campaignId/preview/dial`, { config: agent, schema: { tags, params: PCampaign, body: PreviewAction } },
      async (req, reply) => reply.code(202).send(await cs.preview.dialNow(pid(req), req.params.campaignId, userOf(req), req.body.leadId)));
    r.post(`${base}/:campaignId/preview/skip`, { config: agent, schema: { tags, params: PCampaign, body: PreviewAction } }, async (req, reply) => {
      await cs.preview.skip(pid(req), req.params.campaignId, userOf(req), req.body.leadId);
      return reply.code(204).send();
    });
    r.post(`${base}/:campaignId/callbacks`, { config: agent, schema: { tags, params: PCampaign, body: CallbackBody } }, async (req, reply) => {
      const userId = req.principal?.kind === 'user' ? req.principal.userId : null;
      return reply.code(201).send(await cs.callbacks.schedule(pid(req), req.params.campaignId, req.body, actorOf(req), userId));
    });
  };
}
