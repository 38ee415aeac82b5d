// ESLint (flat config; a dotfile because the project's top level is fixed): typescript-eslint with type
// information, strict, plus the promise rules that catch a forgotten await. `npm run lint`, run by `npm test`.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.probe/**', '**/*.d.mts'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Numbers and booleans in messages are what the player and the modder read.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Returning a void call from a void function (`return sink.error(…)`) is house style for "report and stop".
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Indexes into the engine's arrays are valid by construction (compiled scenarios are checked once);
      // a `!` says so where TypeScript cannot see it.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Without noUncheckedIndexedAccess a record indexed by an id never looks undefined, so this rule would
      // remove the very checks that guard data read from users' files.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // A rejection from node:fs is an ErrnoException; typing the callback so reads its `code` plainly.
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'off',
      // Values from users' JSON are turned into text on purpose, in messages and keys.
      '@typescript-eslint/no-base-to-string': 'off',
      // A Host method is async by contract, also where this host can answer at once.
      '@typescript-eslint/require-await': 'off',
      // IndexedDB and the DOM reject with DOMException, which is what the caller reports.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // zod helpers name the shape they take even where it appears once.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read JSON and poke at values on purpose; the rules about `any` would only add casts.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
)
