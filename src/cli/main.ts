import { Command, CommanderError } from 'commander';
import { describeError, EXIT_CODES, ReproError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerInit } from './commands/init.js';
import { registerLint } from './commands/lint.js';
import { registerReport } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerStats } from './commands/stats.js';

/** The command table. Each command lives in its own file under commands/. */
export function buildProgram(): Command {
  const program = new Command('repro')
    .description('Reproduce computational experiments and test their results with sound statistics.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerInit(program);
  registerRun(program);
  registerLint(program);
  registerReport(program);
  registerStats(program);
  return program;
}

/** Runs the CLI and maps every error to an exit code: the one place that does. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander has already printed its message (or the help / version text).
    return err.exitCode === 0 ? 0 : EXIT_CODES.input;
  }
  if (err instanceof ReproError) {
    process.stderr.write(`error: ${err.message}\n`);
    if (err.hint) process.stderr.write(`hint: ${err.hint}\n`);
    return EXIT_CODES[err.kind];
  }
  process.stderr.write(`internal error: ${describeError(err)}\n`);
  if (err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return EXIT_CODES.internal;
}
