/**
 * Checks of values that come from somewhere untrusted (the webview, settings, a model file):
 * each returns the value in its exact type, or undefined (or why not).
 */
import { MAX_HIDDEN_UNITS } from '../engine/config';
import type { ActivationName, InitName, NormalizationKind } from '../engine/types';
import type { ParamsSnapshot, TrainSettings } from './runTypes';

/** At most this many numbers in explored parameters (a 1000-unit net over 1000 features). */
export const MAX_PARAM_NUMBERS = 2_000_000;
/** |value| above this is no parameter a person means (and would overflow the forward pass). */
export const MAX_PARAM_ABS = 1e6;

function matrixOf(v: unknown, rows: number | undefined, cols: number | undefined): number[][] | undefined {
  if (!Array.isArray(v) || v.length === 0 || (rows !== undefined && v.length !== rows)) return undefined;
  const out: number[][] = [];
  for (const row of v) {
    if (!Array.isArray(row) || row.length === 0 || (cols !== undefined && row.length !== cols)) return undefined;
    if (out.length && row.length !== out[0].length) return undefined;
    for (const x of row) if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > MAX_PARAM_ABS) return undefined;
    out.push(row as number[]);
  }
  return out;
}

/** W1 (n_h × n_x), b1 (n_h × 1), W2 (n_y × n_h), b2 (n_y × 1) of finite numbers; undefined otherwise. */
export function parseParamsSnapshot(v: unknown): ParamsSnapshot | undefined {
  if (!isRecord(v)) return undefined;
  const W1 = matrixOf(v.W1, undefined, undefined);
  if (!W1) return undefined;
  const nh = W1.length;
  const nx = W1[0].length;
  if (nh * nx > MAX_PARAM_NUMBERS) return undefined;
  const W2 = matrixOf(v.W2, undefined, nh);
  if (!W2) return undefined;
  const ny = W2.length;
  if (nh * nx + nh + ny * nh + ny > MAX_PARAM_NUMBERS) return undefined;
  const b1 = matrixOf(v.b1, nh, 1);
  const b2 = matrixOf(v.b2, ny, 1);
  return b1 && b2 ? { W1, b1, W2, b2 } : undefined;
}

/**
 * Why the host would refuse to evaluate these parameters (parseParamsSnapshot drops such an
 * explore message), in the panel's words; undefined when it would take them. The webview asks
 * this before it sends, so a refused request never leaves the panel waiting for an answer.
 */
export function paramsRefusal(p: ParamsSnapshot): string | undefined {
  let notFinite = false;
  let big = false;
  for (const m of [p.W1, p.b1, p.W2, p.b2]) {
    for (const row of m) {
      for (const x of row) {
        if (typeof x !== 'number' || !Number.isFinite(x)) notFinite = true;
        else if (Math.abs(x) > MAX_PARAM_ABS) big = true;
      }
    }
  }
  if (notFinite) return 'These parameters hold values that are not finite numbers (as a run that diverged may): they cannot be evaluated.';
  if (big) return 'These parameters hold values beyond ±1e6: they cannot be evaluated.';
  if (!parseParamsSnapshot(p)) return `These parameters are too many (more than ${MAX_PARAM_NUMBERS.toLocaleString('en-US')} numbers) or not of one network's shapes: they cannot be evaluated.`;
  return undefined;
}

export const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';
/** 20 MB of data URL: far more than the panel's charts at any pixel ratio. */
export const PNG_DATA_URL_MAX = 20 * 1024 * 1024;

/** A PNG data URL of sane size whose payload is base64; undefined otherwise. */
export function parsePngDataUrl(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > PNG_DATA_URL_MAX || !v.startsWith(PNG_DATA_URL_PREFIX)) return undefined;
  const payload = v.slice(PNG_DATA_URL_PREFIX.length);
  if (payload.length < 8 || payload.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) return undefined;
  return v;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function finite(v: unknown, min: number, max: number, integer: boolean): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return undefined;
  if (integer && !Number.isInteger(v)) return undefined;
  return v;
}

/** Validates settings coming from the webview (or anywhere untrusted); undefined if invalid. */
export function parseTrainSettings(v: unknown): TrainSettings | undefined {
  if (!isRecord(v)) return undefined;
  const hiddenUnits = finite(v.hiddenUnits, 1, MAX_HIDDEN_UNITS, true);
  const leakyAlpha = finite(v.leakyAlpha, 0, 0.999, false);
  const learningRate = finite(v.learningRate, 1e-12, 1e6, false);
  const iterations = finite(v.iterations, 1, 10_000_000, true);
  const batchSize = finite(v.batchSize, 0, 1e9, true);
  const seed = finite(v.seed, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true);
  const testFraction = finite(v.testFraction, 0, 0.9, false);
  const initScale = v.initScale === undefined ? undefined : finite(v.initScale, 1e-12, 1000, false);
  const { activation, init, normalization, target } = v;
  if (
    hiddenUnits === undefined ||
    leakyAlpha === undefined ||
    learningRate === undefined ||
    iterations === undefined ||
    batchSize === undefined ||
    seed === undefined ||
    testFraction === undefined ||
    (v.initScale !== undefined && initScale === undefined) ||
    typeof activation !== 'string' ||
    !ACTIVATIONS.includes(activation) ||
    typeof init !== 'string' ||
    !INITS.includes(init) ||
    typeof normalization !== 'string' ||
    !NORMALIZATIONS.includes(normalization) ||
    (target !== undefined && (typeof target !== 'string' || target.length > 1000)) ||
    (v.rng !== undefined && v.rng !== 'default' && v.rng !== 'numpy')
  ) {
    return undefined;
  }
  return {
    hiddenUnits,
    activation: activation as ActivationName,
    leakyAlpha,
    learningRate,
    iterations,
    batchSize,
    init: init as InitName,
    ...(initScale === undefined ? {} : { initScale }),
    seed,
    normalization: normalization as NormalizationKind,
    testFraction,
    ...(target === undefined ? {} : { target }),
    ...(v.rng === 'default' || v.rng === 'numpy' ? { rng: v.rng } : {}),
  };
}

const ACTIVATIONS: readonly string[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];
const INITS: readonly string[] = ['small', 'xavier', 'he', 'zeros'];
const NORMALIZATIONS: readonly string[] = ['standard', 'none'];
