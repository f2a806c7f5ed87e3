import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';
import { accountBody, accountValues, contactBody, contactValues, fieldErrors } from '../../web/src/features/contacts/edit/model.ts';
import type { Contact } from '../../web/src/features/contacts/api.ts';

const contact: Contact = {
  id: 'c1', externalId: null, name: 'Jan Novák', account: { id: 'a1', name: 'Pekárna', kind: 'customer' },
  phones: [{ number: '+420601123456', label: 'main' }], emails: ['jan@pekarna.cz'], ownerId: null,
  city: 'Praha', region: null, timezone: 'Europe/Prague', tags: ['vip'], custom: { score: 7, segment: 'A' },
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

describe('contact form model', () => {
  it('leaves out empty phone rows and remembers which form row each sent phone came from', () => {
    const v = { ...contactValues(contact), phones: [{ number: '601 123 456', label: 'main' }, { number: ' ', label: 'x' }, { number: '12ab', label: '' }] };
    const { body, phoneRows } = contactBody(v, contact);
    expect(body.phones).toEqual([{ number: '601 123 456', label: 'main' }, { number: '12ab' }]);
    expect(phoneRows).toEqual([0, 2]);
  });

  it('puts INVALID_PHONE for phones[1] next to form row 2 when row 1 was empty', () => {
    const err = new ApiError(400, 'INVALID_PHONE', 'phones[1].number: "12ab" is not a valid phone number', { field: 'phones[1].number', value: '12ab' });
    expect(fieldErrors(err, [0, 2])).toEqual({ 'phones.2.number': '"12ab" is not a valid phone number' });
    expect(fieldErrors(err, [0, 2], { INVALID_PHONE: 'Not a phone number' })).toEqual({ 'phones.2.number': 'Not a phone number' });
  });

  it('maps each field of a validation error and ignores errors without fields', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'body.timezone: bad', [
      { field: 'body.timezone', message: 'an IANA time zone such as Europe/Prague' },
      { field: 'body.emails.0', message: 'Invalid email address' },
    ]);
    expect(fieldErrors(err)).toEqual({ timezone: 'an IANA time zone such as Europe/Prague', 'emails.0': 'Invalid email address' });
    expect(fieldErrors(new ApiError(500, 'INTERNAL', 'boom'))).toEqual({});
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('keeps untouched custom values in their type, clears emptied text fields with null', () => {
    const v = { ...contactValues(contact), city: '  ', custom: [{ key: 'score', value: '7' }, { key: 'segment', value: 'B' }, { key: ' ', value: 'dropped' }] };
    const { body } = contactBody(v, contact);
    expect(body.custom).toEqual({ score: 7, segment: 'B' });
    expect(body.city).toBeNull();
    expect(body.accountId).toBe('a1');
  });

  it('starts a new account as a customer with nothing filled in', () => {
    expect(accountBody(accountValues())).toMatchObject({ name: '', kind: 'customer', ownerId: null, city: null, tags: [], custom: {} });
  });
});
