// Prisma CLI configuration: runs migrations through the WASM schema engine and a pg driver adapter,
// so no native engine is downloaded (see prisma/cli-adapter.ts for the workarounds it needs).
import { defineConfig } from 'prisma/config';
import { createCliAdapter } from './prisma/cli-adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => createCliAdapter(process.env.DATABASE_URL ?? ''),
});
