# Holdfast worker and API image (docker-compose.yml runs it twice with different commands).
# Node 24: the current LTS (Node 20 reached end of life on 2026-04-30).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
COPY dev/prisma-cli.ts ./dev/prisma-cli.ts
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
# The dashboard the API serves at /.
RUN npm run web:build
USER node
CMD ["npm", "run", "api"]
