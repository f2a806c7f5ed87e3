/** One editable skill line of the agent modal. */
export type Row = { name: string; level: number };

/** Skill rows back to the API's `{ skill: level }`, dropping blank names (a later duplicate wins). */
export function rowsToSkills(rows: Row[]): Record<string, number> {
  return Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.level]));
}
