// `shipdock`: administration commands against the configured database (same environment as the
// server). Exit codes: 0 done (and --help, --version), 2 bad input (one line on stderr), 1 anything else.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { COMMAND_GROUPS } from './commands.ts';
import { createCli, createSession, type Print } from './kit.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** One line, never a stack: commander's messages start "error: " and may add a second "(Did you mean ...?)" line. */
const oneLine = (message: string) => `shipdock: ${message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim()}`;

function buildProgram(print: Print, printError: Print, session: ReturnType<typeof createSession>): Command {
  const program = new Command('shipdock')
    .description('Shipdock administration: accounts, API keys, tags, shipping rules and sandbox controls.\nWorks on the database the server uses (DATABASE_URL or SHIPDOCK_DATA_DIR).')
    .version(version, '-V, --version', 'print the Shipdock version')
    .helpCommand('help [command]', 'help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => print(text.replace(/\n$/, '')),
      writeErr: (text) => printError(text.replace(/\n$/, '')),
      outputError: (text) => printError(oneLine(text)),
    })
    .showSuggestionAfterError(true);
  const cli = createCli(program, session, print);
  for (const register of COMMAND_GROUPS) register(cli);
  // Groups inherit the settings above; a group given without its subcommand shows its help (exit 2).
  return program;
}

export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: Print = console.log,
  printError: Print = console.error,
): Promise<number> {
  const session = createSession(env);
  try {
    await buildProgram(print, printError, session).parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    // --help, --version and `help` end with exit code 0; a usage error commander already printed.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof DomainError || error instanceof ConfigError) {
      printError(oneLine(error.message));
      return 2;
    }
    printError(oneLine(`unexpected error: ${(error as Error)?.message ?? String(error)}`));
    return 1;
  } finally {
    await session.close();
  }
}
