// Fixtures for the engine's unit tests, loaded without the CSV module (a tiny local parser).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRows, type Matrix } from '../../src/engine/matrix';
import type { Architecture, Params, TrainConfig } from '../../src/engine/types';

const fixtures = join(process.cwd(), 'test', 'fixtures');

/** The lesson's flower data, not normalised: X 2×400, Y 1×400. */
export function loadFlower(): { X: Matrix; Y: Matrix } {
  const lines = readFileSync(join(fixtures, 'flower.csv'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  const m = rows.length;
  const X: Matrix = { rows: 2, cols: m, data: new Float64Array(2 * m) };
  const Y: Matrix = { rows: 1, cols: m, data: new Float64Array(m) };
  rows.forEach(([x1, x2, label], j) => {
    X.data[j] = x1;
    X.data[m + j] = x2;
    Y.data[j] = label;
  });
  return { X, Y };
}

/** The lesson's initial parameters for 4 hidden units (np.random.seed(2), randn · 0.01). */
export function loadFlowerInit(): Params {
  const raw = JSON.parse(readFileSync(join(fixtures, 'flower_init_seed2.json'), 'utf8')) as Record<keyof Params, number[][]>;
  return { W1: fromRows(raw.W1), b1: fromRows(raw.b1), W2: fromRows(raw.W2), b2: fromRows(raw.b2) };
}

export function lessonArch(overrides: Partial<Architecture> = {}): Architecture {
  return { nx: 2, nh: 4, ny: 1, activation: 'tanh', leakyAlpha: 0.01, output: 'sigmoid', ...overrides };
}

export function lessonConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    hiddenUnits: 4,
    activation: 'tanh',
    leakyAlpha: 0.01,
    learningRate: 1.2,
    iterations: 10000,
    batchSize: 0,
    init: 'small',
    seed: 2,
    ...overrides,
  };
}
