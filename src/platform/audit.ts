import type { FastifyRequest } from 'fastify';
import type { Db } from './db/db.ts';

export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  id: string | null;
}

export const systemActor: Actor = { kind: 'system', id: null };

export function actorOf(req: FastifyRequest): Actor {
  const p = req.principal;
  if (!p) return systemActor;
  return p.kind === 'user' ? { kind: 'user', id: p.userId } : { kind: 'api_key', id: p.keyId };
}

/** Appends one line to the audit log: who did what to which thing. Use inside the change's transaction. */
export async function recordAudit(
  db: Db,
  entry: { projectId: string | null; actor: Actor; action: string; entity: string; entityId?: string; details?: object },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      project_id: entry.projectId,
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
