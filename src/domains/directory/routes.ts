import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { typed } from '../../platform/http/app.ts';
import { SESSION_COOKIE, projectAccess } from '../../platform/http/policy.ts';
import { actorOf } from '../../platform/audit.ts';
import type { Directory } from './index.ts';

const Locale = z.enum(['en', 'cs', 'ru', 'tr']);
const Password = z.string().min(8, 'at least 8 characters').max(200);
const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as CZ');
const ProjectParams = z.object({ projectId: z.string() });

function setSession(reply: FastifyReply, session: { token: string; expires: Date }, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expires });
}

/** Sign-in, the signed-in person, projects and invitation acceptance. */
export function directoryRoutes(dir: Directory, opts: { secureCookies: boolean; loginRateLimit: number }) {
  return (app: FastifyInstance) => {
    const r = typed(app);
    r.post('/api/auth/login', {
      config: { access: 'public', rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute', keyGenerator: (req) => req.ip } },
      schema: { tags: ['auth'], body: z.strictObject({ email: z.string().max(320), password: z.string().max(200) }) },
    }, async (req, reply) => {
      const session = await dir.sessions.login(req.body.email, req.body.password);
      setSession(reply, session, opts.secureCookies);
      return dir.sessions.me(session.userId);
    });

    r.post('/api/auth/logout', { config: { access: 'signed-in' }, schema: { tags: ['auth'] } }, async (req, reply) => {
      if (req.principal?.kind === 'user') await dir.sessions.logout(req.principal.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    r.get('/api/me', { config: { access: 'signed-in' }, schema: { tags: ['auth'] } }, async (req) => {
      const p = req.principal!;
      if (p.kind === 'api_key') return { apiKey: { id: p.keyId, projectId: p.projectId, role: p.role } };
      return dir.sessions.me(p.userId);
    });

    r.patch('/api/me', {
      config: { access: 'signed-in' },
      schema: { tags: ['auth'], body: z.strictObject({ locale: Locale }) },
    }, async (req) => {
      const p = req.principal!;
      if (p.kind === 'user') await dir.sessions.setLocale(p.userId, req.body.locale);
      return { ok: true };
    });

    r.post('/api/projects', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['projects'],
        body: z.strictObject({ name: z.string().min(1).max(120), defaultCountry: Country.default('CZ'), timezone: z.string().default('Europe/Prague') }),
      },
    }, async (req, reply) => {
      const p = req.principal!;
      if (p.kind !== 'user') return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'Projects are created by people, not API keys' } });
      return reply.code(201).send(await dir.projects.create(req.body, p.userId, actorOf(req)));
    });

    r.get('/api/projects/:projectId', {
      config: { access: 'agent' },
      schema: { tags: ['projects'], params: ProjectParams },
    }, async (req) => ({ ...(await dir.projects.get(projectAccess(req).projectId)), role: projectAccess(req).role }));

    r.get('/api/invitations/:token', {
      config: { access: 'public' },
      schema: { tags: ['members'], params: z.object({ token: z.string().max(100) }) },
    }, async (req) => dir.invitations.view(req.params.token));

    r.post('/api/invitations/:token/accept', {
      config: { access: 'public', rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['members'],
        params: z.object({ token: z.string().max(100) }),
        body: z.strictObject({ name: z.string().trim().min(1).max(120), password: Password }),
      },
    }, async (req, reply) => {
      const { userId } = await dir.invitations.accept(req.params.token, req.body.name, req.body.password);
      setSession(reply, await dir.sessions.open(userId), opts.secureCookies);
      return dir.sessions.me(userId);
    });
  };
}
