/** Latency percentiles and the result table the benchmark prints. */

/** p50 / p95 / p99 / max of a set of latencies, in milliseconds (`NaN` when there were none). */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles: every figure is a latency that was actually observed. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

/** One line of the result table: one system under test, one run. */
export interface RunResult {
  name: string;
  /** Messages posted in the measured window. */
  sent: number;
  /** Posts answered 200. */
  acked: number;
  /** Posts answered otherwise, or that failed at the socket. */
  errors: number;
  /** Replies the fake platforms recorded for the measured messages. */
  replies: number;
  /** Messages whose chat got fewer replies than messages (summed over chats). */
  lost: number;
  /** Replies beyond one per message (summed over chats). */
  duplicated: number;
  /** Replies per second, from the first post to the last reply. */
  throughput: number;
  ack: Percentiles;
  e2e: Percentiles;
  /** How late the generator fired, p99 (ms): a sanity check that the load was really open-loop on schedule. */
  lateP99: number;
}

const COLUMNS: { head: string; cell: (r: RunResult) => string }[] = [
  { head: 'system', cell: (r) => r.name },
  { head: 'sent', cell: (r) => String(r.sent) },
  { head: 'acked', cell: (r) => String(r.acked) },
  { head: 'replies', cell: (r) => String(r.replies) },
  { head: 'lost', cell: (r) => String(r.lost) },
  { head: 'dup', cell: (r) => String(r.duplicated) },
  { head: 'msg/s', cell: (r) => r.throughput.toFixed(1) },
  { head: 'ack p50', cell: (r) => ms(r.ack.p50) },
  { head: 'p95', cell: (r) => ms(r.ack.p95) },
  { head: 'p99', cell: (r) => ms(r.ack.p99) },
  { head: 'e2e p50', cell: (r) => ms(r.e2e.p50) },
  { head: 'p95', cell: (r) => ms(r.e2e.p95) },
  { head: 'p99', cell: (r) => ms(r.e2e.p99) },
];

function ms(value: number): string {
  if (Number.isNaN(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** The results as a Markdown table (readable in a terminal, pasteable into the README). */
export function formatTable(rows: readonly RunResult[]): string {
  const cells = [COLUMNS.map((c) => c.head), ...rows.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
