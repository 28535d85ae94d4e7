// The import rules of docs/architecture.md, checked in CI (`npm run lint:deps`) instead of by review alone.
/** @type {import('dependency-cruiser').IConfiguration} */
const PRODUCTION = '^(api|activities|config|domain|workflows|worker)/';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ holds pure rules: zod, pure maths (@stdlib, ml-matrix, pure-rand), SMS part counting (sms-segments-calculator) and other domain files only (no I/O, Temporal, Express or Prisma).',
      severity: 'error',
      from: { path: '^domain/' },
      to: {
        pathNot: [
          '^domain/',
          '^node_modules/zod/',
          '^node_modules/@stdlib/',
          '^node_modules/ml-matrix/',
          '^node_modules/pure-rand/',
          '^node_modules/sms-segments-calculator/',
        ],
      },
    },
    {
      name: 'workflows-are-deterministic',
      comment: 'Workflow code replays: @temporalio/workflow, domain/ and other workflow files, activity types only.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: {
        pathNot: ['^workflows/', '^domain/', '^node_modules/@temporalio/workflow/', '^node_modules/zod/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'activities-not-api-or-workflow-code',
      comment: 'Activities run in the worker; they may use workflow types, never the API or workflow code.',
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: ['^api/', '^workflows/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-talks-to-workflows-by-message',
      comment: 'The API reaches workflows only through their message definitions, search attributes and input schemas.',
      severity: 'error',
      from: { path: '^api/' },
      to: {
        path: ['^workflows/', '^activities/'],
        pathNot: ['^workflows/(messages|search-attributes|step-schemas)\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'worker-not-api',
      comment: 'The worker wires activities and workflows; the API is another process.',
      severity: 'error',
      from: { path: '^worker/' },
      to: { path: '^api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'production-not-dev-tests-bench',
      comment: 'What a bank deploys must not load the local stack, the tests or the benchmarks.',
      severity: 'error',
      from: { path: PRODUCTION },
      to: { path: '^(dev|tests|bench)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and the parts impossible to read one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^web/dist', '^dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
