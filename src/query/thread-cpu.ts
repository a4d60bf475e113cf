// The CPU time of the calling thread, for the slice watch: what a piece of work cost the event loop's thread,
// without the garbage collector's helper threads and without the time other processes had the core.
import { openSync, readSync } from "node:fs";

/** Linux's per-thread scheduler figures: the first is the thread's time on a CPU, in nanoseconds. */
const SCHEDSTAT = "/proc/thread-self/schedstat";

let schedstat: number | null | undefined;
const buffer = Buffer.alloc(96);

/**
 * Milliseconds of CPU time the calling thread has used, read from /proc/thread-self/schedstat (one read of an open
 * file, a few microseconds). Where that file does not exist, the whole process's CPU time (process.cpuUsage), which
 * also counts its other threads. Only differences between two readings mean anything.
 */
export function threadCpuMs(): number {
  if (schedstat === undefined) {
    try {
      schedstat = openSync(SCHEDSTAT, "r");
    } catch {
      schedstat = null;
    }
  }
  if (schedstat !== null) {
    const length = readSync(schedstat, buffer, 0, buffer.length, 0);
    const end = buffer.indexOf(32);
    return Number(buffer.toString("latin1", 0, end > 0 && end < length ? end : length)) / 1e6;
  }
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
