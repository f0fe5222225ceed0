// The activation hover inside a real VS Code: `vscode.executeHoverProvider` (every provider, as
// the editor asks them) on the samples' activations.py and activations.ts returns this extension's
// hover with the derivative's text on activation names and nothing of ours on other words; also
// Markdown, a model file, a notebook cell, and the two settings applied without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'shallow-net.shallow-net-explorer';
/** Every hover of ours links to the panel; no other provider does. */
const OURS = 'command:shallowNet.openPanel';

const SIGMOID_PRIME = "σ'(z) = σ(z)(1 − σ(z))";
const TANH_PRIME = "tanh'(z) = 1 − tanh²(z)";
const RELU_PRIME = "ReLU'(z) = 1 for z > 0, 0 for z < 0";
const LEAKY_PRIME = "g'(z) = 1 for z > 0, α for z < 0";

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration workspace has no folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Position of the `nth` occurrence of `needle` in the document, `offset` characters into it. */
function positionOf(doc: vscode.TextDocument, needle: string, nth = 0, offset = 0): vscode.Position {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" (#${k}) is not in ${doc.uri.path}`);
  }
  return doc.positionAt(i + offset);
}

interface OurHover {
  markdown: string;
  range: string | undefined;
}

/** This extension's hovers at a position (other providers', e.g. TypeScript's, left out). */
async function oursAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<OurHover[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  const out: OurHover[] = [];
  for (const h of hovers) {
    const markdown = h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    if (markdown.includes(OURS)) out.push({ markdown, range: h.range ? doc.getText(h.range) : undefined });
  }
  return out;
}

/** Our one hover on `needle`; asserts it holds every `expected` text and covers `rangeText`. */
async function expectHover(doc: vscode.TextDocument, needle: string, expected: string[], o: { nth?: number; offset?: number; rangeText?: string } = {}): Promise<string> {
  const hovers = await oursAt(doc, positionOf(doc, needle, o.nth ?? 0, o.offset ?? 0));
  assert.equal(hovers.length, 1, `one hover of ours on "${needle}" in ${doc.uri.path.split('/').pop()}, got ${hovers.length}`);
  const [h] = hovers;
  for (const e of expected) assert.ok(h.markdown.includes(e), `hover on "${needle}" lacks "${e}":\n${h.markdown.slice(0, 600)}`);
  assert.equal(h.range, o.rangeText ?? needle, `range of the hover on "${needle}"`);
  return h.markdown;
}

async function expectNoHover(doc: vscode.TextDocument, needle: string, nth = 0, offset = 1): Promise<void> {
  const hovers = await oursAt(doc, positionOf(doc, needle, nth, offset));
  assert.deepEqual(hovers.map((h) => h.markdown.slice(0, 80)), [], `a hover of ours on "${needle}"`);
}

async function setHover(key: 'enabled' | 'languages', value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('shallowNet.hover').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('Activation hover', () => {
  let py: vscode.TextDocument;
  let ts: vscode.TextDocument;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    py = await vscode.workspace.openTextDocument(workspaceFile('activations.py'));
    ts = await vscode.workspace.openTextDocument(workspaceFile('activations.ts'));
    assert.equal(py.languageId, 'python');
    assert.equal(ts.languageId, 'typescript');
  });

  suiteTeardown(async () => {
    await setHover('enabled', undefined);
    await setHover('languages', undefined);
  });

  test('activations.py: derivative names give the derivative first, with the lesson\'s values', async () => {
    const md = await expectHover(py, 'sigmoid_derivative', [SIGMOID_PRIME, '4.54 × 10⁻⁵', '0.25', 'data:image/svg+xml;base64,'], { offset: 3 });
    assert.ok(md.startsWith("**σ'** · derivative of sigmoid"), md.slice(0, 80));
    await expectHover(py, 'tanh_derivative', [TANH_PRIME, '8.24 × 10⁻⁹'], { offset: 10 });
    await expectHover(py, 'relu_derivative', [RELU_PRIME, "ReLU'(0) is undefined; the engine uses 0"]);
    const leaky = await expectHover(py, 'leaky_relu_derivative', [LEAKY_PRIME, 'α = 0.01'], { offset: 12 });
    assert.ok(leaky.startsWith("**Leaky ReLU'**"), leaky.slice(0, 80));
  });

  test('activations.py: functions and library calls, α from nn.LeakyReLU(0.2), Keras strings', async () => {
    const tanh = await expectHover(py, 'np.tanh', ['tanh(z) = (e^z − e^−z) / (e^z + e^−z)', TANH_PRIME, '(−1, 1)'], { offset: 4 });
    assert.ok(tanh.indexOf('tanh(z) =') < tanh.indexOf(TANH_PRIME), 'g before g\' for a function name');
    // the cursor on "np" of np.tanh finds it too
    await expectHover(py, 'np.tanh', [TANH_PRIME], { offset: 0 });
    await expectHover(py, 'def sigmoid', [SIGMOID_PRIME], { offset: 5, rangeText: 'sigmoid' });
    await expectHover(py, 'torch.sigmoid', [SIGMOID_PRIME], { offset: 7 });
    await expectHover(py, 'F.relu', [RELU_PRIME], { offset: 3 });
    await expectHover(py, 'nn.LeakyReLU', [LEAKY_PRIME, "α = 0.2 (from `nn.LeakyReLU(…)`): g'(z) = 1 for z > 0 and 0.2 for z < 0."], { offset: 5 });
    await expectHover(py, 'activation="tanh"', [TANH_PRIME], { offset: 13, rangeText: 'tanh' });
  });

  test('activations.py: nothing on other words', async () => {
    for (const word of ['sigmoidal', 'np.maximum', 'np.where', 'astype', 'slope', 'import numpy', 'mean()', 'A1 shape', 'W1 @ X']) {
      await expectNoHover(py, word);
    }
    await expectNoHover(py, 'np.random.seed');
  });

  test('activations.ts: derivative names, Math.tanh, tf.leakyRelu(z, 0.2); nothing elsewhere', async () => {
    await expectHover(ts, 'sigmoidDerivative', [SIGMOID_PRIME, '4.54 × 10⁻⁵'], { offset: 9 });
    await expectHover(ts, 'tanhDerivative', [TANH_PRIME, '8.24 × 10⁻⁹'], { offset: 2 });
    await expectHover(ts, 'reluDerivative', [RELU_PRIME]);
    await expectHover(ts, 'leakyReluDerivative', [LEAKY_PRIME, 'α = 0.01'], { offset: 6 });
    await expectHover(ts, 'Math.tanh', [TANH_PRIME], { offset: 6 });
    await expectHover(ts, 'tf.leakyRelu', [LEAKY_PRIME, 'α = 0.2'], { offset: 4 });
    for (const word of ['Math.exp', 'Math.max', 'toFixed', 'slope', 'console.log', 'Z1.map']) {
      await expectNoHover(ts, word, 0, word.length - 2);
    }
  });

  test('Markdown prose, a model file, and not other JSON', async () => {
    const md = await vscode.workspace.openTextDocument({ language: 'markdown', content: "A Leaky ReLU never dies; σ'(z) is at most 1/4.\n" });
    await expectHover(md, 'Leaky ReLU', [LEAKY_PRIME], { offset: 7 });
    await expectHover(md, "σ'", [SIGMOID_PRIME]);
    await expectNoHover(md, 'never');

    const model = workspaceFile('hover-probe.model.json');
    const other = workspaceFile('hover-probe.json');
    const json = '{\n  "architecture": { "nx": 2, "nh": 4, "activation": "tanh" }\n}\n';
    await vscode.workspace.fs.writeFile(model, new TextEncoder().encode(json));
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(json));
    try {
      const modelDoc = await vscode.workspace.openTextDocument(model);
      await expectHover(modelDoc, 'tanh', [TANH_PRIME], { offset: 1 });
      const otherDoc = await vscode.workspace.openTextDocument(other);
      await expectNoHover(otherDoc, 'tanh');
    } finally {
      await vscode.workspace.fs.delete(model);
      await vscode.workspace.fs.delete(other);
    }
  });

  test('a Jupyter notebook code cell', async () => {
    const data = new vscode.NotebookData([
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'A1 = np.tanh(W1 @ X + b1)\ndZ1 = W2.T @ dZ2 * tanh_derivative(Z1)', 'python'),
    ]);
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    const cell = notebook.cellAt(0).document;
    assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
    await expectHover(cell, 'np.tanh', [TANH_PRIME], { offset: 4 });
    await expectHover(cell, 'tanh_derivative', [TANH_PRIME, '8.24 × 10⁻⁹'], { offset: 1 });
  });

  test('settings apply at once: off, then limited to some languages', async () => {
    await setHover('enabled', false);
    try {
      await expectNoHover(py, 'sigmoid_derivative');
      await expectNoHover(ts, 'sigmoidDerivative');
    } finally {
      await setHover('enabled', undefined);
    }
    await expectHover(py, 'sigmoid_derivative', [SIGMOID_PRIME]);

    await setHover('languages', ['typescript']);
    try {
      await expectNoHover(py, 'sigmoid_derivative');
      await expectHover(ts, 'sigmoidDerivative', [SIGMOID_PRIME]);
    } finally {
      await setHover('languages', undefined);
    }
    await expectHover(py, 'sigmoid_derivative', [SIGMOID_PRIME]);
  });
});
