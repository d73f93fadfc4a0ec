/**
 * Lint for the boundaries between cloudfunctions/core's contexts (config/eslint/contexts.js draws
 * them). Run by `npm test` before the suites, and on its own by `npm run lint`.
 */
const tsParser = require('@typescript-eslint/parser');
const frontDoor = require('./config/eslint/context-boundaries');

module.exports = [
  {
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { contexts: { rules: { 'front-door': frontDoor } } },
    rules: { 'contexts/front-door': 'error' },
  },
];
