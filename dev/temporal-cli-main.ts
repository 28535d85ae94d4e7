// `npm run temporal:install`: builds (or finds) the pinned Temporal CLI and prints its path.
import { ensureTemporalCli } from './temporal-cli';

try {
  console.log(ensureTemporalCli());
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
