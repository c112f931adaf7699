import { effectiveK } from '@alongside/stats';
import { STAKEHOLDER_GROUPS, type CountryCode, type StakeholderGroup } from '@alongside/contracts';
import { ExportError, type DisclosureReport, type ExportDataset, type PooledCell } from './export.types.ts';

// The k rule for respondent-level rows. A row says its wave, program and stakeholder group, so the cell a reader
// can narrow a row down to is wave × program × group: such a cell below k (research k, at least 11) loses its
// program (pooled per wave, country and group as "Other programs (<country>)", setting blank); a pool that is
// itself below k is left out entirely. Counting per wave is stricter than per program × group over the whole
// campaign: three follow-up answers of a program would otherwise be shown under its name beside its baseline.

/** Where one response's row goes: under its program, into its country's pool, or nowhere. */
export type RowPlacement = { kind: 'program' } | { kind: 'pooled'; countryCode: CountryCode } | { kind: 'withheld' };

const key = (...parts: string[]) => parts.join('\u0000');

/** Places every response under the k rule and says which cells were pooled or withheld. */
export function placeRows(dataset: ExportDataset): { placements: Map<string, RowPlacement>; report: DisclosureReport } {
  const k = effectiveK('research', dataset.campaign.k);
  const programs = new Map(dataset.programs.map((p) => [p.id, p]));
  const waveOrder = new Map(dataset.waves.map((w, i) => [w.id, i]));
  const cells = new Map<
    string,
    { waveId: string; countryCode: CountryCode; group: StakeholderGroup; responses: string[] }
  >();
  for (const response of dataset.responses) {
    const program = programs.get(response.programId);
    if (!program) throw new ExportError('a response names a program that is not in the campaign');
    if (!waveOrder.has(response.waveId)) throw new ExportError('a response names a wave that is not in the campaign');
    const cellKey = key(response.waveId, response.programId, response.group);
    const cell = cells.get(cellKey) ?? {
      waveId: response.waveId,
      countryCode: program.countryCode,
      group: response.group,
      responses: [],
    };
    cell.responses.push(response.id);
    cells.set(cellKey, cell);
  }

  const placements = new Map<string, RowPlacement>();
  const pools = new Map<string, PooledCell & { responseIds: string[] }>();
  for (const cell of cells.values()) {
    if (cell.responses.length >= k) {
      for (const id of cell.responses) placements.set(id, { kind: 'program' });
      continue;
    }
    const poolKey = key(cell.waveId, cell.countryCode, cell.group);
    const wave = dataset.waves[waveOrder.get(cell.waveId)!]!;
    const pool = pools.get(poolKey) ?? {
      waveId: cell.waveId,
      waveName: wave.name,
      countryCode: cell.countryCode,
      group: cell.group,
      programs: 0,
      responses: 0,
      responseIds: [],
    };
    pool.programs += 1;
    pool.responses += cell.responses.length;
    pool.responseIds.push(...cell.responses);
    pools.set(poolKey, pool);
  }

  const merged: PooledCell[] = [];
  const withheld: PooledCell[] = [];
  for (const { responseIds, ...pool } of pools.values()) {
    const shown = pool.responses >= k;
    for (const id of responseIds)
      placements.set(id, shown ? { kind: 'pooled', countryCode: pool.countryCode } : { kind: 'withheld' });
    (shown ? merged : withheld).push(pool);
  }
  const order = (a: PooledCell, b: PooledCell) =>
    waveOrder.get(a.waveId)! - waveOrder.get(b.waveId)! ||
    a.countryCode.localeCompare(b.countryCode) ||
    STAKEHOLDER_GROUPS.indexOf(a.group) - STAKEHOLDER_GROUPS.indexOf(b.group);
  return { placements, report: { k, merged: merged.sort(order), withheld: withheld.sort(order) } };
}
