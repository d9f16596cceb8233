// Shared by the benchmarks: repeat an operation and print its timings as a table.

export interface Timing {
  runs: number;
  min: number;
  median: number;
  max: number;
}

/** Runs `fn` once to warm up, then `runs` times; times in milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs = 20): Promise<Timing> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { runs, min: times[0]!, median: times[Math.floor(runs / 2)]!, max: times[runs - 1]! };
}

export function report(rows: Array<[string, Timing]>): void {
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${"".padEnd(width)}  median ms     min ms     max ms  runs`);
  for (const [name, t] of rows) {
    const ms = (v: number) => v.toFixed(1).padStart(9);
    console.log(`${name.padEnd(width)}  ${ms(t.median)}  ${ms(t.min)}  ${ms(t.max)}  ${t.runs}`);
  }
}
