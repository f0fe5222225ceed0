/**
 * `shallow-net`: the engine on the command line, for scripts and CI.
 * Bad input or options: exit 2 and one line on stderr beginning `error:`.
 */
import { isShallowNetError } from './engine/errors';
import { helpText, parseArgs, UsageError } from './cli/args';
import { COMMANDS, MAIN_HELP } from './cli/commands';
import { ExitError } from './cli/common';

export function main(argv: readonly string[]): void {
  const [name, ...rest] = argv;
  if (name === undefined) throw new ExitError('no command given; run "shallow-net --help" for the commands', 2);
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(MAIN_HELP + '\n');
    return;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) throw new ExitError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.spec.name).join(', ')})`, 2);
  const a = parseArgs(command.spec, rest);
  if (a.help) {
    process.stdout.write(helpText(command.spec) + '\n');
    return;
  }
  command.run(a);
}

// A reader that closes the pipe early (`shallow-net train … | head`) has all it wants: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof ExitError || e instanceof UsageError || isShallowNetError(e)) {
    process.stderr.write(`error: ${e.message.replace(/\n/g, ' ')}\n`);
    process.exitCode = e instanceof ExitError ? e.code : 2;
  } else {
    process.stderr.write(`error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
