import type { Command } from './_command.ts';

/** Placeholder until the check command lands. */
export const checkCommand: Command = {
  name: 'check',
  summary: '(not yet available)',
  help: 'hashledger check: not yet available in this build.',
  options: {},
  async run(_args, io) {
    io.stderr('hashledger check: not yet available in this build\n');
    return 2;
  },
};
