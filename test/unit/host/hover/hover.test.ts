// The activation hover's pure half: which words at which columns name which activation (and which
// name none), α read from the call, the hover's text against the engine's table, and the plot.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACTIVATIONS, DEFAULT_LEAKY_ALPHA } from '../../../../src/engine/activations';
import { ACTIVATION_NAMES, type ActivationName } from '../../../../src/engine/types';
import {
  activationHoverMarkdown,
  activationHoverText,
  activationPlotSvg,
  base64Utf8,
  derivativeTable,
  escapeMarkdown,
  formatValue,
  HOVER_COMMANDS,
  svgDataUri,
} from '../../../../src/shared/activationText';
import { alphaAfter, classifyIdentifier, findActivationAt, findActivations, type ActivationMatch } from '../../../../src/host/hover/recognize';

/** The match with the cursor on the first character of `word` in `line` (the nth occurrence). */
function at(line: string, word: string, nth = 0, offset = 0): ActivationMatch | undefined {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = line.indexOf(word, i + 1);
  assert.ok(i >= 0, `"${word}" is not in "${line}"`);
  return findActivationAt(line, i + offset);
}

function expectMatch(line: string, word: string, name: ActivationName, isDerivative: boolean, text = word): ActivationMatch {
  // every column of the word gives the same match
  for (let offset = 0; offset < word.length; offset++) {
    const m = at(line, word, 0, offset);
    assert.ok(m, `no activation at "${word}"+${offset} in "${line}"`);
    assert.equal(m.name, name, `${word} in "${line}"`);
    assert.equal(m.isDerivative, isDerivative, `${word} in "${line}": isDerivative`);
    assert.equal(m.text, text, `${word} in "${line}": matched text`);
    assert.equal(line.slice(m.start, m.end), text, `${word} in "${line}": range`);
  }
  return at(line, word) as ActivationMatch;
}

describe('hover: recognising activations', () => {
  test('plain names in every spelling', () => {
    for (const [word, name] of [
      ['sigmoid', 'sigmoid'], ['logistic', 'sigmoid'], ['expit', 'sigmoid'], ['σ', 'sigmoid'], ['Sigmoid', 'sigmoid'],
      ['tanh', 'tanh'], ['Tanh', 'tanh'],
      ['relu', 'relu'], ['ReLU', 'relu'], ['RELU', 'relu'],
      ['leaky_relu', 'leaky-relu'], ['LeakyReLU', 'leaky-relu'], ['leakyRelu', 'leaky-relu'],
    ] as const) {
      expectMatch(`a = ${word}(z)`, word, name, false);
    }
  });

  test('derivative names', () => {
    for (const [word, name] of [
      ['sigmoid_derivative', 'sigmoid'], ['sigmoid_prime', 'sigmoid'], ['dsigmoid', 'sigmoid'], ['d_sigmoid', 'sigmoid'],
      ['sigmoid_backward', 'sigmoid'], ['sigmoidDerivative', 'sigmoid'], ['sigmoid_grad', 'sigmoid'],
      ['tanh_derivative', 'tanh'], ['tanh_prime', 'tanh'], ['dtanh', 'tanh'], ['tanhDerivative', 'tanh'],
      ['relu_backward', 'relu'], ['d_relu', 'relu'], ['relu_derivative', 'relu'], ['dReLU', 'relu'], ['reluDerivative', 'relu'],
      ['leaky_relu_derivative', 'leaky-relu'], ['leakyReluDerivative', 'leaky-relu'], ['leaky_relu_backward', 'leaky-relu'],
    ] as const) {
      expectMatch(`dZ1 = ${word}(Z1) * dA1`, word, name, true);
    }
  });

  test('library calls match with their path, and the cursor on the path finds them too', () => {
    expectMatch('    return np.tanh(z)', 'np.tanh', 'tanh', false);
    expectMatch('a = torch.sigmoid(z)', 'torch.sigmoid', 'sigmoid', false);
    expectMatch('a = torch.tanh(z)', 'torch.tanh', 'tanh', false);
    expectMatch('a = F.relu(self.fc1(x))', 'F.relu', 'relu', false);
    expectMatch('self.act = nn.ReLU()', 'nn.ReLU', 'relu', false);
    expectMatch('a = tf.nn.relu(z)', 'tf.nn.relu', 'relu', false);
    expectMatch('a = tf.keras.activations.tanh(z)', 'tf.keras.activations.tanh', 'tanh', false);
    expectMatch('const a = Math.tanh(z);', 'Math.tanh', 'tanh', false);
    expectMatch('p = scipy.special.expit(z)', 'scipy.special.expit', 'sigmoid', false);
    // an unknown object's method is the name alone
    expectMatch('h = self.relu(x)', 'relu', 'relu', false);
    assert.equal(at('h = self.relu(x)', 'self'), undefined);
    // a path that ends in something else names nothing
    assert.equal(at('a = np.exp(z)', 'np'), undefined);
  });

  test("Keras' activation strings and model files", () => {
    expectMatch('model.add(Dense(4, activation="relu"))', 'relu', 'relu', false);
    expectMatch("Dense(4, activation='tanh')", 'tanh', 'tanh', false);
    expectMatch("Dense(1, activation='sigmoid')", 'sigmoid', 'sigmoid', false);
    expectMatch('    "activation": "leaky-relu",', 'leaky-relu', 'leaky-relu', false);
    expectMatch('    "activation": "tanh",', 'tanh', 'tanh', false);
  });

  test('prose: Leaky ReLU in two words, and primes', () => {
    expectMatch('A Leaky ReLU keeps a small slope.', 'Leaky ReLU', 'leaky-relu', false);
    expectMatch("where σ'(z) = σ(z)(1 − σ(z))", "σ'", 'sigmoid', true);
    expectMatch('and tanh′(z) = 1 − tanh²(z)', 'tanh′', 'tanh', true);
    // a quote that closes a string is not a prime
    expectMatch("activation='tanh')", 'tanh', 'tanh', false);
  });

  test('no hover on words that merely contain the letters, or on other activations', () => {
    for (const line of [
      'stanhope = 1',
      'import prelude',
      'relugate(x)',
      'a sigmoidal curve',
      'nn.PReLU()',
      'F.relu6(x)',
      'tanhshrink(x)',
      'F.logsigmoid(x)',
      'hard_sigmoid(x)',
      'nn.GELU(), nn.ELU(), nn.SELU()',
      'tf.nn.sigmoid_cross_entropy_with_logits(labels, logits)',
      'logistic_regression.fit(X, y)',
      'leakyness = 3',
      'np.exp(-z)',
    ]) {
      assert.deepEqual(findActivations(line), [], line);
    }
  });

  test('the cursor off the word finds nothing; just after it, the word (as VS Code words do)', () => {
    const line = '    return np.tanh(z)';
    assert.equal(findActivationAt(line, 2), undefined);
    assert.equal(findActivationAt(line, 19), undefined); // on z
    assert.equal(findActivationAt(line, line.indexOf('(') )?.name, 'tanh'); // right after tanh
    assert.equal(findActivationAt('', 0), undefined);
  });

  test('every activation on a line, left to right', () => {
    const found = findActivations('for g, dg in [(sigmoid, sigmoid_derivative), (np.tanh, tanh_prime), (F.relu, d_relu)]:');
    assert.deepEqual(
      found.map((m) => [m.text, m.name, m.isDerivative]),
      [
        ['sigmoid', 'sigmoid', false],
        ['sigmoid_derivative', 'sigmoid', true],
        ['np.tanh', 'tanh', false],
        ['tanh_prime', 'tanh', true],
        ['F.relu', 'relu', false],
        ['d_relu', 'relu', true],
      ],
    );
  });

  test('classifyIdentifier is about the whole identifier', () => {
    assert.deepEqual(classifyIdentifier('Sigmoid_Derivative'), { name: 'sigmoid', isDerivative: true });
    assert.equal(classifyIdentifier('sigmoids'), undefined);
    assert.equal(classifyIdentifier('d'), undefined);
    assert.equal(classifyIdentifier('derivative'), undefined);
    assert.equal(classifyIdentifier('σ_prime'), undefined);
  });
});

describe("hover: Leaky ReLU's α", () => {
  test('from LeakyReLU(0.2) and negative_slope=0.2', () => {
    const a = expectMatch('self.act = nn.LeakyReLU(0.2)', 'nn.LeakyReLU', 'leaky-relu', false);
    assert.equal(a.alpha, 0.2);
    assert.equal(a.alphaSource, 'argument');
    const b = expectMatch('self.act = nn.LeakyReLU(negative_slope=0.2)', 'nn.LeakyReLU', 'leaky-relu', false);
    assert.equal(b.alpha, 0.2);
    const c = expectMatch('h = F.leaky_relu(x, negative_slope=0.2)', 'F.leaky_relu', 'leaky-relu', false);
    assert.equal(c.alpha, 0.2);
    assert.equal(expectMatch('h = F.leaky_relu(x, 0.05)', 'F.leaky_relu', 'leaky-relu', false).alpha, 0.05);
    assert.equal(expectMatch('h = tf.nn.leaky_relu(z, alpha=0.1)', 'tf.nn.leaky_relu', 'leaky-relu', false).alpha, 0.1);
    assert.equal(expectMatch('tf.layers.leakyReLU({alpha: 0.3})', 'tf.layers.leakyReLU', 'leaky-relu', false).alpha, 0.3);
  });

  test('from a definition: def leaky_relu(z, slope=0.01) and a TypeScript default parameter', () => {
    assert.equal(expectMatch('def leaky_relu(z, slope=0.02):', 'leaky_relu', 'leaky-relu', false).alpha, 0.02);
    assert.equal(
      expectMatch('export const leakyRelu = (z: number, slope = 0.03): number => z', 'leakyRelu', 'leaky-relu', false).alpha,
      0.03,
    );
    assert.equal(expectMatch('def leaky_relu_derivative(z, slope=0.01):', 'leaky_relu_derivative', 'leaky-relu', true).alpha, 0.01);
  });

  test("library defaults when the call gives none; the engine's when the library is unknown", () => {
    const torch = expectMatch('nn.LeakyReLU()', 'nn.LeakyReLU', 'leaky-relu', false);
    assert.deepEqual([torch.alpha, torch.alphaSource], [0.01, 'library default']);
    assert.equal(expectMatch('tf.nn.leaky_relu(z)', 'tf.nn.leaky_relu', 'leaky-relu', false).alpha, 0.2);
    assert.equal(expectMatch('layers.LeakyReLU()', 'layers.LeakyReLU', 'leaky-relu', false).alpha, 0.3);
    const bare = expectMatch('a = leaky_relu(z)', 'leaky_relu', 'leaky-relu', false);
    assert.equal(bare.alpha, undefined);
  });

  test('alphaAfter: not a slope, nothing', () => {
    assert.equal(alphaAfter('f(x)', 1), undefined);
    assert.equal(alphaAfter('f(x, 5)', 1), undefined); // outside [0, 1]
    assert.equal(alphaAfter('f', 1), undefined);
    assert.equal(alphaAfter('f(x, inplace=True, negative_slope=1e-2)', 1), 0.01);
  });

  test('other activations carry no α', () => {
    assert.equal(expectMatch('nn.ReLU(0.2)', 'nn.ReLU', 'relu', false).alpha, undefined);
  });
});

describe('hover: text from the engine table', () => {
  test("derivativeTable is the engine's dg at z = −10, 0, 10", () => {
    for (const name of ACTIVATION_NAMES) {
      const alpha = name === 'leaky-relu' ? 0.2 : undefined;
      const rows = derivativeTable(name, alpha);
      assert.deepEqual(rows.map((r) => r.z), [-10, 0, 10]);
      for (const r of rows) assert.equal(r.dg, ACTIVATIONS[name].dg(r.z, alpha ?? DEFAULT_LEAKY_ALPHA), `${name} at ${r.z}`);
    }
  });

  test("the lesson's values (the table's g' at −10, 0, 10)", () => {
    const v = (name: ActivationName, alpha?: number) => derivativeTable(name, alpha).map((r) => formatValue(r.dg));
    assert.deepEqual(v('sigmoid'), ['4.54 × 10⁻⁵', '0.25', '4.54 × 10⁻⁵']);
    assert.deepEqual(v('tanh'), ['8.24 × 10⁻⁹', '1', '8.24 × 10⁻⁹']);
    assert.deepEqual(v('relu'), ['0', '0', '1']);
    assert.deepEqual(v('leaky-relu'), ['0.01', '0.01', '1']);
    assert.deepEqual(v('leaky-relu', 0.2), ['0.2', '0.2', '1']);
  });

  test('formatValue', () => {
    assert.equal(formatValue(-1.5), '−1.5');
    assert.equal(formatValue(0.123456), '0.1235');
    assert.equal(formatValue(-2e-7), '−2 × 10⁻⁷');
    assert.equal(formatValue(Infinity), '∞');
  });

  test('the markdown holds both formulas, the range, the table from dg, the description and the two command links', () => {
    for (const name of ACTIVATION_NAMES) {
      const info = ACTIVATIONS[name];
      const md = activationHoverMarkdown(name);
      assert.ok(md.includes('`' + info.derivativeFormula + '`'), `${name}: derivative formula`);
      assert.ok(md.includes(info.range), `${name}: range`);
      for (const r of derivativeTable(name)) assert.ok(md.includes(formatValue(r.dg)), `${name}: g'(${r.z})`);
      assert.match(md, /'\(−10\) = [^·]+ · [^(]+'\(0\) = [^·]+ · [^(]+'\(10\) = /, `${name}: the lesson's values`);
      assert.ok(md.includes(escapeMarkdown(info.description)), `${name}: description`);
      assert.ok(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/.test(md), `${name}: plot`);
      const commands = [...md.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.deepEqual(commands, [...HOVER_COMMANDS], `${name}: commands`);
      assert.ok(!/<(?!\/)[a-z]/i.test(md.replace(/\(data:[^)]*\)/g, '')), `${name}: no HTML`);
    }
  });

  test('the train link carries the activation (and α) as the command argument', () => {
    const md = activationHoverMarkdown('leaky-relu', { alpha: 0.2, alphaSource: 'argument', matchedText: 'nn.LeakyReLU' });
    const m = /\(command:shallowNet\.trainOnCsv\?([^ )]+)/.exec(md);
    assert.ok(m);
    assert.deepEqual(JSON.parse(decodeURIComponent(m[1])), [{ settings: { activation: 'leaky-relu', leakyAlpha: 0.2 } }]);
    const t = /\(command:shallowNet\.trainOnCsv\?([^ )]+)/.exec(activationHoverMarkdown('tanh'));
    assert.deepEqual(JSON.parse(decodeURIComponent(t?.[1] ?? '')), [{ settings: { activation: 'tanh' } }]);
  });

  test("a derivative name shows g' first", () => {
    const md = activationHoverMarkdown('sigmoid', { isDerivative: true });
    const info = ACTIVATIONS.sigmoid;
    assert.ok(md.startsWith("**σ'** · derivative of sigmoid"), md.slice(0, 80));
    assert.ok(md.indexOf(info.derivativeFormula) < md.indexOf(info.formula));
    const plain = activationHoverMarkdown('sigmoid');
    assert.ok(plain.indexOf(info.formula) < plain.indexOf(info.derivativeFormula));
  });

  test("Leaky ReLU: g' is 1 for z > 0 and α for z < 0, with the α in use", () => {
    const md = activationHoverMarkdown('leaky-relu', { alpha: 0.2, alphaSource: 'argument', matchedText: 'nn.LeakyReLU' });
    assert.ok(md.includes("g'(z) = 1 for z > 0, α for z < 0"));
    assert.ok(md.includes("α = 0.2 (from `nn.LeakyReLU(…)`): g'(z) = 1 for z > 0 and 0.2 for z < 0."), md);
    assert.ok(md.includes("g'(−10) = 0.2 · g'(0) = 0.2\\* · g'(10) = 1  (\\*g'(0) is undefined; the engine uses α)"), md);
    const dflt = activationHoverMarkdown('leaky-relu');
    assert.ok(dflt.includes("α = 0.01 (the engine's default"), dflt);
  });

  test('the plain text for the panel says the same', () => {
    const text = activationHoverText('tanh');
    assert.ok(text.includes(ACTIVATIONS.tanh.formula));
    assert.ok(text.includes(ACTIVATIONS.tanh.derivativeFormula));
    assert.ok(text.includes("tanh'(−10) = 8.24 × 10⁻⁹ · tanh'(0) = 1 · tanh'(10) = 8.24 × 10⁻⁹"), text);
    assert.ok(!/[`*[\]\\]/.test(text), 'no markdown');
    assert.ok(activationHoverText('relu').includes("ReLU'(0) = 0* · ReLU'(10) = 1  (*ReLU'(0) is undefined; the engine uses 0)"));
  });
});

describe('hover: the plot', () => {
  test('the data URI decodes to an SVG with two curves in distinct colours and dash patterns', () => {
    for (const name of ACTIVATION_NAMES) {
      const uri = svgDataUri(activationPlotSvg(name, 0.2));
      const prefix = 'data:image/svg+xml;base64,';
      assert.ok(uri.startsWith(prefix));
      const svg = Buffer.from(uri.slice(prefix.length), 'base64').toString('utf8');
      assert.equal(svg, activationPlotSvg(name, 0.2));
      assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), name);
      assert.ok(svg.endsWith('</svg>'), name);
      const paths = [...svg.matchAll(/<path d="([^"]+)" stroke="(#[0-9a-f]{6})"( stroke-dasharray="[^"]+")?\/>/g)];
      assert.equal(paths.length, 2, `${name}: two paths`);
      assert.notEqual(paths[0][2], paths[1][2], `${name}: colours`);
      assert.notEqual(paths[0][3] ?? '', paths[1][3] ?? '', `${name}: dash patterns`);
      assert.equal((svg.match(/<path /g) ?? []).length, 2);
      assert.ok(svg.includes("g'(z)") || svg.includes("σ'(z)"), `${name}: legend`);
      assert.ok(!/fill="#(?:fff|ffffff|000|000000)"|<rect[^>]*fill=/i.test(svg), `${name}: no background`);
      // the ReLU family's g' jumps at 0: the path breaks there instead of drawing a wall
      if (name === 'relu' || name === 'leaky-relu') assert.equal((paths[1][1].match(/M/g) ?? []).length, 2, `${name}: g' in two pieces`);
    }
  });

  test("the curves are the engine's g and g' (sampled points fall on them)", () => {
    const svg = activationPlotSvg('tanh');
    const d = /<path d="([^"]+)" stroke="#[0-9a-f]{6}"\/>/.exec(svg)?.[1] ?? '';
    const pts = [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.equal(pts.length, 241);
    // tanh is odd: the first and last points are mirror images about the centre point
    const mid = pts[120];
    assert.ok(Math.abs(pts[0][1] - mid[1] + (pts[240][1] - mid[1])) < 0.2);
    assert.ok(pts[0][1] > mid[1] && pts[240][1] < mid[1], 'rises left to right (y grows downward)');
  });

  test('base64Utf8 matches Buffer for non-ASCII text', () => {
    for (const s of ['', 'a', 'ab', 'abc', "σ'(z) = σ(z)(1 − σ(z)) · α ∞"]) {
      assert.equal(base64Utf8(s), Buffer.from(s, 'utf8').toString('base64'));
    }
  });
});
