import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_MODULES = '^(node:|fs$|path$|os$|worker_threads$|child_process$|crypto$)';

/** One layer's import rule: no vscode, no node built-ins unless `node`, and no `../x` outside the folders in `up`. */
function layer(files, why, { up, node, own = [] }) {
  const allowed = [...up.map((d) => `${d}/`), ...own];
  const leaving = files[0].startsWith('src/cli.ts') ? `^\\./(?!${allowed.join('|')})` : allowed.length ? `^\\.\\./(?!${allowed.join('|')})` : '^\\.\\./';
  const patterns = [{ regex: leaving, message: why }];
  if (!node) patterns.push({ regex: NODE_MODULES, message: `${why} (no node built-ins)` });
  const rules = { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: `${why} (vscode only in src/host and extension.ts)` }], patterns }] };
  if (files[0] === 'src/engine/**/*.ts') rules['no-restricted-globals'] = ['error', 'window', 'document', 'process', 'require', 'Buffer'];
  return { files, rules };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': 'off',
    },
  },
  // The layers (ARCHITECTURE.md), one direction: engine ← shared ← core ← workers, cli, host ← extension.ts;
  // the webview sees shared and engine only. Each block is the whole rule for its folder.
  layer(['src/engine/**/*.ts'], 'the engine is pure math: it imports nothing outside src/engine', { up: [], node: false }),
  layer(['src/shared/**/*.ts'], 'src/shared is the browser-safe vocabulary of both processes: engine and shared only', { up: ['engine'], node: false }),
  layer(['src/core/**/*.ts'], 'src/core is the product on the engine, pure: engine, shared and core only', { up: ['engine', 'shared'], node: false }),
  layer(['src/workers/**/*.ts'], 'a worker imports engine, shared and core, never the host or vscode', { up: ['engine', 'shared', 'core'], node: true }),
  layer(['src/cli/**/*.ts'], 'the CLI imports engine, shared and core, never the host or vscode', { up: ['engine', 'shared', 'core'], node: true }),
  layer(['src/cli.ts'], 'the CLI entry composes src/cli on engine, shared and core', { up: [], node: true, own: ['cli/', 'engine/', 'shared/', 'core/'] }),
  {
    // Host features import what is below them and their neighbours, never the CLI; only extension.ts imports the panel.
    files: ['src/host/**/*.ts'],
    ignores: ['src/host/panel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '(^|/)cli(/|\\.ts$|$)', message: 'the host never imports the CLI' },
        { regex: '^\\.\\./panel/', message: 'only extension.ts imports the panel: pass what a feature needs from it in (isPanelOpen, openPanel)' },
        { regex: '(^|/)extension$', message: 'extension.ts composes; nothing imports it' },
      ] }],
    },
  },
  {
    files: ['src/host/panel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '(^|/)cli(/|\\.ts$|$)', message: 'the host never imports the CLI' },
        { regex: '(^|/)extension$', message: 'extension.ts composes; nothing imports it' },
      ] }],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'the webview talks to the host by messages only' }], patterns: [
        { regex: '^\\.\\./(\\.\\./)*src/(?!shared/|engine/)', message: 'the webview imports src/shared and src/engine only' },
        { regex: '^node:', message: 'the webview runs in a browser' },
      ] }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
