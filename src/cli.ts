/**
 * `shallow-net`: the engine on the command line, for scripts and CI.
 * Bad input or options: exit 2 and one line on stderr beginning `error:`; so is a CSV that
 * needs more memory than the command thread may use (cli/commandThread.ts).
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { isShallowNetError } from './engine/errors';
import { helpText, parseArgs, UsageError } from './cli/args';
import { COMMANDS, MAIN_HELP } from './cli/commands';
import { commandThreadArgv, startCommandThread, useProcessDescriptors } from './cli/commandThread';
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

/** The command and its failure as the person sees it: one `error:` line and the exit status. */
function runCommand(argv: readonly string[]): void {
  try {
    main(argv);
  } catch (e) {
    if (e instanceof ExitError || e instanceof UsageError || isShallowNetError(e)) {
      process.stderr.write(`error: ${e.message.replace(/\n/g, ' ')}\n`);
      process.exitCode = e instanceof ExitError ? e.code : 2;
    } else {
      process.stderr.write(`error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  }
}

// This one bundle is both the process's entry and its command thread (cli/commandThread.ts).
const threadArgv = isMainThread ? undefined : commandThreadArgv(workerData);
if (isMainThread) startCommandThread(__filename, process.argv.slice(2));
else if (threadArgv) {
  useProcessDescriptors();
  runCommand(threadArgv);
}
