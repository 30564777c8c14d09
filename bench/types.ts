/**
 * One figure a bench reports. `baseline` is the same figure for the floor (or the reference)
 * measured in the same run, and `ratio` compares the two; `detail` goes to the JSON record only.
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  note?: string;
  detail?: unknown;
  /** Already shown in the bench's own table: run.ts does not print it again. */
  inTable?: boolean;
}

/** A bench module: bench/run.ts runs every module in its list and prints their figures. */
export interface Bench {
  name: string;
  run(): Promise<BenchFigure[]> | BenchFigure[];
}
