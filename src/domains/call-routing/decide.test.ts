import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, fallbackDecision } from './decide.ts';
import { DEFAULT_RULES, defaultSettings } from './defaults.ts';
import { callerKinds, unknownCaller, type CallerFacts, type CallerKind, type Conditions, type ProjectRouting, type Rule } from './model.ts';

const G = { sales: 'g-sales', production: 'g-production', finance: 'g-finance', duty: 'g-duty' };
const groupIdOf: Record<string, string> = { Sales: G.sales, Production: G.production, Finance: G.finance, 'On duty': G.duty };

/** Source case 001's defaults with two agents per group; agent "owner" owns some callers. */
function routing(rules?: Rule[]): ProjectRouting {
  const seeded = DEFAULT_RULES.map((r, i): Rule => ({
    id: `r${i}`,
    name: r.name,
    enabled: true,
    conditions: r.conditions,
    action: r.action.type === 'group' ? { type: 'group', groupId: groupIdOf[r.action.group]! } : r.action,
  }));
  const members = (g: string) => [`${g}-1`, `${g}-2`];
  const groups = Object.entries(G).map(([k, id]) => ({ id, name: k, members: members(k) }));
  const agents = [...Object.keys(G).flatMap(members), 'owner'];
  return {
    projectId: 'p',
    country: 'RU',
    settings: defaultSettings({ timezone: 'Europe/Moscow', country: 'RU' }, G.sales),
    rules: rules ?? seeded,
    groups: new Map(groups.map((g) => [g.id, g])),
    extensions: new Map(agents.map((a, i) => [a, String(100 + i)])),
  };
}

const caller = (kind: CallerKind, extra: Partial<CallerFacts> = {}): CallerFacts =>
  kind === 'unknown' ? unknownCaller('+79001234567') : { phone: '+79001234567', kind, contactId: 'c1', accountId: 'a1', ownerId: null, tags: [], ...extra };

const msk = (iso: string) => Date.parse(`${iso}+03:00`);
const WORKDAY = msk('2026-03-04T11:00:00');
const NEW_YEAR_HOLIDAY = msk('2026-01-05T11:00:00');
const everyone = () => true;
const agentsOf = (d: ReturnType<typeof decide>) => d.targets.map((t) => (t.kind === 'agent' ? t.agentId : t.kind));

describe('inbound routing defaults (source case 001)', () => {
  it.each([
    ['unknown number -> sales', caller('unknown'), WORKDAY, 'Unknown numbers -> sales', ['sales-1', 'sales-2']],
    ['supplier -> production', caller('supplier'), WORKDAY, 'Suppliers -> production', ['production-1', 'production-2']],
    ['partner -> finance', caller('partner'), WORKDAY, 'Other counterparties -> finance', ['finance-1', 'finance-2']],
    ['other counterparty -> finance', caller('other'), WORKDAY, 'Other counterparties -> finance', ['finance-1', 'finance-2']],
    ['customer without owner -> sales', caller('customer'), WORKDAY, 'Customers -> sales', ['sales-1', 'sales-2']],
    ['customer with owner -> owner, then sales', caller('customer', { ownerId: 'owner' }), WORKDAY, 'Own agent first', ['owner', 'sales-1', 'sales-2']],
    ['supplier with owner -> owner, then production', caller('supplier', { ownerId: 'owner' }), WORKDAY, 'Own agent first', ['owner', 'production-1', 'production-2']],
    ['a Russian public holiday -> on duty', caller('supplier', { ownerId: 'owner' }), NEW_YEAR_HOLIDAY, 'Holidays -> on duty', ['duty-1', 'duty-2']],
  ])('%s', (_name, who, now, rule, targets) => {
    const d = decide({ routing: routing(), caller: who, dialled: '+74951234567', now, isAvailable: everyone });
    expect(d.rule?.name).toBe(rule);
    expect(agentsOf(d)).toEqual(targets);
  });

  it('skips an unavailable owner and rings the department', () => {
    const d = decide({ routing: routing(), caller: caller('customer', { ownerId: 'owner' }), dialled: '', now: WORKDAY, isAvailable: (a) => a !== 'owner' });
    expect(d.rule?.name).toBe('Customers -> sales');
    expect(d.trace.find((t) => t.name === 'Own agent first')?.failed).toBe('targetAvailable');
  });

  it('rings available group members first and everyone when nobody is known to be available', () => {
    const some = decide({ routing: routing(), caller: caller('unknown'), dialled: '', now: WORKDAY, isAvailable: (a) => a === 'sales-2' });
    expect(agentsOf(some)).toEqual(['sales-2']);
    const none = decide({ routing: routing(), caller: caller('unknown'), dialled: '', now: WORKDAY, isAvailable: () => false });
    expect(agentsOf(none)).toEqual(['sales-1', 'sales-2']);
  });
});

describe('rule conditions and actions', () => {
  const rule = (conditions: Conditions, action: Rule['action'] = { type: 'voicemail', box: 'x' }): Rule => ({ id: 'x', name: 'x', enabled: true, conditions, action });
  const fires = (r: Rule, who: CallerFacts, now = WORKDAY, dialled = '+74951234567') =>
    decide({ routing: routing([r]), caller: who, dialled, now, isAvailable: everyone }).rule !== null;

  it.each([
    ['tag present', rule({ tagsAny: ['vip'] }), caller('customer', { tags: ['vip'] }), WORKDAY, true],
    ['tag absent', rule({ tagsAny: ['vip'] }), caller('customer'), WORKDAY, false],
    ['dialled number listed', rule({ dialled: ['+74951234567'] }), caller('unknown'), WORKDAY, true],
    ['dialled number not listed', rule({ dialled: ['+74950000000'] }), caller('unknown'), WORKDAY, false],
    ['hasOwner false for ownerless caller', rule({ hasOwner: false }), caller('customer'), WORKDAY, true],
    ['open hours on a weekday morning', rule({ hours: 'open' }), caller('unknown'), WORKDAY, true],
    ['closed at night', rule({ hours: 'closed' }), caller('unknown'), msk('2026-03-04T22:00:00'), true],
    ['closed on a Saturday', rule({ hours: 'closed' }), caller('unknown'), msk('2026-03-07T11:00:00'), true],
    ['closed on a holiday', rule({ hours: 'open' }), caller('unknown'), NEW_YEAR_HOLIDAY, false],
    ['workday', rule({ day: 'workday' }), caller('unknown'), WORKDAY, true],
    ['disabled rule never fires', { ...rule({}), enabled: false }, caller('unknown'), WORKDAY, false],
  ])('%s', (_n, r, who, now, expected) => {
    expect(fires(r, who, now)).toBe(expected);
  });

  it('custom closed days count as holidays', () => {
    const r = routing([rule({ day: 'holiday' })]);
    r.settings = { ...r.settings, closedDays: ['2026-03-04'] };
    expect(decide({ routing: r, caller: caller('unknown'), dialled: '', now: WORKDAY, isAvailable: everyone }).rule).not.toBeNull();
  });

  it('external numbers, voicemail and reject', () => {
    const ext = decide({ routing: routing([rule({}, { type: 'external', number: '+74950000001' })]), caller: caller('unknown'), dialled: '', now: WORKDAY, isAvailable: everyone });
    expect(ext.targets).toEqual([{ kind: 'external', number: '+74950000001' }]);
    const rej = decide({ routing: routing([rule({}, { type: 'reject', code: 486 })]), caller: caller('unknown'), dialled: '', now: WORKDAY, isAvailable: everyone });
    expect(rej.reject).toBe(486);
  });

  it('uses the fallback route when nothing matches, and rejects 480 when the fallback has nobody', () => {
    const r = routing([rule({ callerKinds: ['supplier'] })]);
    const d = decide({ routing: r, caller: caller('unknown'), dialled: '', now: WORKDAY, isAvailable: everyone });
    expect(d.rule).toBeNull();
    expect(agentsOf(d)).toEqual(['sales-1', 'sales-2']);
    r.groups.set(G.sales, { id: G.sales, name: 'Sales', members: [] });
    expect(fallbackDecision(r, caller('unknown')).reject).toBe(480);
  });
});

describe('decision invariants', () => {
  const arbConditions: fc.Arbitrary<Conditions> = fc.record(
    {
      callerKinds: fc.subarray([...callerKinds], { minLength: 1 }),
      tagsAny: fc.subarray(['vip', 'debtor', 'new'], { minLength: 1 }),
      hasOwner: fc.boolean(),
      day: fc.constantFrom('holiday' as const, 'workday' as const),
      hours: fc.constantFrom('open' as const, 'closed' as const),
      targetAvailable: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const arbAction = fc.oneof(
    fc.constant({ type: 'owner' as const }),
    fc.constantFrom(...Object.values(G), 'missing-group').map((groupId) => ({ type: 'group' as const, groupId })),
    fc.constant({ type: 'voicemail' as const, box: 'main' }),
    fc.constant({ type: 'reject' as const, code: 603 as const }),
  );
  const arbRules = fc.array(fc.record({ conditions: arbConditions, action: arbAction, enabled: fc.boolean() }), { maxLength: 12 })
    .map((rs) => rs.map((r, i): Rule => ({ ...r, id: `r${i}`, name: `rule ${i}` })));
  const arbCaller = fc.record({
    kind: fc.constantFrom(...callerKinds),
    owner: fc.option(fc.constantFrom('owner', 'sales-1', 'nobody'), { nil: null }),
    tags: fc.subarray(['vip', 'debtor', 'new']),
  }).map(({ kind, owner, tags }) => ({ ...caller(kind), ownerId: kind === 'unknown' ? null : owner, tags }));
  const arbNow = fc.integer({ min: msk('2026-01-01T00:00:00'), max: msk('2026-12-31T23:59:59') });
  const arbAvailable = fc.func(fc.boolean());

  it('always returns a route: a rule that holds with someone to ring, or the fallback', () => {
    fc.assert(
      fc.property(arbRules, arbCaller, arbNow, arbAvailable, (rules, who, now, avail) => {
        const d = decide({ routing: routing(rules), caller: who, dialled: '+74951234567', now, isAvailable: (a) => avail(a) });
        expect(d.reject !== null || d.targets.length > 0).toBe(true);
        if (d.rule) {
          const winner = d.trace.at(-1)!;
          expect(winner).toMatchObject({ ruleId: d.rule.id, matched: true });
          expect(d.trace.slice(0, -1).every((t) => !t.matched)).toBe(true);
        } else {
          expect(d.trace).toHaveLength(rules.length);
        }
        const agents = d.targets.filter((t) => t.kind === 'agent').map((t) => (t.kind === 'agent' ? t.agentId : ''));
        expect(new Set(agents).size).toBe(agents.length);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same input gives the same decision', () => {
    fc.assert(
      fc.property(arbRules, arbCaller, arbNow, (rules, who, now) => {
        const input = { routing: routing(rules), caller: who, dialled: '', now, isAvailable: everyone };
        expect(decide(input)).toEqual(decide(input));
      }),
      { numRuns: 200 },
    );
  });
});
