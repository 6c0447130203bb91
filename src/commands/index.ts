import type { Command } from './_command.ts';
import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';
import { extractCommand } from './extract.ts';
import { factsCommand } from './facts.ts';
import { ingestCommand } from './ingest.ts';
import { reportCommand } from './report.ts';
import { syncCommand } from './sync.ts';

/** Every command, in the order `hashledger --help` lists them. */
export const COMMANDS: readonly Command[] = [
  syncCommand,
  ingestCommand,
  extractCommand,
  factsCommand,
  checkCommand,
  reportCommand,
  buildCommand,
];
