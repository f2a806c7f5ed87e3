import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { typed } from '../../platform/http/app.ts';
import { projectAccess } from '../../platform/http/policy.ts';
import { actorOf } from '../../platform/audit.ts';
import type { ContactsDomain } from './index.ts';
import { AccountBody, AccountQuery, ContactBody, ContactQuery, P, PAccount, PContact } from './schemas.ts';

/**
 * Contacts and accounts over REST. Agents read (they look callers up all day); supervisors and
 * admins create and edit; only admins delete, because a deletion loses history.
 */
export function contactRoutes(domain: ContactsDomain) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    const { contacts, accounts } = domain;
    const pid = (req: Parameters<typeof projectAccess>[0]) => projectAccess(req).projectId;

    r.get('/api/projects/:projectId/contacts', {
      config: { access: 'agent' },
      schema: { tags: ['contacts'], params: P, querystring: ContactQuery },
    }, async (req) => {
      const { limit, offset, ...filter } = req.query;
      return contacts.search(pid(req), filter, { limit, offset });
    });

    r.get('/api/projects/:projectId/contacts/by-phone/:phone', {
      config: { access: 'agent' },
      schema: { tags: ['contacts'], params: P.extend({ phone: z.string().max(40) }) },
    }, async (req) => contacts.byPhone(pid(req), req.params.phone));

    r.get('/api/projects/:projectId/contacts/:contactId', {
      config: { access: 'agent' },
      schema: { tags: ['contacts'], params: PContact },
    }, async (req) => contacts.get(pid(req), req.params.contactId));

    r.post('/api/projects/:projectId/contacts', {
      config: { access: 'supervisor' },
      schema: { tags: ['contacts'], params: P, body: ContactBody },
    }, async (req, reply) => reply.code(201).send(await contacts.create(pid(req), req.body, actorOf(req))));

    r.patch('/api/projects/:projectId/contacts/:contactId', {
      config: { access: 'supervisor' },
      schema: { tags: ['contacts'], params: PContact, body: ContactBody.partial() },
    }, async (req) => contacts.update(pid(req), req.params.contactId, req.body, actorOf(req)));

    r.delete('/api/projects/:projectId/contacts/:contactId', {
      config: { access: 'admin' },
      schema: { tags: ['contacts'], params: PContact },
    }, async (req) => {
      await contacts.remove(pid(req), req.params.contactId, actorOf(req));
      return { ok: true };
    });

    r.get('/api/projects/:projectId/accounts', {
      config: { access: 'agent' },
      schema: { tags: ['accounts'], params: P, querystring: AccountQuery },
    }, async (req) => {
      const { limit, offset, ...filter } = req.query;
      return accounts.search(pid(req), filter, { limit, offset });
    });

    r.get('/api/projects/:projectId/accounts/:accountId', {
      config: { access: 'agent' },
      schema: { tags: ['accounts'], params: PAccount },
    }, async (req) => accounts.get(pid(req), req.params.accountId));

    r.post('/api/projects/:projectId/accounts', {
      config: { access: 'supervisor' },
      schema: { tags: ['accounts'], params: P, body: AccountBody },
    }, async (req, reply) => reply.code(201).send(await accounts.create(pid(req), req.body, actorOf(req))));

    r.patch('/api/projects/:projectId/accounts/:accountId', {
      config: { access: 'supervisor' },
      schema: { tags: ['accounts'], params: PAccount, body: AccountBody.partial() },
    }, async (req) => accounts.update(pid(req), req.params.accountId, req.body, actorOf(req)));

    r.delete('/api/projects/:projectId/accounts/:accountId', {
      config: { access: 'admin' },
      schema: { tags: ['accounts'], params: PAccount },
    }, async (req) => {
      await accounts.remove(pid(req), req.params.accountId, actorOf(req));
      return { ok: true };
    });
  };
}
