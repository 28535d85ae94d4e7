// `npx tsx dev/synthetic-churn-main.ts <customers> [seed]`: made-up labelled customers as CSV on stdout
// (dev/synthetic-churn.ts). examples/churn-history.csv is `3000 7`.
import { syntheticChurnCsv } from './synthetic-churn';

const [count = '3000', seed = '7'] = process.argv.slice(2);
process.stdout.write(syntheticChurnCsv(Number(count), Number(seed)));
