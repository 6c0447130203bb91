/**
 * hashledger command line. Thin: flags → library calls. The pipeline it drives:
 *   source (EDGAR, IR, local) → raw store → parse → extract → validate → SQLite → reconcile → report
 * Expected failures print `Name: message` on one line (no stack); anything else is a bug and
 * prints its stack.
 */
import { parseArgs } from 'node:util';
import { HashledgerError } from './errors.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT, type CommandIo } from './commands/_command.ts';

const VERSION = '0.1.0';

function usage(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return `hashledger ${VERSION} — bitcoin miners' production, treasury sales and costs, from their filings

Usage: hashledger <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`).join('\n')}

Run \`hashledger <command> --help\` for a command's options and examples.
Environment: HASHLEDGER_DB (database file, default data/hashledger.db),
HASHLEDGER_USER_AGENT (required for SEC requests: "hashledger/0.1 you@example.com").
`;
}

export async function main(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? `${topic.help}\n` : usage());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`hashledger: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  let args;
  try {
    args = parseArgs({ args: rest, options: command.options, allowPositionals: command.allowPositionals ?? false, strict: true });
  } catch (err) {
    io.stderr(`hashledger ${command.name}: ${(err as Error).message}\n(see hashledger ${command.name} --help)\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(args as Parameters<typeof command.run>[0], io);
  } catch (err) {
    if (err instanceof HashledgerError) {
      io.stderr(`${err.toLine()}\n`);
      return EXIT.partial;
    }
    throw err;
  }
}

function processIo(): CommandIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}
