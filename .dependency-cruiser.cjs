// Import boundaries: DESIGN's table of who may import whom, checked by the test command
// (`pnpm lint:boundaries`). Each rule names the boundary it keeps; a violation fails the run.
/** What of the engine the editor may import: its browser-safe entries, and data. */
const editorEngineEntries = [
  '^engine/src/compiler/index\\.ts$',
  '^engine/src/expressions/index\\.ts$',
  '^engine/examples/[^/]+\\.json$',
  '^engine/bench/generateFlow\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-only-zod',
      comment: 'shared/ is the common language: zod schemas and types, no other package and no platform code.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', 'node_modules/(zod|vitest|@vitest)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'nodes-imports-shared-only',
      comment: 'nodes/ may import shared, zod, xstate and croner; never the engine, the server or the editor app.',
      severity: 'error',
      from: { path: '^nodes/' },
      to: { path: '^(engine|server|editor)/' },
    },
    {
      name: 'nodes-react-only-in-editor-views',
      comment: "React belongs to a node's editor view (editor.tsx) and the editor registry, never to definitions or runtimes.",
      severity: 'error',
      from: { path: '^nodes/src/', pathNot: ['/editor\\.tsx$', '^nodes/src/(editor|editors|form)\\.ts$'] },
      to: { path: 'node_modules/(react|react-dom|lucide-react)/' },
    },
    {
      name: 'node-definitions-not-runtime',
      comment: 'Definitions (editor and server alike) never pull in a runtime or an editor view.',
      severity: 'error',
      from: { path: '^nodes/src/[^/]+/definition\\.ts$' },
      to: { path: ['/runtime\\.ts$', '/editor\\.tsx$'] },
    },
    {
      name: 'engine-never-imports-server-or-editor',
      comment: 'The engine declares ports (store, outbox, clock) that the server implements; it never imports the server or the editor.',
      severity: 'error',
      from: { path: '^engine/' },
      to: { path: '^(server|editor)/' },
    },
    {
      name: 'engine-no-database-or-http-framework',
      comment: 'No SQL client, ORM or HTTP framework in the engine: those live in the server behind the store port.',
      severity: 'error',
      from: { path: '^engine/src/' },
      to: { path: 'node_modules/(pg|drizzle-orm|hono|@hono/[^/]+)/' },
    },
    {
      name: 'server-never-imports-editor',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^editor/' },
    },
    {
      name: 'services-never-import-http',
      comment: 'Only the HTTP layer (server/src/http) and the process entry points know about HTTP routes; services, store, ingest and workers do not.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: ['^server/src/http/', '^server/src/processes/', '^server/src/main\\.ts$'] },
      to: { path: '^server/src/http/' },
    },
    {
      name: 'editor-engine-only-compiler-and-expressions',
      comment:
        "The editor runs the server's checks through the engine's browser-safe entries (compiler, expressions), nothing else of the engine. " +
        'Data it may read: the example flows, and the flow generator of the benchmarks (pure, loaded on demand for ?bench=N).',
      severity: 'error',
      from: { path: '^editor/', pathNot: '^editor/test/browser/' },
      to: {
        path: '^engine/',
        pathNot: editorEngineEntries,
      },
    },
    {
      name: 'editor-browser-tests-engine-entries',
      comment: 'Browser tests may also start the Cloud API stand-in (the one fake: Meta), to connect a number through the screens.',
      severity: 'error',
      from: { path: '^editor/test/browser/' },
      to: {
        path: '^engine/',
        pathNot: [...editorEngineEntries, '^engine/src/whatsapp/standIn/'],
      },
    },
    {
      name: 'editor-no-node-runtimes',
      comment: 'The editor bundle never pulls in server-side node code: definitions and editor views only.',
      severity: 'error',
      from: { path: '^editor/src/' },
      to: { path: ['^nodes/src/runtime\\.ts$', '^nodes/src/runtimes\\.ts$', '^nodes/src/[^/]+/runtime\\.ts$'] },
    },
    {
      name: 'editor-server-types-only',
      comment: 'The editor may know the server only by its types.',
      severity: 'error',
      from: { path: '^editor/' },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'editor-app-no-node-builtins',
      comment: 'The editor app runs in the browser.',
      severity: 'error',
      from: { path: '^editor/src/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves nowhere (a missing dependency or a typo).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: ['/\\.tsbuild/', '^editor/dist/'] },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
