/**
 * Who used the cores during a run: CPU seconds per process group, from /proc (Linux only; elsewhere the
 * breakdown is empty). Processes alive at the end of the window are counted (a database backend that closed
 * during it is not: the app's pools keep theirs open); the machine's total busy time is in `/proc/stat`.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ, 100 on every Linux we run on (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** CPU ticks per pid, with each pid's command name, and the machine's busy/total ticks. */
export interface CpuSnapshot {
  at: number;
  processes: Map<number, { name: string; parent: number; ticks: number }>;
  machine?: { busy: number; total: number };
}

export function snapshotCpu(): CpuSnapshot {
  const processes = new Map<number, { name: string; parent: number; ticks: number }>();
  let machine: CpuSnapshot['machine'];
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const name = stat.slice(stat.indexOf('(') + 1, close);
        const fields = stat.slice(close + 2).split(' ');
        // Fields after the name: state(0) ppid(1) … utime(11) stime(12).
        processes.set(Number(entry), { name, parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // The process ended while we looked.
      }
    }
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = cpu[3] + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    machine = { busy: total - idle, total };
  } catch {
    // Not Linux.
  }
  return { at: Date.now(), processes, machine };
}

/**
 * CPU seconds per group between two snapshots; `groups` maps a label to a test on (pid, parent pid, command
 * name), tried in order. What no group takes is `other`: other work on the machine.
 */
export function cpuBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  groups: Record<string, (pid: number, parent: number, name: string) => boolean>,
): { seconds: number; byGroup: Record<string, number>; machineBusy?: number } {
  const seconds = (after.at - before.at) / 1000;
  const byGroup: Record<string, number> = Object.fromEntries([...Object.keys(groups), 'other'].map((g) => [g, 0]));
  for (const [pid, now] of after.processes) {
    // A process born during the window (a new database connection) counts from zero. A pid's ticks go on
    // across exec, so a changed name is the same process.
    const start = before.processes.get(pid)?.ticks ?? 0;
    const label = Object.keys(groups).find((g) => groups[g](pid, now.parent, now.name)) ?? 'other';
    byGroup[label] += (now.ticks - start) / TICKS_PER_SECOND;
  }
  let machineBusy: number | undefined;
  if (before.machine && after.machine) {
    machineBusy = (after.machine.busy - before.machine.busy) / Math.max(1, after.machine.total - before.machine.total);
    // Short-lived processes (another program's test run, say) are missing from the per-pid view: "other" is
    // whatever the machine did beyond our groups (kernel threads included).
    const ours = Object.entries(byGroup).reduce((sum, [g, s]) => (g === 'other' ? sum : sum + s), 0);
    byGroup.other = Math.max(0, (after.machine.busy - before.machine.busy) / TICKS_PER_SECOND - ours);
  }
  return { seconds, byGroup, machineBusy };
}
