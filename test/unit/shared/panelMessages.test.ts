// The host's gate for messages from the webview: exactly the protocol passes, anything else is dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromWebview } from '../../../src/shared/panelMessages';
import { PNG_DATA_URL_MAX, parsePngDataUrl, parseTrainSettings } from '../../../src/shared/validators';
import { BUILT_IN_DEFAULTS } from '../../../src/shared/settingsDefaults';

test('the protocol messages pass, rebuilt with only their own fields', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready', extra: 1 }), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'stop' }), { type: 'stop' });
  assert.deepEqual(parseFromWebview({ type: 'saveModel', runId: 3 }), { type: 'saveModel', runId: 3 });
  assert.deepEqual(parseFromWebview({ type: 'revealError', runId: 4 }), { type: 'revealError', runId: 4 });
  assert.deepEqual(parseFromWebview({ type: 'gradientCheck', runId: 5, settings: {} }), { type: 'gradientCheck', runId: 5 });
  const train = parseFromWebview({ type: 'train', settings: { ...BUILT_IN_DEFAULTS, evil: '<script>' } });
  assert.deepEqual(train, { type: 'train', settings: BUILT_IN_DEFAULTS });
  assert.deepEqual(parseFromWebview({ type: 'train', settings: BUILT_IN_DEFAULTS, csvOfRun: 7 }), { type: 'train', settings: BUILT_IN_DEFAULTS, csvOfRun: 7 });
});

test('anything else is dropped', () => {
  const bad: unknown[] = [
    null, 'ready', [], { type: 'exec', command: 'rm' }, { type: 'saveModel', runId: -1 }, { type: 'saveModel', runId: 1.5 },
    { type: 'revealError' }, { type: 'gradientCheck' }, { type: 'gradientCheck', runId: '2' }, { type: 'gradientCheck', runId: -3 },
    { type: 'train' }, { type: 'train', settings: { ...BUILT_IN_DEFAULTS, hiddenUnits: 0 } },
    { type: 'train', settings: { ...BUILT_IN_DEFAULTS, learningRate: Number.NaN } },
    { type: 'train', settings: { ...BUILT_IN_DEFAULTS, activation: 'swish' } },
    { type: 'train', settings: { ...BUILT_IN_DEFAULTS, iterations: '100' } },
    { type: 'train', settings: BUILT_IN_DEFAULTS, csvOfRun: '1' }, { type: 'train', settings: BUILT_IN_DEFAULTS, csvOfRun: -1 },
  ];
  for (const m of bad) assert.equal(parseFromWebview(m), undefined, JSON.stringify(m));
  assert.equal(parseTrainSettings({ ...BUILT_IN_DEFAULTS, target: 42 }), undefined);
});

test('exportPng: only a base64 PNG data URL of sane size passes', () => {
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  assert.deepEqual(parseFromWebview({ type: 'exportPng', dataUrl: png, path: '/etc/passwd' }), { type: 'exportPng', dataUrl: png });
  const bad: unknown[] = [
    undefined, 42, '', 'data:image/png;base64,', 'data:image/jpeg;base64,iVBORw0KGgo=', 'data:text/html;base64,PHNjcmlwdD4=',
    'data:image/png;base64,iVBORw0K<script>', 'data:image/png;base64,iVBORw0KGgo', 'DATA:IMAGE/PNG;BASE64,iVBORw0KGgo=',
    'data:image/png;base64,' + 'A'.repeat(PNG_DATA_URL_MAX),
  ];
  for (const dataUrl of bad) {
    assert.equal(parsePngDataUrl(dataUrl), undefined, String(dataUrl).slice(0, 40));
    assert.equal(parseFromWebview({ type: 'exportPng', dataUrl }), undefined);
  }
});
