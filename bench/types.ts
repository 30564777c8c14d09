/** One figure a bench reports; `ratio` compares it with a baseline measured in the same run. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  ratio?: number;
  note?: string;
}

/** A bench module: bench/run.ts runs every module in its list and prints their figures. */
export interface Bench {
  name: string;
  run(): Promise<BenchFigure[]> | BenchFigure[];
}
