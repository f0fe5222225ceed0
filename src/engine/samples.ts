/**
 * Sample data sets: seeded generators of two-feature classification tables (x1, x2, label),
 * the lesson's planar "flower" and the classic toy problems of TensorFlow Playground and
 * scikit-learn. The same kind, size, noise and seed always give the same table.
 *
 * The flower is the lesson's `load_planar_dataset`, operation for operation:
 *
 *   np.random.seed(seed); N = m/2; a = 4
 *   for j in 0, 1:
 *     t = np.linspace(j·3.12, (j+1)·3.12, N) + np.random.randn(N)·noise
 *     r = a·np.sin(4t) + np.random.randn(N)·noise
 *     X = [r·sin t, r·cos t], label j
 *
 * With the numpy stream (lesson mode, createNumpyRng) it gives numpy's numbers bit for bit. Which
 * numbers depends on numpy's sin and cos (`trig`): numpy 1.22–1.24 on AVX-512 machines call
 * Intel SVML's (svmlTrig.ts), and that is how the lesson's flower.csv was made, so lesson mode
 * uses them by default; numpy ≥ 1.25, or any numpy without AVX-512, calls libm's correctly
 * rounded ones (`trig: 'libm'`). The two differ by a few ulps in most rows.
 */
import { cos as crCos, sin as crSin } from './correctlyRounded';
import { svmlCos, svmlSin } from './svmlTrig';
import { ShallowNetError } from './errors';
import { pythonFloat } from './floatText';
import { createNumpyRng } from './mt19937';
import { createRng, type Rng } from './random';

export type SampleKind = 'flower' | 'xor' | 'circles' | 'moons' | 'spirals' | 'blobs';
export type RngName = 'default' | 'numpy';
export const RNG_NAMES: readonly RngName[] = ['default', 'numpy'];
/**
 * The flower's sin and cos: 'svml' as numpy 1.22–1.24 on AVX-512 (the lesson's flower.csv),
 * 'libm' correctly rounded (numpy ≥ 1.25, or without AVX-512).
 */
export type TrigName = 'svml' | 'libm';
export const TRIG_NAMES: readonly TrigName[] = ['svml', 'libm'];

export interface SampleInfo {
  kind: SampleKind;
  label: string;
  /** One line for a picker. */
  description: string;
  rows: number;
  noise: number;
  /** Blobs only: how many classes (2 to 4). */
  classes?: number;
  seed: number;
  /** The flower draws from numpy's stream by default, so that it IS the lesson's data. */
  rng: RngName;
}

export const SAMPLES: readonly SampleInfo[] = [
  { kind: 'flower', label: 'Flower', description: "The lesson's planar data set: two classes in eight petals (m = 400, a = 4)", rows: 400, noise: 0.2, seed: 1, rng: 'numpy' },
  { kind: 'xor', label: 'XOR', description: 'Four quadrants, opposite ones alike: no straight line separates them', rows: 400, noise: 0.1, seed: 1, rng: 'default' },
  { kind: 'circles', label: 'Two circles', description: 'An inner ring inside an outer ring', rows: 400, noise: 0.1, seed: 1, rng: 'default' },
  { kind: 'moons', label: 'Two moons', description: 'Two interleaving half circles', rows: 400, noise: 0.1, seed: 1, rng: 'default' },
  { kind: 'spirals', label: 'Two spirals', description: 'Two arms winding around each other: hard for a small network', rows: 400, noise: 0.05, seed: 1, rng: 'default' },
  { kind: 'blobs', label: 'Gaussian blobs', description: 'Two to four round clusters, one a class', rows: 400, noise: 0.6, classes: 3, seed: 1, rng: 'default' },
];

export const SAMPLE_KINDS: readonly SampleKind[] = SAMPLES.map((s) => s.kind);

export function sampleInfo(kind: SampleKind): SampleInfo {
  const info = SAMPLES.find((s) => s.kind === kind);
  if (!info) throw new RangeError(`unknown sample kind ${String(kind)}`);
  return info;
}

export interface SampleOptions {
  rows?: number;
  noise?: number;
  /** Blobs only. */
  classes?: number;
  seed?: number;
  rng?: RngName;
  /** The flower only; default 'svml' with numpy's stream (the lesson's data), else 'libm'. */
  trig?: TrigName;
}

/** A generated table: the header and its rows, every value as text. */
export interface SampleTable {
  header: string[];
  rows: string[][];
}

export const MAX_SAMPLE_ROWS = 1_000_000;
const NUMPY_MAX_SEED = 4294967295;

function bad(what: string, hint: string): ShallowNetError {
  return new ShallowNetError('bad-option', what, {}, hint);
}

/** The options filled with the kind's defaults and checked. */
export function resolveSampleOptions(kind: SampleKind, o: SampleOptions = {}): Required<SampleOptions> {
  const d = sampleInfo(kind);
  const rows = o.rows ?? d.rows;
  const noise = o.noise ?? d.noise;
  const seed = o.seed ?? d.seed;
  const rng = o.rng ?? d.rng;
  const trig = o.trig ?? (rng === 'numpy' ? 'svml' : 'libm');
  if (!TRIG_NAMES.includes(trig)) throw bad(`unknown sin and cos "${String(trig)}"`, `Use ${TRIG_NAMES.join(' or ')}`);
  if (o.trig !== undefined && kind !== 'flower') throw bad(`only the flower takes a choice of sin and cos, not ${kind}`, 'Leave it out');
  if (!Number.isInteger(rows) || rows < 4 || rows > MAX_SAMPLE_ROWS) {
    throw bad(`rows must be a whole number from 4 to ${MAX_SAMPLE_ROWS}, not ${rows}`, `The ${kind} default is ${d.rows}`);
  }
  if (!Number.isFinite(noise) || noise < 0 || noise > 10) {
    throw bad(`noise must be a number from 0 to 10, not ${noise}`, `The ${kind} default is ${d.noise}`);
  }
  if (!RNG_NAMES.includes(rng)) throw bad(`unknown random generator "${String(rng)}"`, `Use ${RNG_NAMES.join(' or ')}`);
  if (rng === 'numpy' ? !Number.isInteger(seed) || seed < 0 || seed > NUMPY_MAX_SEED : !Number.isSafeInteger(seed)) {
    throw bad(
      `the seed must be a whole number${rng === 'numpy' ? ` from 0 to ${NUMPY_MAX_SEED} for numpy's generator` : ''}, not ${seed}`,
      'Any such integer works; the same seed gives the same data',
    );
  }
  let classes = 2;
  if (kind === 'blobs') {
    classes = o.classes ?? d.classes ?? 3;
    if (!Number.isInteger(classes) || classes < 2 || classes > 4) {
      throw bad(`blobs need 2 to 4 classes, not ${classes}`, 'Try 3');
    }
  } else if (o.classes !== undefined && o.classes !== 2) {
    throw bad(`${kind} has two classes; only blobs take a number of classes`, 'Leave the number of classes out, or choose blobs');
  }
  return { rows, noise, classes, seed, rng, trig };
}

/** Generates the sample `kind`; throws a ShallowNetError ('bad-option') for options out of range. */
export function generateSample(kind: SampleKind, options: SampleOptions = {}): SampleTable {
  const o = resolveSampleOptions(kind, options);
  const rng = o.rng === 'numpy' ? createNumpyRng(o.seed) : createRng(o.seed);
  const points = GENERATORS[kind](o.rows, o.noise, o.classes, rng, o.trig === 'svml' ? SVML : LIBM);
  return {
    header: ['x1', 'x2', 'label'],
    rows: points.map(([x1, x2, label]) => [pythonFloat(x1), pythonFloat(x2), label]),
  };
}

/** The table as CSV text: comma-separated, `\n` line ends, a final newline (the lesson's file). */
export function sampleCsv(table: SampleTable): string {
  return [table.header, ...table.rows].map((r) => r.join(',')).join('\n') + '\n';
}

type Point = [number, number, string];
/** The sin and cos a generator computes with where numpy's matter (the flower). */
interface Trig {
  sin(x: number): number;
  cos(x: number): number;
}
const SVML: Trig = { sin: svmlSin, cos: svmlCos };
const LIBM: Trig = { sin: crSin, cos: crCos };
type Generator = (rows: number, noise: number, classes: number, rng: Rng, trig: Trig) => Point[];

/** `np.linspace(start, stop, num)`: i·step + start, the last exactly stop. */
export function linspace(start: number, stop: number, num: number): number[] {
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  const y: number[] = [];
  for (let i = 0; i < num; i++) y.push(i * step + start);
  if (num > 1) y[num - 1] = stop;
  return y;
}

/** How many of `rows` go to class c of k: as even as possible, the first classes one more. */
function share(rows: number, k: number, c: number): number {
  return Math.floor(rows / k) + (c < rows % k ? 1 : 0);
}

const flower: Generator = (rows, noise, _classes, rng, trig) => {
  const a = 4;
  const out: Point[] = [];
  for (let j = 0; j < 2; j++) {
    const n = j === 0 ? Math.floor(rows / 2) : rows - Math.floor(rows / 2);
    // Operation for operation as numpy: all of t's noise is drawn, then all of r's.
    const t = linspace(j * 3.12, (j + 1) * 3.12, n);
    for (let i = 0; i < n; i++) t[i] = t[i] + rng.randn() * noise;
    const r = t.map((ti) => a * trig.sin(4 * ti));
    for (let i = 0; i < n; i++) r[i] = r[i] + rng.randn() * noise;
    for (let i = 0; i < n; i++) out.push([r[i] * trig.sin(t[i]), r[i] * trig.cos(t[i]), String(j)]);
  }
  return out;
};

/** Uniform in [−1, 1]²; the label is 1 when x1 and x2 have different signs; noise moves the points. */
const xor: Generator = (rows, noise, _classes, rng) => {
  const out: Point[] = [];
  for (let i = 0; i < rows; i++) {
    const x1 = 2 * rng.uniform() - 1;
    const x2 = 2 * rng.uniform() - 1;
    const label = (x1 >= 0) !== (x2 >= 0) ? '1' : '0';
    out.push([x1 + noise * rng.randn(), x2 + noise * rng.randn(), label]);
  }
  return out;
};

/** An outer ring of radius 1 and an inner one of radius 0.5, random angles (sklearn's make_circles). */
const circles: Generator = (rows, noise, _classes, rng) => {
  const out: Point[] = [];
  const rings: [number, string][] = [[1, 'outer'], [0.5, 'inner']];
  rings.forEach(([radius, label], c) => {
    for (let i = 0; i < share(rows, 2, c); i++) {
      const angle = 2 * Math.PI * rng.uniform();
      out.push([radius * Math.cos(angle) + noise * rng.randn(), radius * Math.sin(angle) + noise * rng.randn(), label]);
    }
  });
  return out;
};

/** sklearn's make_moons: (cos θ, sin θ) and (1 − cos θ, ½ − sin θ), θ evenly over [0, π]. */
const moons: Generator = (rows, noise, _classes, rng) => {
  const out: Point[] = [];
  for (let c = 0; c < 2; c++) {
    const theta = linspace(0, Math.PI, share(rows, 2, c));
    for (const th of theta) {
      const x1 = c === 0 ? Math.cos(th) : 1 - Math.cos(th);
      const x2 = c === 0 ? Math.sin(th) : 0.5 - Math.sin(th);
      out.push([x1 + noise * rng.randn(), x2 + noise * rng.randn(), String(c)]);
    }
  }
  return out;
};

/** Two arms of 1¾ turns each, the second the first turned by π (TensorFlow Playground's spiral). */
const spirals: Generator = (rows, noise, _classes, rng) => {
  const out: Point[] = [];
  for (let c = 0; c < 2; c++) {
    const n = share(rows, 2, c);
    for (let i = 0; i < n; i++) {
      const radius = i / n;
      const angle = 1.75 * 2 * Math.PI * (i / n) + c * Math.PI;
      out.push([radius * Math.sin(angle) + noise * rng.randn(), radius * Math.cos(angle) + noise * rng.randn(), String(c)]);
    }
  }
  return out;
};

const BLOB_NAMES = ['A', 'B', 'C', 'D'];

/** k round Gaussian clusters (standard deviation = noise) centred evenly on a circle of radius 2. */
const blobs: Generator = (rows, noise, classes, rng) => {
  const out: Point[] = [];
  for (let c = 0; c < classes; c++) {
    const angle = Math.PI / 4 + (2 * Math.PI * c) / classes;
    const cx = 2 * Math.cos(angle);
    const cy = 2 * Math.sin(angle);
    for (let i = 0; i < share(rows, classes, c); i++) {
      out.push([cx + noise * rng.randn(), cy + noise * rng.randn(), BLOB_NAMES[c]]);
    }
  }
  return out;
};

const GENERATORS: Record<SampleKind, Generator> = { flower, xor, circles, moons, spirals, blobs };

export function isSampleKind(v: unknown): v is SampleKind {
  return typeof v === 'string' && (SAMPLE_KINDS as readonly string[]).includes(v);
}
