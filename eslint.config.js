// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import requireErlangExample from './scripts/eslint/require-erlang-example.mjs';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Erlang's exit/error/throw raise by design; `never`-returning helpers are the API.
      '@typescript-eslint/only-throw-error': 'off',
      // ...and a rejection carries whatever was thrown, Error or Erlang term.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      // Promises in process bodies are owned by the runtime; fire-and-forget is how spawn works.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs', 'examples/**/*.js', 'eslint.config.js'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Process bodies are async by contract even when they never await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The documentation's code as users write it: node:test's test() is not awaited there.
    files: ['test/types/snippets/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // STYLE.md: every export of a module's entry has TSDoc with a literal Erlang @example.
    files: ['*/index.ts', 'stdlib/*/index.ts', 'testing/*/index.ts'],
    plugins: { erlts: { rules: { 'require-erlang-example': requireErlangExample } } },
    rules: { 'erlts/require-erlang-example': 'error' },
  },
  {
    // Dependencies point one way (STYLE.md): the runtime imports no network module.
    files: ['runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/socket/**', '**/gen_tcp/**', '**/inet/**', 'node:net', 'node:dgram', 'node:dns'] },
      ],
    },
  },
);
