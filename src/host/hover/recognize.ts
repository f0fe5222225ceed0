/**
 * Which activation function a word of source text names: the pure half of the activation hover
 * (no `vscode`, no DOM), so it is unit-tested directly and could serve any editor.
 *
 * Recognised, as whole identifiers only (`stanhope`, `prelude`, `sigmoidal` name nothing):
 *   functions    sigmoid, logistic, expit, σ; tanh; relu, ReLU; leaky_relu, LeakyReLU, leakyRelu
 *                (any case, with or without underscores), and "leaky-relu" / "Leaky ReLU" in
 *                model files and prose;
 *   derivatives  the name with a suffix (sigmoid_derivative, tanh_prime, relu_backward,
 *                sigmoidGrad, leaky_relu_deriv…) or a prefix (dsigmoid, d_relu, grad_tanh…), and
 *                the prime of prose: σ'(z), tanh′(z);
 *   libraries    the dotted path before the name is part of the match when it is a known one:
 *                np.tanh, torch.sigmoid, F.relu, nn.LeakyReLU(0.2), tf.nn.relu,
 *                tf.keras.activations.tanh, Math.tanh…; Keras' activation="relu" strings are the
 *                word inside the quotes.
 *   linear       only where it cannot mean anything else: the quoted value of an `activation`
 *                argument or key (Keras' activation="linear", scikit-learn's activation='identity',
 *                a model file's "activation": "linear") and keras' activations.linear. The
 *                English word, nn.Linear and other "linear"s name nothing.
 * Leaky ReLU's α is read from the call or definition that follows the name: the first numeric
 * positional argument (LeakyReLU(0.2), F.leaky_relu(x, 0.2)) or a slope keyword
 * (negative_slope=0.2, alpha=0.2, slope = 0.01, {alpha: 0.3}); without one, the library's
 * default when the library is known.
 */
import type { ActivationName } from '../../engine/types';

export interface ActivationMatch {
  name: ActivationName;
  /** The word names g' (sigmoid_derivative, d_relu, σ'), not g. */
  isDerivative: boolean;
  /** Leaky ReLU's slope for z < 0, when the text or the library says it. */
  alpha?: number;
  /** Where α came from: the call's argument, or the library's default. */
  alphaSource?: 'argument' | 'library default';
  /** Columns of the match on its line: [start, end). Includes a known library prefix. */
  start: number;
  end: number;
  /** The matched text, e.g. "nn.LeakyReLU", "sigmoid_derivative". */
  text: string;
}

/** Lower-cased, underscores removed: "leaky_relu" → "leakyrelu", "LeakyReLU" → "leakyrelu". */
const BASE_NAMES: Readonly<Record<string, ActivationName>> = {
  sigmoid: 'sigmoid',
  logistic: 'sigmoid',
  expit: 'sigmoid',
  'σ': 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  leakyrelu: 'leaky-relu',
  lrelu: 'leaky-relu',
};

const DERIVATIVE_SUFFIXES = ['derivative', 'deriv', 'prime', 'backward', 'backprop', 'grad', 'gradient', 'diff'];
const DERIVATIVE_PREFIXES = ['d', 'derivative', 'derivativeof', 'deriv', 'grad', 'gradient', 'diff'];

/** Library paths whose last segment may be an activation; matched lower-cased. */
const LIBRARY_PREFIXES = new Set([
  'np', 'numpy', 'jnp', 'cp', 'math',
  'torch', 'torch.nn', 'torch.nn.functional', 'f', 'nn', 'torch.special', 'special', 'scipy.special',
  'tf', 'tf.nn', 'tf.math', 'tf.keras.activations', 'tf.keras.layers', 'keras.activations', 'keras.layers',
  'activations', 'layers', 'tf.layers',
  'jax.nn', 'flax.linen', 'ops', 'keras.ops',
]);

/** Leaky ReLU's default slope, by library path (lower-cased) and spelling. */
function libraryDefaultAlpha(prefix: string, word: string): number | undefined {
  const p = prefix.toLowerCase();
  if (/^(torch(\.nn(\.functional)?)?|f|jax\.nn|flax\.linen)$/.test(p)) return 0.01;
  if (p === 'nn') return 0.01; // torch.nn.LeakyReLU and flax's nn.leaky_relu
  if (p === 'tf.nn' || p === 'keras.activations' || p === 'tf.keras.activations') return 0.2;
  if (/(^|\.)layers$/.test(p) && word === 'LeakyReLU') return 0.3; // Keras' layer
  if (p === 'tf' && word === 'leakyRelu') return 0.2; // TensorFlow.js
  return undefined;
}

const IDENT_CHAR = /[\p{L}\p{N}_$]/u;
const isIdentChar = (c: string | undefined): boolean => c !== undefined && IDENT_CHAR.test(c);

interface Classified {
  name: ActivationName;
  isDerivative: boolean;
}

/** What an identifier names, by its spelling alone; undefined for anything else. */
export function classifyIdentifier(word: string): Classified | undefined {
  const key = word.toLowerCase().replace(/_/g, '');
  if (key === '') return undefined;
  const base = BASE_NAMES[key];
  if (base) return { name: base, isDerivative: false };
  for (const suffix of DERIVATIVE_SUFFIXES) {
    if (key.endsWith(suffix)) {
      const stem = key.slice(0, -suffix.length);
      const name = BASE_NAMES[stem];
      if (name && stem !== 'σ') return { name, isDerivative: true };
    }
  }
  for (const prefix of DERIVATIVE_PREFIXES) {
    if (key.startsWith(prefix)) {
      const name = BASE_NAMES[key.slice(prefix.length)];
      if (name) return { name, isDerivative: true };
    }
  }
  return undefined;
}

/** The identifier around `character` (or just before it, as at the end of a word): [start, end). */
function identifierAt(line: string, character: number): [number, number] | undefined {
  let at = character;
  if (!isIdentChar(line[at]) && isIdentChar(line[at - 1])) at -= 1;
  if (!isIdentChar(line[at])) return undefined;
  let start = at;
  let end = at + 1;
  while (start > 0 && isIdentChar(line[start - 1])) start--;
  while (end < line.length && isIdentChar(line[end])) end++;
  return [start, end];
}

/** The identifier ending right before `end` (skipping nothing), or undefined. */
function identifierEndingAt(line: string, end: number): [number, number] | undefined {
  if (!isIdentChar(line[end - 1])) return undefined;
  let start = end - 1;
  while (start > 0 && isIdentChar(line[start - 1])) start--;
  return [start, end];
}

/** Dotted path before the identifier at [start, …): "tf.keras.activations" for tf.keras.activations.tanh. */
function dottedPrefix(line: string, start: number): { prefix: string; start: number } | undefined {
  let s = start;
  const parts: string[] = [];
  while (line[s - 1] === '.') {
    const id = identifierEndingAt(line, s - 1);
    if (!id) break;
    parts.unshift(line.slice(id[0], id[1]));
    s = id[0];
  }
  if (parts.length === 0) return undefined;
  // The longest known library path that ends right before the name.
  for (let i = 0; i < parts.length; i++) {
    const prefix = parts.slice(i).join('.');
    if (LIBRARY_PREFIXES.has(prefix.toLowerCase())) {
      const offset = parts.slice(0, i).reduce((n, p) => n + p.length + 1, 0);
      return { prefix, start: s + offset };
    }
  }
  return undefined;
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const SLOPE_KEYWORD = new RegExp(
  String.raw`(?:^|[^\w$])(?:negative_slope|negativeSlope|alpha|slope|leak|leakiness)\s*(?::\s*[A-Za-z_][\w.]*\s*)?[=:]\s*(${NUMBER})(?![\w.])`,
);
const WHOLE_NUMBER = new RegExp(`^${NUMBER}$`);

/** The text inside the parentheses that open at `open` (same line), or undefined. */
function parenthesised(line: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const c = line[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return line.slice(open + 1, i);
    }
  }
  return line.slice(open + 1); // unclosed on this line: read what there is
}

/** Top-level comma-separated pieces of an argument list. */
function splitArguments(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(args.slice(from, i));
      from = i + 1;
    }
  }
  out.push(args.slice(from));
  return out.map((a) => a.trim()).filter((a) => a !== '');
}

/**
 * α from the call or definition after the name ending at `end`: `(0.2)`, `(x, negative_slope=0.2)`,
 * `= (z: number, slope = 0.01) =>`, `({alpha: 0.3})`. Slopes outside [0, 1] are not α.
 */
export function alphaAfter(line: string, end: number): number | undefined {
  const m = /^\s*(?:=\s*(?:function\s*)?)?\(/.exec(line.slice(end));
  if (!m) return undefined;
  const args = parenthesised(line, end + m[0].length - 1);
  if (args === undefined) return undefined;
  const keyword = SLOPE_KEYWORD.exec(args);
  let value: number | undefined = keyword ? Number(keyword[1]) : undefined;
  if (value === undefined) {
    const positional = splitArguments(args).find((a) => WHOLE_NUMBER.test(a));
    if (positional !== undefined) value = Number(positional);
  }
  return value !== undefined && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

/**
 * The activation named at `character` of `line` (0-based columns, as VS Code's Position), or
 * undefined when the cursor is not on one.
 */
export function findActivationAt(line: string, character: number): ActivationMatch | undefined {
  const linear = linearAt(line, character);
  if (linear) return linear;
  let id = identifierAt(line, character);
  const leakyPair = (word: string, at: number): boolean => /^leaky$/i.test(word) && /^[- ]relu(?![\p{L}\p{N}_$])/iu.test(line.slice(at));
  if (!id || (!classifyIdentifier(line.slice(id[0], id[1])) && !leakyPair(line.slice(id[0], id[1]), id[1]))) {
    id = libraryPrefixAt(line, character);
  }
  if (!id) return undefined;
  let [start, end] = id;
  let word = line.slice(start, end);
  let found = classifyIdentifier(word);

  // "leaky-relu" (model files, settings) and "Leaky ReLU" (prose): two words, one activation.
  const pairWith = /^leaky$/i.test(word) ? /^[- ](relu)(?![\p{L}\p{N}_$])/iu.exec(line.slice(end)) : undefined;
  if (pairWith) {
    end += pairWith[0].length;
    word = line.slice(start, end);
    found = { name: 'leaky-relu', isDerivative: false };
  } else if (found?.name === 'relu' && !found.isDerivative && /^relu$/i.test(word)) {
    const before = /(?<![\p{L}\p{N}_$])leaky[- ]$/iu.exec(line.slice(0, start));
    if (before) {
      start -= before[0].length;
      word = line.slice(start, end);
      found = { name: 'leaky-relu', isDerivative: false };
    }
  }
  if (!found) return undefined;

  // σ'(z), tanh′(z): the prime of prose. A quote closing a string ('tanh') is not a prime.
  let isDerivative = found.isDerivative;
  const prime = /^(?:′|'(?=\s*\())/.exec(line.slice(end));
  if (prime && !isDerivative) {
    isDerivative = true;
    end += prime[0].length;
  }

  const lib = dottedPrefix(line, start);
  if (lib) start = lib.start;
  const match: ActivationMatch = { name: found.name, isDerivative, start, end, text: line.slice(start, end) };
  if (found.name === 'leaky-relu') {
    const alpha = alphaAfter(line, end);
    if (alpha !== undefined) {
      match.alpha = alpha;
      match.alphaSource = 'argument';
    } else if (lib) {
      const fallback = libraryDefaultAlpha(lib.prefix, line.slice(id[0], id[1]));
      if (fallback !== undefined) {
        match.alpha = fallback;
        match.alphaSource = 'library default';
      }
    }
  }
  return match;
}

/** activation="linear" / 'identity' / "activation": "linear", and (tf.)(keras.)activations.linear. */
const LINEAR_PATTERNS: readonly RegExp[] = [
  /(?<![\p{L}\p{N}_$])activation["']?\s*[:=]\s*(["'])((?:linear|identity))\1/giu,
  /(?<![\p{L}\p{N}_$.])((?:tf\.)?(?:keras\.)?activations\.linear)(?![\p{L}\p{N}_$])/gu,
];

function linearAt(line: string, character: number): ActivationMatch | undefined {
  for (const re of LINEAR_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const text = m[2] ?? m[1];
      const start = m.index + m[0].length - text.length - (m[2] === undefined ? 0 : 1);
      const end = start + text.length;
      if (character >= start && character < end) return { name: 'linear', isDerivative: false, start, end, text };
    }
  }
  return undefined;
}

/**
 * When the cursor is on the library part of `np.tanh` (on `np` or the dot), the identifier of the
 * activation that ends the dotted path, if the path is a known library.
 */
function libraryPrefixAt(line: string, character: number): [number, number] | undefined {
  if (!isIdentChar(line[character]) && line[character] !== '.') return undefined;
  let end = character;
  while (end < line.length && (isIdentChar(line[end]) || line[end] === '.')) end++;
  const last = identifierEndingAt(line, end);
  if (!last || last[0] <= character) return undefined;
  const lib = dottedPrefix(line, last[0]);
  if (!lib || lib.start > character) return undefined;
  return classifyIdentifier(line.slice(last[0], last[1])) ? last : undefined;
}

/** Every activation named on a line, left to right (for tests and batch use). */
export function findActivations(line: string): ActivationMatch[] {
  const out: ActivationMatch[] = [];
  let i = 0;
  while (i < line.length) {
    const m = findActivationAt(line, i);
    if (m && m.start <= i && i < m.end && !out.some((o) => o.start === m.start)) {
      out.push(m);
      i = m.end;
    } else {
      i++;
    }
  }
  return out;
}
