import { longestPrefix, type Price, type Trunk } from './model.ts';

/**
 * Seconds a carrier bills for a call of `seconds`: the first increment in full, then whole next
 * increments (60/60 bills started minutes, 1/1 exact seconds, 30/6 half a minute then 6 s steps). An
 * unconnected call (0 s) bills nothing.
 */
export function billedSeconds(seconds: number, firstIncrement: number, nextIncrement: number): number {
  if (!(seconds > 0)) return 0;
  if (seconds <= firstIncrement) return firstIncrement;
  return firstIncrement + Math.ceil((seconds - firstIncrement) / nextIncrement) * nextIncrement;
}

/** Money rounded to the 4 decimals call records keep (numeric(12,4)). */
export const roundMoney = (amount: number): number => Math.round(amount * 10_000) / 10_000;

/** What one call costs on a trunk at a price: the connection fee (connected calls only) plus billed minutes at the rate. */
export function callCost(price: Price, trunk: Pick<Trunk, 'firstIncrement' | 'nextIncrement'>, seconds: number): { amount: number; billedSeconds: number } {
  const billed = billedSeconds(seconds, trunk.firstIncrement, trunk.nextIncrement);
  const amount = billed > 0 ? price.connectionFee + (billed / 60) * price.ratePerMinute : 0;
  return { amount: roundMoney(amount), billedSeconds: billed };
}

/** The price of the longest prefix of `number` in a trunk's list; undefined when the trunk does not carry it. */
export function priceOf(prices: Map<string, Price>, number: string): Price | undefined {
  return longestPrefix(number, prices);
}

export interface TrunkOption {
  trunkId: string;
  name: string;
  ratePerMinute: number;
  connectionFee: number;
  currency: string;
  prefix: string;
  priority: number;
}

/**
 * The trunks that can carry `number`, cheapest per minute first, priority (lower first) breaking ties,
 * then name so the order is stable. Disabled trunks, trunks without a price for the number and trunks
 * whose lines are all busy are left out; the hub tries them in this order and fails over to the next.
 * Rates in different currencies are compared as plain numbers: keep one currency per project.
 */
export function rankTrunks(
  trunks: readonly { trunk: Trunk; prices: Map<string, Price> }[],
  number: string,
  linesInUse: (trunkId: string) => number = () => 0,
): TrunkOption[] {
  const out: TrunkOption[] = [];
  for (const { trunk, prices } of trunks) {
    if (!trunk.enabled) continue;
    if (trunk.maxLines !== null && linesInUse(trunk.id) >= trunk.maxLines) continue;
    const price = priceOf(prices, number);
    if (!price) continue;
    out.push({ trunkId: trunk.id, name: trunk.name, ratePerMinute: price.ratePerMinute, connectionFee: price.connectionFee, currency: trunk.currency, prefix: price.prefix, priority: trunk.priority });
  }
  return out.sort((a, b) => a.ratePerMinute - b.ratePerMinute || a.priority - b.priority || a.name.localeCompare(b.name));
}
