import { z } from 'zod';
import { accountKinds, isTimeZone } from './model.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Request shapes shared by the contact and account routes; unknown fields are refused. */
export const Kind = z.enum(accountKinds);
export const TimeZone = z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Prague').nullable().optional();
export const Tags = z.array(text(60)).max(50).optional();
export const Custom = z.record(z.string().max(100), z.unknown()).optional();
export const ExternalId = optionalText(200);

export const ContactBody = z.strictObject({
  externalId: ExternalId,
  name: text(200),
  accountId: z.uuid().nullable().optional(),
  phones: z.array(z.strictObject({ number: z.string().max(40), label: text(30).optional() })).max(10).optional(),
  emails: z.array(z.email().max(320)).max(10).optional(),
  ownerId: z.uuid().nullable().optional(),
  city: optionalText(100),
  region: optionalText(100),
  timezone: TimeZone,
  tags: Tags,
  custom: Custom,
});

export const AccountBody = z.strictObject({
  externalId: ExternalId,
  name: text(200),
  kind: Kind.default('customer'),
  ownerId: z.uuid().nullable().optional(),
  city: optionalText(100),
  region: optionalText(100),
  timezone: TimeZone,
  tags: Tags,
  custom: Custom,
});

export const Page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const ContactQuery = z.strictObject({
  q: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
  email: z.string().max(320).optional(),
  tag: z.string().max(60).optional(),
  city: z.string().max(100).optional(),
  kind: Kind.optional(),
  accountId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  ...Page,
});

export const AccountQuery = z.strictObject({
  q: z.string().max(200).optional(),
  tag: z.string().max(60).optional(),
  city: z.string().max(100).optional(),
  kind: Kind.optional(),
  ownerId: z.uuid().optional(),
  ...Page,
});

export const P = z.object({ projectId: z.string() });
export const PContact = P.extend({ contactId: z.uuid() });
export const PAccount = P.extend({ accountId: z.uuid() });
