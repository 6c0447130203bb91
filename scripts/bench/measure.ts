import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const nowMs = (): number => performance.now();

/** Samples this process's RSS (worker threads included) every `everyMs` until stopped. */
export function rssSampler(everyMs = 25): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export interface ChildRun {
  code: number | null;
  wallMs: number;
  /** peak RSS of the child in bytes, from /usr/bin/time -v when present */
  peakRssBytes?: number;
  /** user + system CPU seconds of the child (and its threads), from /usr/bin/time -v */
  cpuSeconds?: number;
  stdout: string;
  stderr: string;
}

/** Runs a command as a child, timing it and, where /usr/bin/time exists, reading its peak RSS. */
export function runTimed(cmd: string, args: string[], env: Record<string, string> = {}): Promise<ChildRun> {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const [file, argv] = timeBin ? [timeBin, ['-v', cmd, ...args]] : [cmd, args];
  const start = nowMs();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = nowMs() - start;
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
      const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
      resolve({
        code,
        wallMs,
        ...(kb ? { peakRssBytes: Number(kb) * 1024 } : {}),
        ...(user && sys ? { cpuSeconds: Number(user) + Number(sys) } : {}),
        stdout,
        stderr,
      });
    });
  });
}

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** A Markdown table from a header and rows of cells. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
