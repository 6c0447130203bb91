import type { Command } from './_command.ts';

/** Placeholder until the sync command lands. */
export const syncCommand: Command = {
  name: 'sync',
  summary: '(not yet available)',
  help: 'hashledger sync: not yet available in this build.',
  options: {},
  async run(_args, io) {
    io.stderr('hashledger sync: not yet available in this build\n');
    return 2;
  },
};
