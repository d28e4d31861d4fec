// The import directions of docs/architecture.md as an eslint rule: each folder of src/ names what it may import
// (an allow-list, as VS Code's layer rules do); anything else is an error. The most specific folder key wins; a
// file imports freely inside its own folder. An entry names a folder (all of it) or one file (a file that is a layer
// of its own). The allowed graph has no cycle, not even through a single file: keep it so.
import { dirname, relative, resolve } from 'node:path';

const MAIN_FEATURES = [
  'src/main/cocoon',
  'src/main/db',
  'src/main/demo',
  'src/main/exceptions',
  'src/main/exports',
  'src/main/findings',
  'src/main/imports',
  'src/main/matching',
  'src/main/outbox',
  'src/main/review',
  'src/main/threads',
  'src/main/xero',
];

// Starts a worker thread by entry name (bundled or from source): infrastructure that imports nothing in src/, so a
// feature that runs its own work off the thread (cocoon's XLSX reader, findings' account preparation) may use it.
const START_WORKER = 'src/main/threads/start-worker.ts';

export const ALLOWED = {
  [START_WORKER]: [],
  'src/shared': [],
  'src/renderer': ['src/shared'],
  'src/preload': ['src/shared'],
  'src/sandbox': ['src/shared/sync-model.ts'],
  'src/main/matching': ['src/shared'],
  'src/main/db': ['src/shared'],
  'src/main/cocoon': ['src/shared', START_WORKER],
  'src/main/exceptions': ['src/shared', 'src/main/db', 'src/main/cocoon', 'src/main/matching'],
  'src/main/xero': ['src/shared', 'src/main/db'],
  'src/main/review': ['src/shared', 'src/main/db', 'src/main/matching', 'src/main/xero'],
  'src/main/findings': [
    'src/shared',
    'src/main/db',
    'src/main/cocoon',
    'src/main/exceptions',
    'src/main/imports',
    'src/main/matching',
    'src/main/review',
    'src/main/xero',
    START_WORKER,
  ],
  'src/main/outbox': [
    'src/shared',
    'src/main/db',
    'src/main/exceptions',
    'src/main/findings',
    'src/main/matching',
    'src/main/review',
    'src/main/xero',
  ],
  'src/main/exports': ['src/shared', 'src/main/db', 'src/main/exceptions', 'src/main/outbox', 'src/main/review'],
  'src/main/imports': ['src/shared', 'src/main/db', 'src/main/cocoon', 'src/main/xero'],
  // Worker entries run a feature's work off the main thread.
  'src/main/threads': [
    'src/shared',
    'src/main/db',
    'src/main/cocoon',
    'src/main/exports',
    'src/main/findings',
    'src/main/matching',
    'src/main/outbox',
    'src/main/review',
  ],
  'src/main/demo': ['src/shared', 'src/main/db', 'src/main/exceptions', 'src/main/findings', 'src/main/imports', 'src/sandbox'],
  // The composition root and the handler groups: every feature, no transport.
  'src/main/app': ['src/shared', ...MAIN_FEATURES],
  'src/main/electron': ['src/shared', 'src/main/app', 'src/main/xero/storage'],
  'src/main/host': ['src/shared', 'src/main/app', 'src/main/xero'],
  // src/main/index.ts, the Electron bootstrap.
  'src/main': ['src/shared', 'src/main/app', 'src/main/electron', 'src/main/host', 'src/main/db', 'src/main/threads', 'src/main/xero'],
  'src/cli': ['src/shared', 'src/sandbox', 'src/main/app', 'src/main/host', ...MAIN_FEATURES],
};
// Tests may also import the Xero stand-in (src/sandbox) and the module they check across a folder.
const TEST_EXTRA = ['src/sandbox', 'src/main/outbox/call-plan.ts'];

const keys = Object.keys(ALLOWED).sort((a, b) => b.length - a.length);
const folderOf = (file) => keys.find((k) => file === k || file.startsWith(`${k}/`));
const within = (target, entry) =>
  target === entry ||
  target.startsWith(`${entry}/`) ||
  (/\.(ts|tsx|js|mjs)$/.test(entry) && target === entry.replace(/\.(ts|tsx|js|mjs)$/, ''));

const rule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { denied: '{{from}} may not import {{target}} (allowed: {{allowed}}); see docs/architecture.md.' },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split('\\').join('/');
    const from = folderOf(file);
    if (!from) return {};
    const allowed = [...ALLOWED[from], ...(/\.test\.tsx?$/.test(file) ? TEST_EXTRA : [])];
    const check = (node) => {
      const spec = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (!spec || !spec.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), spec))
        .split('\\')
        .join('/')
        .replace(/\.js$/, '');
      if (!target.startsWith('src/')) return;
      const targetFolder = folderOf(target) ?? folderOf(`${target}/index.ts`);
      if (targetFolder === from) return;
      if (allowed.some((entry) => within(target, entry) || within(`${target}.ts`, entry) || within(`${target}/index.ts`, entry))) return;
      context.report({ node, messageId: 'denied', data: { from, target, allowed: allowed.join(', ') || 'nothing else in src' } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

export const layersPlugin = { rules: { 'allowed-imports': rule } };
