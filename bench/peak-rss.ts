import { readFileSync } from 'node:fs';

/**
 * The peak resident set (MB) of the running program, for the memory probes: Linux's VmHWM, which
 * starts afresh at exec. Not `process.resourceUsage().maxRSS`: that one outlives exec, so a probe
 * spawned by a bench process reports the bench's own peak whenever that was higher (a child of a
 * process holding 300 MB reads maxRSS 304 MB, VmHWM 40 MB). Elsewhere than Linux, maxRSS it is.
 */
export function peakRssMb(): number {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    if (line) return Number(line.replace(/\D+/g, '')) / 1024;
  } catch {
    // no procfs: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}
