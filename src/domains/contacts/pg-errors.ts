import { AppError } from '../../platform/errors.ts';

const uniqueCodes: Record<string, () => AppError> = {
  contacts_external_key: () => new AppError('EXTERNAL_ID_TAKEN', 'Another contact of this project has this external id', { field: 'externalId' }),
  accounts_external_key: () => new AppError('EXTERNAL_ID_TAKEN', 'Another account of this project has this external id', { field: 'externalId' }),
  contact_phones_pkey: () => new AppError('PHONE_TAKEN', 'Another contact of this project already has this phone number', { field: 'phones' }),
};

/**
 * Turns a unique violation that slipped past the pre-checks (two writers racing) into the same
 * 409 the pre-check would have given; anything else is rethrown unchanged.
 */
export function translateUniqueViolation(err: unknown): never {
  const e = err as { code?: string; constraint?: string };
  const make = e.code === '23505' && e.constraint ? uniqueCodes[e.constraint] : undefined;
  throw make ? make() : err;
}
