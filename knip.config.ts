import type { KnipConfig } from 'knip';

/**
 * `npm run lint` and `npm test` run knip with this: a file nothing reaches, or an export nothing
 * imports, fails. Entries are what runs on its own: the app and its pages, the deployed functions,
 * the npm scripts (knip reads package.json, so scripts/ and bench/ helpers are checked, not trusted),
 * the tests and the tool configs.
 */

/** Every page the app declares (src/app.config.ts), as `<root>/<page>` under src/. */
function appPages(): string[] {
  const host = globalThis as { defineAppConfig?: (config: unknown) => unknown };
  host.defineAppConfig = (config) => config;
  const app = require('./src/app.config').default as {
    pages: string[];
    subPackages: { root: string; pages: string[] }[];
  };
  return [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

const config: KnipConfig = {
  entry: [
    'src/app.{tsx,config.ts}',
    ...appPages().flatMap((page) => [`src/${page}.tsx`, `src/${page}.config.ts`]),
    'cloudfunctions/*/index.ts',
    'test/**/*.test.ts',
    'cloudfunctions/**/*.spec.ts',
    'config/**',
  ],
  project: ['{src,cloudfunctions,scripts,bench,test,config,types}/**/*.{ts,tsx,js}', 'src/**/*.{scss,sass}'],
  // A type exported beside the function whose signature names it is part of that function's API.
  ignoreExportsUsedInFile: { interface: true, type: true },
  ignoreIssues: {
    // The contract's types are the API a client and a self-hoster program against (the money
    // types, the error body, the action helpers), whether or not this repository's code names them.
    'cloudfunctions/core/contract.ts': ['types'],
    // The client's one import for the server's types, next to the call itself.
    'src/api/index.ts': ['types'],
  },
  // Unused files and exports only: the Taro build names its plugins and runtime packages in config,
  // where the dependency check cannot see them.
  rules: {
    dependencies: 'off',
    devDependencies: 'off',
    optionalPeerDependencies: 'off',
    unlisted: 'off',
    binaries: 'off',
  },
};

export default config;
