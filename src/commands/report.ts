import type { Command } from './_command.ts';

/** Placeholder until the report command lands. */
export const reportCommand: Command = {
  name: 'report',
  summary: '(not yet available)',
  help: 'hashledger report: not yet available in this build.',
  options: {},
  async run(_args, io) {
    io.stderr('hashledger report: not yet available in this build\n');
    return 2;
  },
};
