import { z } from 'zod';
import type { Display } from './parts.ts';
import { templateProblem } from './template.ts';

/** A connector as the API shows it: the auth value never leaves the server (write-only). */
export interface ConnectorView {
  id: string;
  name: string;
  urlTemplate: string;
  authHeader: string | null;
  hasAuthValue: boolean;
  deadlineMs: number;
  cacheTtlSeconds: number;
  enabled: boolean;
  display: Display;
  position: number;
  createdAt: string;
  updatedAt: string;
}

/** What the card assembler needs to ask a source, including the secret. */
export interface ConnectorSpec {
  id: string;
  name: string;
  urlTemplate: string;
  authHeader: string | null;
  authValue: string | null;
  deadlineMs: number;
  cacheTtlSeconds: number;
  display: Display;
}

const UrlTemplate = z
  .string()
  .min(1)
  .max(2000)
  .superRefine((v, ctx) => {
    const problem = templateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const HeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'an HTTP header name such as Authorization');

/** The editable fields; `authValue: null` removes the secret, leaving it out keeps it. */
export const ConnectorFields = z.strictObject({
  name: z.string().trim().min(1).max(100),
  urlTemplate: UrlTemplate,
  authHeader: HeaderName.nullable().default(null),
  authValue: z.string().max(2000).nullable().optional(),
  deadlineMs: z.number().int().min(50).max(10_000).default(1500),
  cacheTtlSeconds: z.number().int().min(0).max(600).default(0),
  enabled: z.boolean().default(true),
  display: z.enum(['fields', 'table']).default('fields'),
  position: z.number().int().min(0).max(1000).default(0),
});
export type ConnectorFields = z.infer<typeof ConnectorFields>;

export const ConnectorPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  urlTemplate: UrlTemplate.optional(),
  authHeader: HeaderName.nullable().optional(),
  authValue: z.string().max(2000).nullable().optional(),
  deadlineMs: z.number().int().min(50).max(10_000).optional(),
  cacheTtlSeconds: z.number().int().min(0).max(600).optional(),
  enabled: z.boolean().optional(),
  display: z.enum(['fields', 'table']).optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export type ConnectorPatch = z.infer<typeof ConnectorPatch>;
