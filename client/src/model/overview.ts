/**
 * The overview's chain × zone matrix. Chains are rows and the seven zones columns: that
 * fits 1280 px without scrolling sideways, and a leader reads down a column for a zone or
 * along a row for a chain. Pure, so sorting is tested without a browser.
 */
import type { ChainFigures, FirmRef, ZoneSummary } from "../../../server/model/api";

export interface MatrixCell {
  zoneId: string;
  chainId: string;
  rank: number;
  /** As the server counts them: completeness, segments by status, gap segments. */
  figures: ChainFigures;
  leaders: FirmRef[];
}

export interface MatrixRow {
  chainId: string;
  chainName: string;
  cells: Record<string, MatrixCell | undefined>;
  /** Lowest completeness over the zones that lead this chain. */
  weakest: number;
  /** Gap segments summed over those zones. */
  gaps: number;
  /** Default order: by the first zone that leads the chain, then by that zone's rank. */
  order: number;
}

export interface OverviewMatrix {
  zones: Pick<ZoneSummary, "id" | "name" | "shortName">[];
  rows: MatrixRow[];
}

export type MatrixSortKey = "default" | "weakest" | "gaps" | `zone:${string}`;
export type SortOrder = "ascend" | "descend";

export function buildOverviewMatrix(
  zones: readonly ZoneSummary[],
  chainNames: ReadonlyMap<string, string> = new Map(),
): OverviewMatrix {
  const rows = new Map<string, MatrixRow>();
  zones.forEach((zone, zoneIndex) => {
    for (const chain of [...zone.chains].sort((a, b) => a.rank - b.rank)) {
      const row =
        rows.get(chain.id) ??
        ({
          chainId: chain.id,
          chainName: chainNames.get(chain.id) ?? chain.name,
          cells: {},
          weakest: 1,
          gaps: 0,
          order: zoneIndex * 10 + chain.rank,
        } satisfies MatrixRow);
      const cell: MatrixCell = {
        zoneId: zone.id,
        chainId: chain.id,
        rank: chain.rank,
        figures: chain.figures,
        leaders: chain.leaders,
      };
      row.cells[zone.id] = cell;
      row.weakest = Math.min(row.weakest, chain.figures.completeness);
      row.gaps += chain.figures.gapSegments;
      rows.set(chain.id, row);
    }
  });
  return {
    zones: zones.map(({ id, name, shortName }) => ({ id, name, shortName })),
    rows: [...rows.values()].sort((a, b) => a.order - b.order),
  };
}

/**
 * Sorted copy of the rows. Rows without a cell in the sorted zone always go last, in
 * either direction: an empty cell is "not a leading chain here", not "0 %".
 */
export function sortRows(rows: readonly MatrixRow[], key: MatrixSortKey, order: SortOrder = "ascend"): MatrixRow[] {
  const sign = order === "ascend" ? 1 : -1;
  const value = (row: MatrixRow): number | undefined => {
    if (key === "default") return row.order;
    if (key === "weakest") return row.weakest;
    if (key === "gaps") return row.gaps;
    return row.cells[key.slice("zone:".length)]?.figures.completeness;
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) return va === vb ? a.order - b.order : va === undefined ? 1 : -1;
    return sign * (va - vb) || a.order - b.order;
  });
}

export function parseSortKey(value: string | null, zoneIds: readonly string[]): MatrixSortKey {
  if (value === "weakest" || value === "gaps") return value;
  if (value?.startsWith("zone:") && zoneIds.includes(value.slice(5))) return value as MatrixSortKey;
  return "default";
}

export type CompletenessBand = "low" | "mid" | "high";

export function completenessBand(ratio: number): CompletenessBand {
  return ratio < 0.5 ? "low" : ratio < 0.8 ? "mid" : "high";
}
