// Lint: typescript-eslint's recommended rules, the rules of hooks in the renderer, plus the layering rules of docs/architecture.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersPlugin } from './eslint-layers.js';

const noElectron = {
  paths: [{ name: 'electron', message: 'electron is imported only in src/main/index.ts, src/preload and src/main/electron adapters.' }],
};

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      '.scratch/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'bench/.data/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { layers: layersPlugin },
    rules: {
      // Which folder may import which: the allow-lists in eslint-layers.js (docs/architecture.md).
      'layers/allowed-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', noElectron],
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Pure modules: no I/O, no Node built-ins, no electron.
    files: ['src/shared/**', 'src/main/matching/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noElectron, patterns: [{ group: ['node:*', 'fs', 'path', 'better-sqlite3'], message: 'pure module: no I/O here.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useLoad takes a deps list as useEffect does: its callers' lists are checked the same way.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLoad$' }],
      'no-restricted-imports': [
        'error',
        { ...noElectron, patterns: [{ group: ['node:*'], message: 'the renderer talks only to the contract (src/shared).' }] },
      ],
    },
  },
);
