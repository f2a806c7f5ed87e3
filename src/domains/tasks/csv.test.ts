import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { parseTaskCsv } from './csv.ts';

const Q = '7d3f4c1e-8b1a-4c2d-9e3f-0a1b2c3d4e5f';
const queue = (n: string) => (n === 'Web leads' || n === Q ? Q : undefined);

describe('task CSV', () => {
  it('reads rows like the JSON API, with skills and details columns', () => {
    const csv = 'queue,title,phones,value,skills,details.product\nWeb leads,Gas,+420601123456;+420602000000,1200,czech:3 german:2,gas\n';
    expect(parseTaskCsv(csv, queue)).toEqual([{ queueId: Q, title: 'Gas', phones: ['+420601123456', '+420602000000'], value: 1200, requiredSkills: { czech: 3, german: 2 }, details: { product: 'gas' } }]);
  });

  it.each([
    ['unknown queue', 'queue,value\nNope,10\n', 'QUEUE_NOT_FOUND'],
    ['negative value', 'queue,value\nWeb leads,-1\n', 'CSV_INVALID'],
    ['unknown column', 'queue,colour\nWeb leads,red\n', 'CSV_INVALID'],
    ['skill level 7', 'queue,skills\nWeb leads,czech:7\n', 'CSV_INVALID'],
  ])('refuses %s with its line', (_n, csv, code) => {
    try {
      parseTaskCsv(csv, queue);
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).code).toBe(code);
    }
  });
});
