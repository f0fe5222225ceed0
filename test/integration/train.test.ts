// Training from the command, inside the real extension host: the model file it writes,
// errors that write nothing, Stop, divergence, and the prompt before replacing a run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseCsv } from '../../src/engine/csv';
import { parseModel } from '../../src/engine/model';
import { predictTable } from '../../src/engine/predict';
import { Runs } from '../../src/host/training/runs';
import { EXT_ID, api, exists, read, train, waitFor, workspaceFile, write } from './helpers';
import { storeRuns } from '../../src/host/training/runHistory';
import { BUILT_IN_DEFAULTS } from '../../src/shared/settingsDefaults';

suite('Train Shallow Net', () => {
  suiteSetup(async () => {
    await api();
  });

  test('a run with given options writes a model that predicts the training set with the reported accuracy', async () => {
    const csv = workspaceFile('flower.csv');
    const modelUri = workspaceFile('it-flower.model.json');
    const result = await train(csv, {
      settings: { hiddenUnits: 4, activation: 'tanh', learningRate: 1.2, iterations: 1500, testFraction: 0, seed: 3 },
      modelUri: modelUri.toString(),
    });
    assert.ok(result, 'the command returns its result');
    assert.equal(result.status, 'finished');
    assert.equal(result.modelUri, modelUri.toString());
    assert.ok(result.summary && result.summary.iterations === 1500);
    assert.ok(result.summary.trainAccuracy > 0.8, `flower learns (${result.summary.trainAccuracy})`);

    const model = parseModel(await read(modelUri), 'it-flower.model.json');
    assert.equal(model.architecture.nh, 4);
    assert.equal(model.architecture.activation, 'tanh');
    const table = parseCsv(await read(csv), 'flower.csv');
    const predicted = predictTable(model, table, 'flower.csv');
    const target = table.header.length - 1;
    const correct = predicted.labels.filter((label, i) => label === table.rows[i][target]).length;
    assert.equal(correct / table.rows.length, result.summary.trainAccuracy);
  });

  test('a finished run never overwrites an existing model: it takes the next free name', async () => {
    const csv = await write('twice.csv', 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.1,0.1,0\n0.9,0.1,1\n');
    const first = await train(csv, { settings: { iterations: 20, testFraction: 0 } });
    const second = await train(csv, { settings: { iterations: 20, testFraction: 0 } });
    assert.equal(first?.modelUri, workspaceFile('twice.model.json').toString());
    assert.equal(second?.modelUri, workspaceFile('twice-2.model.json').toString());
  });

  test('a malformed CSV ends in an error naming the file and row, and writes nothing', async () => {
    const csv = await write('broken.csv', 'x1,x2,label\n1,2,0\n3,abc,1\n4,5,0\n6,7,1\n');
    const result = await train(csv, { settings: { iterations: 10 } });
    assert.equal(result?.status, 'error');
    assert.match(result?.error?.message ?? '', /broken\.csv row 3, column "x2": "abc" is not a number/);
    assert.equal(await exists(workspaceFile('broken.model.json')), false);
  });

  test('Stop ends a run at once and the saved model holds the last finished iteration', async () => {
    const { runs } = await api();
    const csv = workspaceFile('flower.csv');
    const modelUri = workspaceFile('it-stopped.model.json');
    const pending = train(csv, { settings: { iterations: 5_000_000, testFraction: 0 }, modelUri: modelUri.toString() });
    await waitFor(() => runs.training && (runs.list[runs.list.length - 1]?.iteration ?? 0) > 50, 'the run to make progress');
    await vscode.commands.executeCommand('shallowNet.stopTraining');
    const result = await pending;
    assert.equal(result?.status, 'stopped');
    const done = result?.summary?.iterations ?? 0;
    assert.ok(done > 50 && done < 5_000_000, `stopped early (${done})`);
    const model = parseModel(await read(modelUri), 'it-stopped.model.json');
    assert.equal(model.training?.iterations, done);
    const view = runs.list.find((r) => r.id === result?.runId);
    assert.deepEqual(model.W1, view?.params?.W1, 'the model holds the parameters the run ended with');
  });

  test('a diverging learning rate ends in the diverged state with the advice, and saves nothing', async () => {
    const csv = await write('diverge.csv', 'x,y\n' + Array.from({ length: 40 }, (_, i) => `${i * 1000},${i % 2}`).join('\n') + '\n');
    const result = await train(csv, { settings: { iterations: 2000, learningRate: 1e6, normalization: 'none', init: 'he', testFraction: 0 } });
    assert.equal(result?.status, 'diverged');
    assert.match(result?.message ?? '', /diverged at iteration \d+; try a smaller learning rate/);
    assert.equal(await exists(workspaceFile('diverge.model.json')), false);
  });

  test('a second run while one is going asks first, and keeps the first when told no', async () => {
    const { runs } = await api();
    const asked: string[] = [];
    const original = runs.replacePrompt;
    try {
      runs.replacePrompt = async (current) => {
        asked.push(current.fileName);
        return false;
      };
      const csv = workspaceFile('flower.csv');
      const first = train(csv, { settings: { iterations: 5_000_000, testFraction: 0 }, save: false });
      await waitFor(() => runs.training, 'the first run to start');
      const second = await train(csv, { settings: { iterations: 10 }, save: false });
      assert.deepEqual(asked, ['flower.csv']);
      assert.equal(second?.status, 'cancelled');
      assert.ok(runs.training, 'the first run goes on');

      runs.replacePrompt = async (current) => {
        asked.push(current.fileName);
        return true;
      };
      const third = await train(csv, { settings: { iterations: 10, testFraction: 0 }, save: false });
      assert.equal((await first)?.status, 'stopped');
      assert.equal(third?.status, 'finished');
      assert.equal(asked.length, 2);
    } finally {
      runs.replacePrompt = original;
      runs.stop();
    }
  });

  test('Open Model shows a saved model as a finished run with its parameters and cost history', async () => {
    const { runs } = await api();
    const csv = workspaceFile('flower.csv');
    const modelUri = workspaceFile('it-open.model.json');
    await train(csv, { settings: { iterations: 300, testFraction: 0 }, modelUri: modelUri.toString() });
    const id = await vscode.commands.executeCommand<number>('shallowNet.openModel', modelUri);
    const run = runs.list.find((r) => r.id === id);
    assert.ok(run, 'the model is listed as a run');
    assert.equal(run.status, 'finished');
    const model = parseModel(await read(modelUri), 'it-open.model.json');
    assert.deepEqual(run.params?.W1, model.W1);
    assert.equal(run.summary?.iterations, 300);
    assert.ok(run.points.length > 0 && run.points[0][0] === 0, 'the stored cost history is shown');
    assert.deepEqual(run.dataset?.featureNames, ['x1', 'x2']);
  });

  test('Open Model on a file that is not a model says what is wrong and adds nothing', async () => {
    const { runs } = await api();
    const before = runs.list.length;
    const bad = await write('not-a.model.json', '{"W1": [[1, 2]], "format": "something-else"}');
    const id = await vscode.commands.executeCommand<number | undefined>('shallowNet.openModel', bad);
    assert.equal(id, undefined);
    assert.equal(runs.list.length, before);
  });

  test('with 100 000 rows the CSV is parsed and trained off the extension host: it keeps running other work', async () => {
    const { runs } = await api();
    const rows: string[] = ['a,b,c,d,e,f,g,h,label'];
    for (let i = 0; i < 100_000; i++) {
      const v = Array.from({ length: 8 }, (_, j) => Math.sin(i * (j + 1) * 0.37).toFixed(5));
      rows.push(`${v.join(',')},${Math.sin(i * 0.37) + Math.sin(i * 0.74) > 0 ? 'yes' : 'no'}`);
    }
    const csv = await write('big.csv', rows.join('\n') + '\n');
    const ticksIn = new Map<string, number>();
    let ticking = true;
    const tick = (): void => {
      const status = runs.list[runs.list.length - 1]?.status ?? 'none';
      ticksIn.set(status, (ticksIn.get(status) ?? 0) + 1);
      if (ticking) setTimeout(tick, 5);
    };
    const pending = train(csv, { settings: { iterations: 40, hiddenUnits: 16, testFraction: 0.1 }, save: false });
    tick();
    const result = await pending;
    ticking = false;
    assert.equal(result?.status, 'finished', JSON.stringify(result?.error));
    assert.ok((ticksIn.get('preparing') ?? 0) > 1, `the host ran while the worker parsed (${JSON.stringify([...ticksIn])})`);
    assert.ok((ticksIn.get('running') ?? 0) > 1, `the host ran while the worker trained (${JSON.stringify([...ticksIn])})`);
    const view = runs.list.find((r) => r.id === result?.runId);
    assert.equal(view?.dataset?.rowsUsed, 100_000);
    assert.equal(view?.dataset?.trainCount, 90_000);
  });

  test('after a reload the runs come back from the workspace state, and Train uses the last CSV', async () => {
    const values = new Map<string, unknown>();
    const memento: vscode.Memento = {
      keys: () => [...values.keys()],
      get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
      update: async (key: string, value: unknown) => void values.set(key, JSON.parse(JSON.stringify(value))),
    };
    const csv = workspaceFile('flower.csv');
    const view = (id: number, status: 'finished' | 'running') => ({
      id, label: `run ${id}`, fileName: 'flower.csv', settings: BUILT_IN_DEFAULTS, status,
      points: [[0, 0.69, 0.5]] as [number, number, number][], testPoints: [], iteration: 1,
    });
    await storeRuns(memento, [
      { view: view(4, 'finished'), csv: csv.toString(), modelJson: '{}' },
      { view: view(7, 'running') },
    ]);
    const ext = vscode.extensions.getExtension(EXT_ID);
    const restored = new Runs(ext?.extensionPath ?? '', memento);
    try {
      assert.deepEqual(restored.list.map((r) => [r.id, r.status]), [[4, 'finished'], [7, 'stopped']]);
      assert.equal(restored.lastCsv?.toString(), csv.toString());
    } finally {
      restored.dispose();
    }
  });

  test('an error names its place, and revealing it selects the very value in the CSV', async () => {
    const { runs } = await api();
    const csv = await write('badcell.csv', 'x1,x2,label\n1,2,0\n"3",abc,1\n4,5,0\n6,7,1\n');
    const result = await train(csv, { settings: { iterations: 10 } });
    assert.equal(result?.status, 'error');
    assert.ok(await runs.revealError(result.runId));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), csv.toString());
    assert.equal(editor?.selection.start.line, 2);
    assert.equal(editor?.document.getText(editor.selection), 'abc');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a CSV error is a problem on the file, on the very value; editing the file or a good run clears it', async () => {
    const { problems } = await api();
    const csv = await write('problem.csv', 'x1,x2,label\n1,2,0\n3,4,1\n5,"x y",0\n7,8,1\n');
    const result = await train(csv, { settings: { iterations: 10 } });
    assert.equal(result?.status, 'error');
    await waitFor(() => vscode.languages.getDiagnostics(csv).length > 0, 'the problem');
    const shown = vscode.languages.getDiagnostics(csv);
    assert.equal(shown.length, 1);
    const [p] = shown;
    assert.equal(p.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(p.source, 'Shallow Net');
    assert.match(p.message, /^problem\.csv row 4, column "x2": "x y" is not a number/);
    assert.deepEqual([p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character], [3, 2, 3, 7], 'the quoted value');
    assert.equal(problems.get(csv).length, 1);

    // Editing the file clears it (the next run reports what it then finds).
    const doc = await vscode.workspace.openTextDocument(csv);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(csv, p.range, '6');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(vscode.languages.getDiagnostics(csv).length, 0);
    await doc.save();
    const again = await train(csv, { settings: { iterations: 10, testFraction: 0 }, save: false });
    assert.equal(again?.status, 'finished');
    assert.equal(vscode.languages.getDiagnostics(csv).length, 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // An error without a row (one class only) sits on the header line; a good run on the file clears it.
    const one = await write('oneclass.csv', 'a,b,y\n1,2,0\n3,4,0\n5,6,0\n');
    assert.equal((await train(one, { settings: { iterations: 5 } }))?.status, 'error');
    await waitFor(() => vscode.languages.getDiagnostics(one).length > 0, 'the one-class problem');
    const [q] = vscode.languages.getDiagnostics(one);
    assert.equal(q.range.start.line, 0);
    // Changed on disk (not in an editor): the problem goes too.
    await write('oneclass.csv', 'a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n');
    await waitFor(() => vscode.languages.getDiagnostics(one).length === 0, 'the problem to go when the file changes on disk');
    assert.equal((await train(one, { settings: { iterations: 5, testFraction: 0 }, save: false }))?.status, 'finished');
    assert.equal(vscode.languages.getDiagnostics(one).length, 0);
  });

  test('runs are labelled with their data set, activation, size, learning rate and start', async () => {
    const { runs } = await api();
    const result = await train(workspaceFile('iris.csv'), { settings: { iterations: 5, activation: 'leaky-relu', leakyAlpha: 0.2, learningRate: 0.5 }, save: false });
    const view = runs.list.find((r) => r.id === result?.runId);
    assert.equal(view?.label, 'iris.csv · Leaky ReLU (α 0.2) · 4 units · lr 0.5 · small');
  });

  test('with shallowNet.saveModels off, a finished run saves nothing on its own', async () => {
    const config = vscode.workspace.getConfiguration('shallowNet');
    await config.update('saveModels', false, vscode.ConfigurationTarget.Workspace);
    try {
      const csv = await write('nosave.csv', 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.2,0.1,0\n0.9,0.2,1\n');
      const result = await train(csv, { settings: { iterations: 20, testFraction: 0 } });
      assert.equal(result?.status, 'finished');
      assert.equal(result?.modelUri, undefined);
      assert.equal(await exists(workspaceFile('nosave.model.json')), false);
    } finally {
      await config.update('saveModels', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
