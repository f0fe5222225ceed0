/**
 * A small, strict argument parser for the `shallow-net` command line: every option is
 * declared with its kind, unknown options and bad values are errors (exit 2), `--help`
 * prints the command's usage.
 */

export type OptionKind = 'string' | 'int' | 'number' | 'flag';

export interface OptionSpec {
  readonly name: string;
  readonly kind: OptionKind;
  readonly metavar?: string;
  readonly help: string;
  readonly choices?: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Names of the positional arguments, all required. */
  readonly positionals: readonly string[];
  readonly options: readonly OptionSpec[];
}

export type OptionValue = string | number | boolean;

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: ReadonlyMap<string, OptionValue>;
  readonly help: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = new Map<string, OptionValue>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const opt = spec.options.find((o) => o.name === name);
      if (!opt) throw new UsageError(`unknown option --${name} for "${spec.name}" (see shallow-net ${spec.name} --help)`);
      if (opt.kind === 'flag') {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`);
        options.set(name, true);
        continue;
      }
      const raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (raw === undefined) throw new UsageError(`--${name} needs a value (${opt.metavar ?? opt.kind})`);
      options.set(name, convert(opt, raw));
      continue;
    }
    positionals.push(arg);
  }
  if (!help) {
    if (positionals.length < spec.positionals.length) {
      throw new UsageError(`missing ${spec.positionals.slice(positionals.length).join(' and ')} (usage: ${spec.usage})`);
    }
    if (positionals.length > spec.positionals.length) {
      throw new UsageError(`unexpected argument "${positionals[spec.positionals.length]}" (usage: ${spec.usage})`);
    }
  }
  return { positionals, options, help };
}

function convert(opt: OptionSpec, raw: string): OptionValue {
  if (opt.kind === 'string') {
    if (opt.choices && !opt.choices.includes(raw)) {
      throw new UsageError(`--${opt.name} must be one of ${opt.choices.join(', ')}, not "${raw}"`);
    }
    return raw;
  }
  const n = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n)) throw new UsageError(`--${opt.name} must be a number, not "${raw}"`);
  if (opt.kind === 'int' && !Number.isInteger(n)) throw new UsageError(`--${opt.name} must be a whole number, not "${raw}"`);
  return n;
}

export function helpText(spec: CommandSpec): string {
  const width = Math.max(...spec.options.map((o) => optionLabel(o).length), 10);
  const lines = [`usage: ${spec.usage}`, '', spec.summary, ''];
  if (spec.options.length) {
    lines.push('options:');
    for (const o of spec.options) lines.push(`  ${optionLabel(o).padEnd(width)}  ${o.help}`);
    lines.push(`  ${'--help'.padEnd(width)}  show this help`);
  }
  return lines.join('\n');
}

function optionLabel(o: OptionSpec): string {
  if (o.kind === 'flag') return `--${o.name}`;
  return `--${o.name} ${o.choices ? o.choices.join('|') : (o.metavar ?? o.kind.toUpperCase())}`;
}

export function stringOpt(a: ParsedArgs, name: string): string | undefined {
  const v = a.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function numberOpt(a: ParsedArgs, name: string): number | undefined {
  const v = a.options.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function flagOpt(a: ParsedArgs, name: string): boolean {
  return a.options.get(name) === true;
}
