// Lint rules, and the architecture as import boundaries (docs/architecture.md): data flows one
// way, load → plan → render / apply → state; the core never imports a door or github/; plan/
// never imports apply/; load/ and plan/ do not import each other; the doors do not import each
// other. A boundary broken is an error in CI, not a matter for review.
import tseslint from 'typescript-eslint';

const DOORS = ['cli', 'action', 'bot'];
const CORE = ['model', 'load', 'plan', 'render', 'state', 'apply', 'drift', 'core', 'git'];

/** Relative imports of these top-level folders of src/, from any depth. */
const folders = (names) => names.flatMap((n) => [`../${n}/*`, `../../${n}/*`, `../../../${n}/*`, `../${n}`, `../../${n}`]);

const boundary = (files, forbidden, why) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: folders(forbidden), message: why }] }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/load/schema-validators.generated.ts', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Names starting with _ are kept on purpose (a destructured field left out, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  boundary(['src/model/**'], [...CORE.filter((n) => n !== 'model'), ...DOORS, 'github'], 'model/ is types and pure helpers: it imports nothing of svcplan'),
  boundary(
    CORE.filter((n) => n !== 'model').map((n) => `src/${n}/**`),
    [...DOORS, 'github'],
    'the core never imports a door or github/',
  ),
  boundary(['src/plan/**'], ['apply', 'load', 'state', 'core'], 'plan/ is pure: it imports model/ only (never apply/ or load/)'),
  boundary(['src/load/**'], ['plan', 'apply', 'state', 'render', 'core'], 'load/ turns files into the model: it never imports plan/ or what comes after'),
  boundary(['src/render/**'], ['load', 'apply', 'state', 'core'], 'render/ reads a plan and computes nothing'),
  boundary(['src/state/**'], ['load', 'plan', 'apply', 'render', 'core'], 'state/ stores records: it knows nothing of plans or applies'),
  boundary(['src/apply/**'], ['core', 'render', 'drift'], 'apply/ is below core/, drift/ and render/'),
  boundary(['src/drift/**'], ['core', 'render', 'load'], 'drift/ observes and compares: the doors render what it finds'),
  boundary(['src/github/**'], DOORS, 'github/ is shared by the doors and imports none of them'),
  boundary(['src/cli/**'], ['action', 'bot', 'github'], 'the CLI is a door of its own'),
  boundary(['src/action/**'], ['cli', 'bot'], 'the Action is a door of its own'),
  boundary(['src/bot/**'], ['cli', 'action'], 'the app is a door of its own'),
);
