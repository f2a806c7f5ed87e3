import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { answerRateAt, parseScenario, parseScenarioText, ScenarioError } from './scenario.ts';

function problems(json: unknown): string[] {
  try {
    parseScenario(json);
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems;
    throw err;
  }
  return [];
}

describe('dialer scenario validation', () => {
  it('fills the documented defaults', () => {
    const s = parseScenario({ agents: 10, answerRate: 0.2 });
    expect(s).toMatchObject({ seed: 1, hours: 8, mode: 'predictive', abandonTarget: 0.03, machineRate: 0, busyRate: 0 });
    expect(s.lines).toBeUndefined();
    expect(s.talkSeconds.dist).toBe('lognormal');
  });

  it.each([
    { name: 'unknown top-level field', json: { agents: 10, answerRate: 0.2, agentz: 3 }, message: 'unknown field: agentz' },
    { name: 'wrong type', json: { agents: '10', answerRate: 0.2 }, message: 'agents: Invalid input: expected number, received string' },
    { name: 'missing agents', json: { answerRate: 0.2 }, message: 'agents:' },
    { name: 'unknown mode', json: { agents: 10, answerRate: 0.2, mode: 'turbo' }, message: 'mode:' },
    { name: 'unknown distribution', json: { agents: 10, answerRate: 0.2, talkSeconds: { dist: 'gamma', mean: 100 } }, message: 'talkSeconds.dist:' },
    { name: 'unknown field inside a distribution', json: { agents: 10, answerRate: 0.2, wrapSeconds: { dist: 'fixed', mean: 10, median: 9 } }, message: 'unknown field in wrapSeconds: median' },
    { name: 'answer rate above 1', json: { agents: 10, answerRate: 1.5 }, message: 'answerRate' },
    { name: 'answer-rate steps out of order', json: { agents: 10, answerRate: [{ fromHour: 4, value: 0.2 }, { fromHour: 1, value: 0.1 }] }, message: 'fromHour must increase' },
    { name: 'fixed-ratio without ratio', json: { agents: 10, answerRate: 0.2, mode: 'fixed-ratio' }, message: 'ratio: ratio is required when mode is fixed-ratio' },
    { name: 'rates adding up above 1', json: { agents: 10, answerRate: 0.6, machineRate: 0.3, busyRate: 0.2 }, message: 'answerRate + machineRate + busyRate must not exceed 1' },
    { name: 'zero lines', json: { agents: 10, answerRate: 0.2, lines: 0 }, message: 'lines:' },
    { name: 'min above max', json: { agents: 10, answerRate: 0.2, ringSeconds: { dist: 'uniform', mean: 10, min: 20, max: 5 } }, message: 'ringSeconds.min: min must not exceed max' },
  ])('$name is an error naming the field', ({ json, message }) => {
    const found = problems(json);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(message);
  });

  it('reports every problem at once', () => {
    expect(problems({ agents: -1, answerRate: 'high', foo: 1 })).toHaveLength(3);
  });

  it('names a file that is not JSON', () => {
    expect(() => parseScenarioText('{ agents: 10 ', 'broken.json')).toThrow(/broken.json is not valid JSON/);
  });

  it('changes the answer rate at the hours given', () => {
    const s = parseScenario({ agents: 5, answerRate: [{ fromHour: 0, value: 0.3 }, { fromHour: 4, value: 0.15 }] });
    expect(answerRateAt(s, 0)).toBe(0.3);
    expect(answerRateAt(s, 4 * 3600 - 1)).toBe(0.3);
    expect(answerRateAt(s, 4 * 3600)).toBe(0.15);
  });

  it('accepts every shipped standard scenario', () => {
    const dir = 'examples/scenarios';
    const files = readdirSync(dir).filter((f) => f.startsWith('dialer-'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) expect(() => parseScenarioText(readFileSync(`${dir}/${f}`, 'utf8'), f)).not.toThrow();
  });
});
