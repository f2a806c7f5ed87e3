import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { actorOf } from '../../platform/audit.ts';
import { Action, Conditions, SettingsPatch } from './model.ts';
import type { CallRouting } from './index.ts';

const P = z.object({ projectId: z.string() });
const RuleP = P.extend({ routingRuleId: z.uuid() });
const GroupP = P.extend({ callGroupId: z.uuid() });
const Name = z.string().trim().min(1).max(120);
const RuleBody = z.strictObject({
  name: Name,
  enabled: z.boolean().optional(),
  conditions: Conditions.default({}),
  action: Action,
  /** 0-based place in the list; the end when absent. */
  position: z.number().int().min(0).optional(),
});
const RulePatch = z.strictObject({ name: Name.optional(), enabled: z.boolean().optional(), conditions: Conditions.optional(), action: Action.optional() });
const GroupBody = z.strictObject({ name: Name, members: z.array(z.uuid()).max(500).optional() });
const TestBody = z.strictObject({
  from: z.string().max(40).nullable(),
  to: z.string().max(40).default(''),
  /** The moment to decide for (holiday and hours conditions); now when absent. */
  at: z.iso.datetime({ offset: true }).optional(),
});

/** Rules CRUD, call groups, extensions, settings, the PBX token and "test this number" (supervisors and up). */
export function callRoutingRoutes(cr: CallRouting) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const sup = { access: 'supervisor' } as const;
    const tags = ['call routing'];

    r.get('/api/projects/:projectId/routing-rules', { config: sup, schema: { tags, params: P } }, async (req) => cr.admin.rules(projectAccess(req).projectId));
    r.post('/api/projects/:projectId/routing-rules', { config: sup, schema: { tags, params: P, body: RuleBody } }, async (req, reply) =>
      reply.code(201).send(await cr.admin.createRule(projectAccess(req).projectId, req.body, actorOf(req))));
    r.put('/api/projects/:projectId/routing-rules/order', {
      config: sup,
      schema: { tags, params: P, body: z.strictObject({ ruleIds: z.array(z.uuid()).max(1000) }) },
    }, async (req) => cr.admin.reorder(projectAccess(req).projectId, req.body.ruleIds, actorOf(req)));
    r.get('/api/projects/:projectId/routing-rules/:routingRuleId', { config: sup, schema: { tags, params: RuleP } }, async (req) =>
      cr.admin.rule(projectAccess(req).projectId, req.params.routingRuleId));
    r.patch('/api/projects/:projectId/routing-rules/:routingRuleId', { config: sup, schema: { tags, params: RuleP, body: RulePatch } }, async (req) =>
      cr.admin.updateRule(projectAccess(req).projectId, req.params.routingRuleId, req.body, actorOf(req)));
    r.delete('/api/projects/:projectId/routing-rules/:routingRuleId', { config: sup, schema: { tags, params: RuleP } }, async (req, reply) => {
      await cr.admin.deleteRule(projectAccess(req).projectId, req.params.routingRuleId, actorOf(req));
      return reply.code(204).send();
    });

    r.post('/api/projects/:projectId/routing-rules/test', { config: sup, schema: { tags, params: P, body: TestBody } }, async (req) => {
      const at = req.body.at ? Date.parse(req.body.at) : undefined;
      const o = await cr.desk.explain(projectAccess(req).projectId, req.body.from, req.body.to, at);
      const { trace, ...decision } = o.decision;
      return { caller: o.caller, dialled: o.dialled, at: new Date(at ?? Date.now()).toISOString(), ...decision, fallback: decision.rule === null, trace };
    });

    r.get('/api/projects/:projectId/call-groups', { config: sup, schema: { tags, params: P } }, async (req) => cr.groups.list(projectAccess(req).projectId));
    r.post('/api/projects/:projectId/call-groups', { config: sup, schema: { tags, params: P, body: GroupBody } }, async (req, reply) =>
      reply.code(201).send(await cr.groups.create(projectAccess(req).projectId, req.body, actorOf(req))));
    r.get('/api/projects/:projectId/call-groups/:callGroupId', { config: sup, schema: { tags, params: GroupP } }, async (req) =>
      cr.groups.get(projectAccess(req).projectId, req.params.callGroupId));
    r.patch('/api/projects/:projectId/call-groups/:callGroupId', { config: sup, schema: { tags, params: GroupP, body: GroupBody.partial() } }, async (req) =>
      cr.groups.update(projectAccess(req).projectId, req.params.callGroupId, req.body, actorOf(req)));
    r.delete('/api/projects/:projectId/call-groups/:callGroupId', { config: sup, schema: { tags, params: GroupP } }, async (req, reply) => {
      await cr.groups.remove(projectAccess(req).projectId, req.params.callGroupId, actorOf(req));
      return reply.code(204).send();
    });

    r.get('/api/projects/:projectId/call-routing/extensions', { config: sup, schema: { tags, params: P } }, async (req) => cr.groups.extensions(projectAccess(req).projectId));
    r.put('/api/projects/:projectId/call-routing/extensions', {
      config: sup,
      schema: {
        tags,
        params: P,
        body: z.strictObject({
          extensions: z.array(z.strictObject({ agentId: z.uuid(), extension: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'a SIP user: letters, digits, _ . -') })).max(5000),
        }),
      },
    }, async (req) => cr.groups.setExtensions(projectAccess(req).projectId, req.body.extensions, actorOf(req)));

    r.get('/api/projects/:projectId/call-routing/settings', { config: sup, schema: { tags, params: P } }, async (req) => cr.admin.settings(projectAccess(req).projectId));
    r.patch('/api/projects/:projectId/call-routing/settings', { config: sup, schema: { tags, params: P, body: SettingsPatch } }, async (req) =>
      cr.admin.updateSettings(projectAccess(req).projectId, req.body, actorOf(req)));
    r.post('/api/projects/:projectId/call-routing/pbx-token', { config: { access: 'admin' }, schema: { tags, params: P } }, async (req, reply) =>
      reply.code(201).send(await cr.admin.rotatePbxToken(projectAccess(req).projectId, actorOf(req))));
  };
}
