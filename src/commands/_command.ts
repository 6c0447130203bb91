import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass buffers, the CLI passes the process streams. */
export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stderr is a terminal: progress bars are drawn only then */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** One CLI command; each lives in its own file under commands/ and is listed in commands/index.ts. */
export interface Command {
  name: string;
  summary: string;
  /** usage line(s) and examples shown by `hashledger <command> --help` */
  help: string;
  options: Options;
  allowPositionals?: boolean;
  run(args: ParsedArgs, io: CommandIo): Promise<number>;
}

/** Options every command that touches the database accepts. */
export const DB_OPTIONS: Options = {
  db: { type: 'string' },
};

export function str(v: ParsedArgs['values'][string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** `--company A --company B` and `--company A,B` both give [A, B]. */
export function list(v: ParsedArgs['values'][string]): string[] {
  const arr = Array.isArray(v) ? v : v === undefined || typeof v === 'boolean' ? [] : [v];
  return arr.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
}

/** Exit codes: 0 ok, 1 some input failed (the rest done), 2 usage error. */
export const EXIT = { ok: 0, partial: 1, usage: 2 } as const;
