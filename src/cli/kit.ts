// What every CLI command shares: the lazily opened database, `--account` and `--json`, and the
// rule that a handler returns what it did (text for people, an object for scripts) and never prints.
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database, type Db } from '../db/index.ts';
import { DEFAULT_ACCOUNT_ID } from '../domain/accounts/bootstrap.ts';
import { DomainError } from '../domain/errors.ts';

/** What a command did: `text` lines for a terminal, `json` for `--json` (secrets only where `text` shows them). */
export interface Output {
  text: string | string[];
  json: unknown;
}

export type Print = (line: string) => void;

/** What a handler gets: the database (opened on first use, so `--help` needs none) and the time. */
export interface Session {
  db(): Promise<Db>;
  /** The `--account` id (default account when absent), refused unless the account exists. */
  account(id: number | undefined): Promise<number>;
  now(): string;
}

/** Everything a command group registers itself with. */
export interface Cli {
  /** A command group such as `keys`: its subcommands come from `cli.command(group, ...)`. */
  group(name: string, description: string): Command;
  /** A subcommand with `--json`; its action is `cli.run(handler)`. */
  command(group: Command, nameAndArgs: string, description: string): Command;
  /** Wraps a handler `(session, ...positionals, options) => Output` into a commander action. */
  run<A extends unknown[]>(handler: (session: Session, ...args: A) => Promise<Output>): (...args: unknown[]) => Promise<void>;
}

/** A usage error found by a command itself (commander's own are reported the same way). */
export const usage = (message: string) => new DomainError('validation', message);

/** commander argument parser: a whole number >= 1 (ids). */
export function positiveInt(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number such as 2.');
  return Number(value);
}

/** commander argument parser: a whole number >= 0 (counts, seeds; the domain checks ranges). */
export function wholeNumber(value: string): number {
  if (!/^\d{1,10}$/.test(value)) throw new InvalidArgumentError('expected a whole number such as 100.');
  return Number(value);
}

/** `--account <id>`, shared by every per-account command. */
export const accountOption = () => new Option('--account <id>', `account id (default ${DEFAULT_ACCOUNT_ID})`).argParser(positiveInt);

/** `se-3` or `3` → 3. */
export function seId(what: string, value: string): number {
  const id = /^(?:se-)?(\d{1,9})$/.exec(value)?.[1];
  if (!id) throw usage(`${what} must look like se-3, not ${value}`);
  return Number(id);
}

export function createSession(env: NodeJS.ProcessEnv): Session & { close(): Promise<void> } {
  let database: Promise<Database> | undefined;
  const db = async () => {
    database ??= openDatabase((({ databaseUrl, dataDir }) => ({ databaseUrl, dataDir }))(loadConfig(env)));
    return (await database).db;
  };
  return {
    db,
    now: () => new Date().toISOString(),
    async account(id) {
      const accountId = id ?? DEFAULT_ACCOUNT_ID;
      const row = await (await db()).selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
      if (!row) throw new DomainError('not_found', `account ${accountId} does not exist (see: shipdock accounts list)`);
      return accountId;
    },
    async close() {
      if (database) await (await database.catch(() => null))?.close();
    },
  };
}

export function createCli(program: Command, session: Session, print: Print): Cli {
  return {
    group: (name, description) => program.command(name).description(description),
    command: (group, nameAndArgs, description) => group.command(nameAndArgs).description(description).option('--json', 'print the result as JSON'),
    run: (handler) => async (...args) => {
      const command = args.at(-1) as Command;
      const result = await handler(session, ...(args.slice(0, -1) as never));
      if (command.opts().json) print(JSON.stringify(result.json, null, 2));
      else for (const line of [result.text].flat()) print(line);
    },
  };
}
