import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';
import { fieldErrors } from '../../web/src/features/tasks/api.ts';
import { EMPTY, placeErrors, toBody } from '../../web/src/features/tasks/form.ts';
import { queueErrors } from '../../web/src/features/queues/errors.ts';
import { DEFAULT_SETTINGS } from '../../web/src/features/queues/api.ts';
import { DEFAULT_QUEUE_SETTINGS } from '../../src/domains/tasks/model.ts';

const QUEUE = '7f9c2a40-31d8-4c55-9a57-0c6f5b8e2d11';

describe('new task form', () => {
  it('sends only what was filled, phones without blank rows, TTL hours as seconds, skills and details as objects', () => {
    const { body, phoneRows } = toBody({
      ...EMPTY, queueId: QUEUE, title: '  Solar  ', value: 1200, ttlHours: 1.5, dueAt: '2026-12-01 12:00:00',
      phones: [{ phone: '' }, { phone: ' +420601123456 ' }], skills: [{ name: 'czech', level: 3 }, { name: ' ', level: 5 }],
      details: [{ key: 'product', value: 'solar' }],
    });
    expect(phoneRows).toEqual([1]);
    expect(body).toMatchObject({ queueId: QUEUE, title: 'Solar', value: 1200, ttlSeconds: 5400, phones: ['+420601123456'], requiredSkills: { czech: 3 }, details: { product: 'solar' } });
    expect(body.dueAt).toBe(new Date('2026-12-01T12:00:00').toISOString());
    expect(toBody({ ...EMPTY, queueId: QUEUE }).body).toEqual({ queueId: QUEUE });
  });

  it('puts validation errors on their fields and a bad phone on its own row', () => {
    const validation = new ApiError(400, 'VALIDATION_FAILED', 'body.value: too small', [
      { field: 'body.value', message: 'Too small' }, { field: 'body.phones.0', message: 'Too long' }, { field: 'body.contactId', message: 'Invalid UUID' },
    ]);
    expect(placeErrors(fieldErrors(validation, ['+420601']), [2])).toEqual({ value: 'Too small', 'phones.2': 'Too long', form: 'Invalid UUID' });
    const phone = new ApiError(400, 'INVALID_PHONE', 'Not a valid phone number: 12345', { index: 0, phone: '12345' });
    expect(placeErrors(fieldErrors(phone, ['+420601123456', '12345']), [0, 3])).toEqual({ 'phones.3': 'Not a valid phone number: 12345' });
    expect(fieldErrors(new ApiError(400, 'OWNER_NOT_AGENT', 'not an agent'), [])).toEqual({ ownerAgentId: 'not an agent' });
    expect(fieldErrors(new ApiError(409, 'EXTERNAL_ID_DUPLICATE', 'taken'), [])).toEqual({ form: 'taken' });
  });
});

describe('queue form errors', () => {
  it('maps settings paths to the setting and a taken name to the name', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', 'x', [{ field: 'body.settings.businessHours.1.0', message: 'start before end' }, { field: 'body.name', message: 'Too small' }]);
    expect(queueErrors(err)).toEqual({ businessHours: 'start before end', name: 'Too small' });
    expect(queueErrors(new ApiError(409, 'QUEUE_NAME_TAKEN', 'taken'))).toEqual({ name: 'taken' });
    expect(queueErrors(null)).toEqual({});
  });
});

describe('queue form defaults', () => {
  it('start a new queue from the server defaults (the web app keeps a copy to stay free of server code)', () => {
    expect(DEFAULT_SETTINGS).toEqual(DEFAULT_QUEUE_SETTINGS);
  });
});
