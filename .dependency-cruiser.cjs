// The import rules of docs/architecture.md, checked in CI (`npm run lint:deps`) instead of by review alone.
/** @type {import('dependency-cruiser').IConfiguration} */
const PRODUCTION = '^(api|activities|config|domain|workflows|worker)/';
// Statements (and outbox rows) an activity runs that the API runs too: erasure, the dry run, the workload view.
const SHARED_SQL = '^activities/[a-z-]+-(sql|rows)\\.ts$';
// What config/ is for: configuration and the plumbing to PostgreSQL and Temporal, never a query of its own.
const PLUMBING =
  '^config/(database|db-errors|dependency-outage|env|logger|outage-watch|sql|temporal-deadline|with-timeout)\\.ts$';
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
      name: 'services-speak-no-http',
      comment:
        'Services raise domain errors (domain/errors/) and take inputs typed in domain/ or beside them; only api/http maps errors to statuses. Type-only imports too.',
      severity: 'error',
      from: { path: '^api/services/' },
      to: { path: '^api/http/' },
    },
    {
      name: 'worker-code-not-api',
      comment:
        'Workflows and activities share types with the API through domain/, never by importing the API (type-only imports too).',
      severity: 'error',
      from: { path: '^(workflows|activities)/' },
      to: { path: '^api/' },
    },
    {
      name: 'sql-lives-with-its-runner',
      comment:
        "Services and activities take only plumbing from config/; a query lives beside the service or activity that runs it (an activity's shared SQL: activities/*-sql.ts). Type-only imports too.",
      severity: 'error',
      from: { path: '^(api/services|activities)/' },
      to: { path: '^config/', pathNot: PLUMBING },
    },
    {
      name: 'config-is-plumbing',
      comment: 'config/ knows no service, activity or workflow: what it holds serves them all (type-only imports too).',
      severity: 'error',
      from: { path: '^config/' },
      to: { path: '^(api|activities|workflows|worker)/' },
    },
    {
      name: 'shared-sql-stays-plain',
      comment:
        "The activities' SQL the API borrows imports no other activity code, so the API never loads worker code.",
      severity: 'error',
      from: { path: SHARED_SQL },
      to: { path: '^activities/', pathNot: SHARED_SQL, dependencyTypesNot: ['type-only'] },
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
      comment:
        'The API reaches workflows only through their message definitions, search attributes and input schemas, and activities only for the SQL it shares with them (activities/*-sql.ts, *-rows.ts).',
      severity: 'error',
      from: { path: '^api/' },
      to: {
        path: ['^workflows/', '^activities/'],
        pathNot: ['^workflows/(messages|search-attributes|step-schemas)\\.ts$', SHARED_SQL],
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
