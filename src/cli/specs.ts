import { ACTIVATION_NAMES, INIT_NAMES } from '../engine/types';
import type { CommandSpec, OptionSpec } from './args';

const modelOptions: OptionSpec[] = [
  { name: 'target', kind: 'string', metavar: 'COL', help: 'target column, by name or 0-based index (default: the last column)' },
  { name: 'hidden', kind: 'int', metavar: 'N', help: 'hidden units n[1] (default 4)' },
  { name: 'activation', kind: 'string', choices: ACTIVATION_NAMES, help: 'hidden activation g (default tanh)' },
  { name: 'leaky-alpha', kind: 'number', metavar: 'F', help: "leaky ReLU's slope α for z < 0 (default 0.01)" },
  { name: 'init', kind: 'string', choices: INIT_NAMES, help: "initial weights (default small: the lesson's randn · 0.01)" },
  { name: 'seed', kind: 'int', metavar: 'N', help: 'random seed: initial weights, split, mini-batches (default 2)' },
  { name: 'init-from', kind: 'string', metavar: 'MODEL.json', help: 'start from these parameters (a model file or {W1,b1,W2,b2})' },
  { name: 'normalize', kind: 'string', choices: ['standard', 'none'], help: 'feature scaling (default standard: z-score)' },
  { name: 'test-fraction', kind: 'number', metavar: 'F', help: 'share of rows held out for testing (default 0)' },
];

export const TRAIN: CommandSpec = {
  name: 'train',
  usage: 'shallow-net train FILE.csv [options]',
  summary: 'Train a one-hidden-layer network on a CSV with full-batch gradient descent (the lesson), and report its cost and accuracy.',
  positionals: ['FILE.csv'],
  options: [
    ...modelOptions,
    { name: 'learning-rate', kind: 'number', metavar: 'F', help: 'gradient-descent learning rate (default 1.2)' },
    { name: 'iterations', kind: 'int', metavar: 'N', help: 'iterations (default 10000)' },
    { name: 'batch-size', kind: 'int', metavar: 'N', help: 'mini-batch size; 0 = full batch (default 0)' },
    { name: 'save', kind: 'string', metavar: 'MODEL.json', help: 'write the trained model to this file' },
    { name: 'log-every', kind: 'int', metavar: 'N', help: 'report the cost every N iterations (default 1000)' },
    { name: 'json', kind: 'flag', help: 'one JSON object a line instead of the human report' },
  ],
};

export const PREDICT: CommandSpec = {
  name: 'predict',
  usage: 'shallow-net predict MODEL.json FILE.csv [--out FILE.csv]',
  summary: "Append the model's predicted probabilities and labels to a CSV with the same feature columns.",
  positionals: ['MODEL.json', 'FILE.csv'],
  options: [{ name: 'out', kind: 'string', metavar: 'FILE.csv', help: 'where to write the result (default: standard output)' }],
};

export const GRADCHECK: CommandSpec = {
  name: 'gradcheck',
  usage: 'shallow-net gradcheck FILE.csv [model options]',
  summary: 'Compare backpropagation with numerical gradients (central differences) at the initial parameters; pass below 1e-7.',
  positionals: ['FILE.csv'],
  options: [
    ...modelOptions,
    { name: 'epsilon', kind: 'number', metavar: 'F', help: 'finite-difference step ε (default 1e-5: balances truncation and float64 rounding)' },
    { name: 'json', kind: 'flag', help: 'print the result as JSON' },
  ],
};

export const COMMANDS: readonly CommandSpec[] = [TRAIN, PREDICT, GRADCHECK];

export const MAIN_HELP = `usage: shallow-net <command> [options]

Train and use one-hidden-layer neural networks on CSV files (Shallow Net Explorer's engine).

commands:
  train FILE.csv            train a network and report cost and accuracy
  predict MODEL.json FILE   predict with a saved model
  gradcheck FILE.csv        check backpropagation against numerical gradients

Run "shallow-net <command> --help" for a command's options.`;
