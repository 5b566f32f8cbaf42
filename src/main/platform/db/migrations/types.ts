// Shape of one schema step; the list in index.ts is append-only.
export interface Migration {
  /** Equals the `user_version` after this step; versions are 1, 2, 3… without gaps. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
