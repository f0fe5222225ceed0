// Using a trained model inside the real extension host: Predict with Model… writes the
// predictions beside the CSV (never over a file), a CSV that does not fit the model is an error
// that writes nothing, and Export Model as NumPy writes a .py beside the model.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseCsv } from '../../src/engine/csv';
import { serializeModel, type ShallowNetModel } from '../../src/engine/model';
import { predictTable } from '../../src/engine/predict';
import { modelOf, prepareRun } from '../../src/core/pipeline';
import type { ShallowNetApi } from '../../src/extension';
import { BUILT_IN_DEFAULTS } from '../../src/shared/settingsDefaults';

const EXT_ID = 'shallow-net.shallow-net-explorer';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests need a workspace folder');
  return f.uri;
}

const file = (name: string): vscode.Uri => vscode.Uri.joinPath(folder(), name);

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = file(name);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function listing(dir: vscode.Uri): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).sort();
}

/** Trains briefly with the engine (as the worker would) and writes the model file. */
async function trainedModelFile(csvName: string, modelName: string, iterations: number): Promise<{ uri: vscode.Uri; model: ShallowNetModel }> {
  const run = prepareRun(await read(file(csvName)), csvName, { ...BUILT_IN_DEFAULTS, testFraction: 0, iterations });
  while (!run.trainer.done) run.trainer.step();
  const model = modelOf(run, run.trainer.params, {
    costHistory: [],
    iterations,
    trainAccuracy: run.trainer.trainAccuracy(),
    testAccuracy: null,
    seconds: 0,
    date: new Date().toISOString(),
  });
  return { uri: await write(modelName, serializeModel(model)), model };
}

const predict = (model: vscode.Uri, csv: vscode.Uri) =>
  vscode.commands.executeCommand<string | undefined>('shallowNet.predictWithModel', model, csv, { open: false });

suite('Use a model', () => {
  let flower: { uri: vscode.Uri; model: ShallowNetModel };

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<ShallowNetApi>(EXT_ID);
    assert.ok(ext);
    await ext.activate();
    flower = await trainedModelFile('flower.csv', 'use/flower.model.json', 800);
  });

  test('Predict with Model writes <csv>.predictions.csv beside the CSV: the input columns, the probability, the label; then the next free name', async () => {
    const csv = await write('use/data/flower.csv', await read(file('flower.csv')));
    const written = await predict(flower.uri, csv);
    assert.equal(written, file('use/data/flower.predictions.csv').toString());
    const text = await read(vscode.Uri.parse(written));
    const out = parseCsv(text, 'flower.predictions.csv');
    assert.deepEqual(out.header, ['x1', 'x2', 'label', 'probability_1', 'predicted_label']);
    assert.equal(out.rows.length, 400);
    const expected = predictTable(flower.model, parseCsv(await read(csv), 'flower.csv'), 'flower.csv');
    assert.deepEqual(out.rows.map((r) => r[4]), expected.labels);
    out.rows.forEach((r, j) => assert.ok(Math.abs(Number(r[3]) - expected.probabilities.data[j]) <= 5e-7));

    const again = await predict(flower.uri, csv);
    assert.equal(again, file('use/data/flower-2.predictions.csv').toString());
    assert.equal(await read(vscode.Uri.parse(written)), text, 'the first file is untouched');
  });

  test('a multi-class model appends one probability per class; URI strings are accepted', async () => {
    const iris = await trainedModelFile('iris.csv', 'use/iris.model.json', 300);
    const csv = await write('use/iris-new.csv', 'petal_width,sepal_length,sepal_width,petal_length\n0.2,5.1,3.5,1.4\n2.3,6.7,3.0,5.2\n');
    const written = await vscode.commands.executeCommand<string | undefined>('shallowNet.predictWithModel', iris.uri.toString(), csv.toString(), { open: false });
    assert.ok(written);
    const out = parseCsv(await read(vscode.Uri.parse(written)), 'out.csv');
    assert.deepEqual(out.header, [
      'petal_width', 'sepal_length', 'sepal_width', 'petal_length',
      'probability_setosa', 'probability_versicolor', 'probability_virginica', 'predicted_species',
    ]);
    assert.equal(out.rows.length, 2);
  });

  test('a CSV missing a feature column, or with text in a numeric one, is an error and writes nothing', async () => {
    const dir = file('use/bad');
    const missing = await write('use/bad/no-x2.csv', 'x1,label\n1.5,0\n-2,1\n');
    const text = await write('use/bad/text-x2.csv', 'x1,x2,label\n1.5,0.3,0\n-2,high,1\n');
    const before = await listing(dir);
    assert.equal(await predict(flower.uri, missing), undefined);
    assert.equal(await predict(flower.uri, text), undefined);
    assert.deepEqual(await listing(dir), before, 'no file was written');
  });

  test('a file that is not a model is an error and writes nothing', async () => {
    const notModel = await write('use/bad/not.model.json', '{"hello": 1}');
    const before = await listing(file('use/bad'));
    assert.equal(await predict(notModel, file('flower.csv')), undefined);
    assert.equal(await vscode.commands.executeCommand('shallowNet.exportNumpy', notModel, { open: false }), undefined);
    assert.deepEqual(await listing(file('use/bad')), before);
  });

  test('Export Model as NumPy writes <model>.py beside the model, with predict(X); a second export takes the next name', async () => {
    const written = await vscode.commands.executeCommand<string | undefined>('shallowNet.exportNumpy', flower.uri, { open: false });
    assert.equal(written, file('use/flower_model.py').toString());
    const source = await read(vscode.Uri.parse(written));
    assert.match(source, /^import numpy as np$/m);
    assert.match(source, /^def predict\(X\):$/m);
    assert.match(source, /^ {4}Z1 = W1 @ X \+ b1$/m);
    const second = await vscode.commands.executeCommand<string | undefined>('shallowNet.exportNumpy', flower.uri, { open: false });
    assert.equal(second, file('use/flower_model_2.py').toString());
  });

  test('both commands are in the model file\'s Explorer context menu', () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext);
    const menus = (ext.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus;
    for (const command of ['shallowNet.predictWithModel', 'shallowNet.exportNumpy']) {
      const item = menus['explorer/context'].find((i) => i.command === command);
      assert.ok(item?.when?.includes('model\\.json'), `${command} on *.model.json`);
    }
  });
});
