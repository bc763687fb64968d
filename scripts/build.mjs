// Bundles the three doors into dist/: the CLI, the GitHub Action and the Probot app.
// One file each, so the Action runs without node_modules and the CLI starts fast.
import { build } from 'esbuild';

const banner = {
  js: [
    "import { createRequire as __svcplanCreateRequire } from 'node:module';",
    'const require = __svcplanCreateRequire(import.meta.url);',
  ].join('\n'),
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner,
  legalComments: 'none',
  logLevel: 'warning',
  conditions: ['node'],
};
await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node\n' + banner.js } });
await build({ ...common, entryPoints: { action: 'src/action/main.ts' }, outdir: 'dist' });
// The bot runs where node_modules is installed (npm start); probot stays external.
await build({ ...common, entryPoints: { bot: 'src/bot/main.ts' }, outdir: 'dist', packages: 'external' });
