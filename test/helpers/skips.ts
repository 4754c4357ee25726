// The only two ways a test may skip, each labelled so scripts/run-tests.mjs can sort them:
// - by design: the test is about the other database engine (`onlyOn`);
// - a missing system tool (`requireTool`): locally a skip, and the runner prints the install
//   command once at the end; under SHIPDOCK_REQUIRE_TOOLS=1 (set by .ci/run) or CI a failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';

/** Skip messages the runner recognises (keep in step with scripts/run-tests.mjs). */
export const BY_DESIGN = 'by design:';
export const MISSING_TOOL = 'missing tool:';

export const toolsRequired = () => Boolean(process.env.SHIPDOCK_REQUIRE_TOOLS || process.env.CI);

/** `{ skip: onlyOn('sqlite', '...') }`: false on that engine, a by-design skip reason on the other. */
export function onlyOn(engine: 'sqlite' | 'postgres', why: string): string | false {
  const onPostgres = Boolean(process.env.DATABASE_URL);
  if ((engine === 'postgres') === onPostgres) return false;
  return `${BY_DESIGN} ${engine === 'sqlite' ? 'embedded database (SQLite) only' : 'PostgreSQL only (set DATABASE_URL)'}: ${why}`;
}

const found = new Map<string, boolean>();
const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Skip message `missing tool: <command> [<debian package>]`, or a failure when tools are required. */
function missing(t: TestContext, what: string, debianPackage: string): false {
  const message = `${MISSING_TOOL} ${what} [${debianPackage}]`;
  if (toolsRequired()) assert.fail(`${message}: SHIPDOCK_REQUIRE_TOOLS/CI is set, so tests must not skip (apt-get install ${debianPackage})`);
  t.skip(message);
  return false;
}

/** True when `command` is on the PATH; otherwise skips (locally) or fails (CI) the test. */
export function requireTool(t: TestContext, command: string, debianPackage: string): boolean {
  if (!found.has(command)) found.set(command, onPath(command));
  return found.get(command)! || missing(t, command, debianPackage);
}

/** True when the executable file exists (Chromium at a fixed path); otherwise as `requireTool`. */
export function requireExecutable(t: TestContext, path: string, debianPackage: string): boolean {
  return existsSync(path) || missing(t, path, debianPackage);
}
