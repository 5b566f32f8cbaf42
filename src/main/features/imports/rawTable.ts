// The common shape every reader produces: rows of text cells, each with the line it came from.
export interface RawRow {
  /** 1-based line (CSV/NDJSON), sheet row (XLSX) or item number (JSON array). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface RawTable {
  /** Rows including any title lines above the header; header detection happens afterwards. */
  readonly rows: readonly RawRow[];
  /** Set when the format names its columns itself (JSON keys), so no header row is searched for. */
  readonly headers?: readonly string[];
}
