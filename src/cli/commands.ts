/**
 * Every `shallow-net` command. A new command is a module in src/cli/ exporting a CliCommand,
 * listed here and in MAIN_HELP.
 */
import type { CliCommand } from './common';
import { EXPORT_NUMPY } from './exportNumpy';
import { GRADCHECK } from './gradcheck';
import { BASELINE } from './baseline';
import { PREDICT } from './predict';
import { SAMPLE } from './sample';
import { SWEEP } from './sweep';
import { TRAIN } from './train';

export const COMMANDS: readonly CliCommand[] = [TRAIN, PREDICT, GRADCHECK, BASELINE, EXPORT_NUMPY, SWEEP, SAMPLE];

export const MAIN_HELP = `usage: shallow-net <command> [options]

Train and use one-hidden-layer neural networks on CSV files (Shallow Net Explorer's engine).

commands:
  train FILE.csv            train a network and report cost and accuracy
  predict MODEL.json FILE   predict with a saved model
  gradcheck FILE.csv        check backpropagation against numerical gradients
  baseline FILE.csv         logistic regression (no hidden layer) on the same data, for comparison
  export-numpy MODEL.json   write a model as a Python file over NumPy (--out FILE.py)
  sweep FILE.csv            train with each hidden-layer size and compare accuracies
  sample KIND --out FILE    write a sample data set: flower (the lesson's), xor, circles, moons, spirals, blobs

Run "shallow-net <command> --help" for a command's options.`;
