import autocannon, { type Options } from "autocannon";

/** What one load run measured: throughput, latency percentiles (ms) over every response, failures. */
export interface RunResult {
  label: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statuses: string;
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Runs autocannon and computes p50/p95/p99 from every response time itself (autocannon's summary
 * has no p95). Errors (connection failures, timeouts) are counted apart from non-2xx answers.
 * `onResponse` gets each response time too (in order: with one connection, the n-th response
 * answers the n-th request built).
 */
export function run(label: string, options: Options, onResponse?: (ms: number) => void): Promise<RunResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      const statuses = Object.entries(result.statusCodeStats)
        .map(([code, s]) => `${code}×${s.count}`)
        .join(" ");
      resolve({
        label,
        connections: options.connections ?? 10,
        seconds: result.duration,
        requests: latencies.length,
        rps: latencies.length / result.duration,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1] ?? NaN,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        statuses,
      });
    });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      onResponse?.(responseTime);
    });
  });
}

export const ms = (v: number) => (Number.isNaN(v) ? "-" : v < 10 ? v.toFixed(1) : v.toFixed(0));

/** Prints results as a Markdown table (pasteable into bench/README.md). */
export function printTable(results: RunResult[]): void {
  console.log("\n| scenario | conns | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors | statuses |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.connections} | ${r.requests} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.non2xx} | ${r.errors} | ${r.statuses} |`,
    );
  }
}
