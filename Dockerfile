# syntax=docker/dockerfile:1
# Berth's container image: the Next.js standalone server, run as a non-root
# user, plus the one-shot migration command (deploy/migrate-job.yaml runs it
# as a Kubernetes Job before a rollout; replicas never migrate at start-up).
# scripts/image/smoke.ts starts the build output exactly as this file's last
# stage does, where no Docker engine is available. See docs/production.md.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Dependencies from the committed lockfile. Note: `npm ci` fails for Next 16
# (no other-platform binaries in the registry); install keeps to the lockfile.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

FROM deps AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run db:generate \
 && npx next build \
 && node scripts/image/copy-migrator.mjs .next/migrate

FROM ${NODE_IMAGE} AS runtime
# git: Berth reads the environments repository with git and keeps its clone with it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    HOME=/tmp \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    BERTH_DATA_DIR=/data \
    BERTH_ENVIRONMENTS_REPO=/data/environments
# Owned by root and not writable by the app's user: the process can change
# nothing it runs. It writes only to /data (the clone) and /tmp, volumes in deploy/.
COPY --from=build /app/.next/standalone /app
COPY --from=build /app/.next/static /app/.next/static
COPY --from=build /app/.next/migrate /app/migrate
RUN mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
EXPOSE 3000
CMD ["node", "server.js"]
