// The linear activation's hover: only where "linear" cannot mean anything else (issue 7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findActivationAt, findActivations } from '../../../../src/host/hover/recognize';

test('linear is recognised as an activation argument, key or keras path', () => {
  const cases: [string, string][] = [
    ["model.add(Dense(1, activation='linear'))", 'linear'],
    ['layers.Dense(4, activation="linear")', 'linear'],
    ['"activation": "linear",', 'linear'],
    ["MLPClassifier(hidden_layer_sizes=(4,), activation='identity')", 'identity'],
    ['{ activation: "linear" }', 'linear'],
    ['y = tf.keras.activations.linear(x)', 'tf.keras.activations.linear'],
    ['keras.activations.linear', 'keras.activations.linear'],
  ];
  for (const [line, text] of cases) {
    const found = findActivations(line).filter((m) => m.name === 'linear');
    assert.equal(found.length, 1, line);
    assert.equal(found[0].text, text, line);
    assert.equal(line.slice(found[0].start, found[0].end), text);
    assert.equal(found[0].isDerivative, false);
    // Hovering any character of it finds it; the quotes and the keyword do not.
    assert.equal(findActivationAt(line, found[0].start)?.name, 'linear');
    assert.equal(findActivationAt(line, found[0].end - 1)?.name, 'linear');
    assert.notEqual(findActivationAt(line, found[0].end)?.name, 'linear');
  }
});

test('other "linear"s name nothing', () => {
  for (const line of [
    '# a linear hidden layer collapses to logistic regression',
    'self.fc = nn.Linear(2, 4)',
    'linear = W @ x + b',
    'svm = SVC(kernel="linear")',
    'np.interp(x, xp, fp)  # linear interpolation',
    "mode = 'linear'",
    'The network is linear in W.',
  ]) {
    assert.deepEqual(findActivations(line).filter((m) => m.name === 'linear'), [], line);
  }
});

test('the other activations on a line with activation="linear" are still found', () => {
  const names = findActivations("Dense(4, activation='tanh'), Dense(1, activation='linear')").map((m) => m.name);
  assert.deepEqual(names, ['tanh', 'linear']);
});
