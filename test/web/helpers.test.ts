import { describe, expect, it } from 'vitest';
import { apiUrl } from '../../web/src/api/client.ts';
import { reconnectDelay } from '../../web/src/app/live.tsx';
import { callingCode, formatPhone } from '../../web/src/features/contacts/phone.ts';
import { countDataRows, percentDone } from '../../web/src/features/imports/progress.ts';

describe('web helpers', () => {
  it.each([
    ['+420601123456', '+420 601 123 456'],
    ['+79161234567', '+7 916 123 4567'],
    ['+905321234567', '+90 532 123 4567'],
    ['+12025550123', '+1 202 555 0123'],
    ['+77012345678', '+7 701 234 5678'],
    ['not a number', 'not a number'],
  ])('formats %s as %s', (e164, shown) => {
    expect(formatPhone(e164)).toBe(shown);
  });

  it('knows one-, two- and three-digit calling codes', () => {
    expect([callingCode('79161234567'), callingCode('447911123456'), callingCode('420601123456'), callingCode('380441234567')]).toEqual(['7', '44', '420', '380']);
  });

  it('leaves empty query values out of API URLs', () => {
    expect(apiUrl('/projects/p/contacts', { q: '', limit: 25, offset: 0, accountId: undefined })).toBe('/api/projects/p/contacts?limit=25&offset=0');
    expect(apiUrl('/me')).toBe('/api/me');
  });

  it('reconnects quickly at first, then backs off to 15 s', () => {
    expect([0, 1, 2, 3, 10].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 15_000]);
  });

  it('shows import progress from processed rows, 100 % once finished', () => {
    expect(percentDone({ status: 'running', rowsTotal: 0, rowsImported: 0, rowsFailed: 0 })).toBe(0);
    expect(percentDone({ status: 'running', rowsTotal: 200, rowsImported: 49, rowsFailed: 1 })).toBe(25);
    expect(percentDone({ status: 'running', rowsTotal: 50, rowsImported: 50, rowsFailed: 0 }, 1000)).toBe(5);
    expect(percentDone({ status: 'running', rowsTotal: 10, rowsImported: 10, rowsFailed: 0 })).toBe(99);
    expect(percentDone({ status: 'done', rowsTotal: 4, rowsImported: 3, rowsFailed: 1 })).toBe(100);
  });

  it('counts the data rows of a CSV file with or without a final line break', async () => {
    expect(await countDataRows(new Blob(['name,phone\na,1\nb,2\n']))).toBe(2);
    expect(await countDataRows(new Blob(['name,phone\na,1\nb,2']))).toBe(2);
    expect(await countDataRows(new Blob(['name,phone\n']))).toBe(0);
  });
});
