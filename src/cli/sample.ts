/** `shallow-net sample`: a seeded sample data set (the lesson's flower, XOR, circles, …) as a CSV. */
import { SAMPLES, SAMPLE_KINDS, TRIG_NAMES, generateSample, isSampleKind, sampleCsv, type RngName, type TrigName } from '../engine/samples';
import { flagOpt, numberOpt, stringOpt, type CommandSpec, type ParsedArgs } from './args';
import { ExitError, type CliCommand } from './common';
import { FORCE_OPTION, checkDestination, writeAtomic } from './safeWrite';

const kinds = SAMPLE_KINDS.join('|');

const spec: CommandSpec = {
  name: 'sample',
  usage: `shallow-net sample ${kinds} [options] --out FILE.csv`,
  summary:
    'Write a seeded sample data set (x1, x2, label) as a CSV. The flower is the lesson\'s planar data set; ' +
    'with its defaults (seed 1, numpy\'s stream) it is the lesson\'s 400 points.\n\n' +
    SAMPLES.map((s) => `  ${s.kind.padEnd(8)} ${s.description} (default noise ${s.noise})`).join('\n'),
  positionals: ['KIND'],
  options: [
    { name: 'rows', kind: 'int', metavar: 'N', help: 'number of rows (default 400)' },
    { name: 'noise', kind: 'number', metavar: 'F', help: "noise: the Gaussian noise's standard deviation (default per kind)" },
    { name: 'classes', kind: 'int', metavar: 'K', help: 'blobs only: number of classes, 2 to 4 (default 3)' },
    { name: 'seed', kind: 'int', metavar: 'N', help: 'random seed (default 1)' },
    { name: 'rng', kind: 'string', choices: ['default', 'numpy'], help: "random stream; numpy = np.random.seed's (default: numpy for the flower)" },
    {
      name: 'trig',
      kind: 'string',
      choices: [...TRIG_NAMES],
      help: "the flower's sin and cos: svml = numpy 1.22-1.24 on AVX-512, as the lesson's flower.csv was made; libm = numpy >= 1.25 or without AVX-512 (default: svml with numpy's stream)",
    },
    { name: 'out', kind: 'string', metavar: 'FILE.csv', help: 'the CSV to write, a new file unless --force (required)' },
    FORCE_OPTION,
  ],
};

function sample(a: ParsedArgs): void {
  const kind = a.positionals[0];
  if (!isSampleKind(kind)) throw new ExitError(`unknown sample "${kind}" (samples: ${SAMPLE_KINDS.join(', ')})`, 2);
  const out = stringOpt(a, 'out');
  if (!out) throw new ExitError(`sample needs --out FILE.csv (usage: ${spec.usage})`, 2);
  const force = flagOpt(a, 'force');
  checkDestination(out, { force });
  const rows = numberOpt(a, 'rows');
  const noise = numberOpt(a, 'noise');
  const classes = numberOpt(a, 'classes');
  const seed = numberOpt(a, 'seed');
  const rng = stringOpt(a, 'rng') as RngName | undefined;
  const trig = stringOpt(a, 'trig') as TrigName | undefined;
  const table = generateSample(kind, {
    ...(rows === undefined ? {} : { rows }),
    ...(noise === undefined ? {} : { noise }),
    ...(classes === undefined ? {} : { classes }),
    ...(seed === undefined ? {} : { seed }),
    ...(rng === undefined ? {} : { rng }),
    ...(trig === undefined ? {} : { trig }),
  });
  writeAtomic(out, sampleCsv(table), { force });
  const classNames = [...new Set(table.rows.map((r) => r[2]))].sort();
  process.stderr.write(`wrote ${table.rows.length} rows of ${kind} (classes ${classNames.join(', ')}) to ${out}\n`);
}

export const SAMPLE: CliCommand = { spec, run: sample };
