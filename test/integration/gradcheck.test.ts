// Gradient Check… from the palette, inside the real extension host: backpropagation against
// central differences on flower.csv at the initial parameters, on 200 of its training examples.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GradCheckReport } from '../../src/shared/runTypes';
import { api, workspaceFile } from './helpers';

suite('Gradient check', () => {
  suiteSetup(async () => {
    await api();
  });

  test('flower.csv with tanh passes below 1e-7 and the command returns the result', async () => {
    const r = await vscode.commands.executeCommand<GradCheckReport | undefined>('shallowNet.gradientCheck', workspaceFile('flower.csv'), { settings: { activation: 'tanh' } });
    assert.ok(r, 'the command returns its result');
    assert.ok(r.overall < 1e-7, `overall ${r.overall}`);
    assert.equal(r.pass, true);
    assert.equal(r.at, 'initial');
    assert.equal(r.examples, 200);
    for (const k of ['W1', 'b1', 'W2', 'b2'] as const) assert.ok(Number.isFinite(r[k]), k);
  });

  test('settings out of range check nothing', async () => {
    const r = await vscode.commands.executeCommand('shallowNet.gradientCheck', workspaceFile('flower.csv'), { settings: { hiddenUnits: 0 } });
    assert.equal(r, undefined);
  });
});
