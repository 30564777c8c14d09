# Node's major pinned to what package.json "engines" and the tests run on (20); bookworm-slim base.
ARG NODE_IMAGE=node:20-bookworm-slim

# Build: bundle src/main.ts and its dependencies into one file, dist/bot.cjs, with V8's code cache
# of it and the entry dist/main.js (esbuild; see scripts/build.mjs). Node then loads one file and
# its bytecode at start instead of ~300 modules. Recording the cache builds the knowledge once,
# so the seeds and locales are here too; the cache fits the run stage's Node (the same image).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY seeds ./seeds
COPY locales ./locales
COPY src ./src
RUN npm run build

# Run: production dependencies (the bundle loads what it leaves external from node_modules: msgpackr's
# optional native decoder), the bundle, the seeds and the locales (found at run time by path, beside
# dist/); nothing else (no tsx at run time, no terminal-chat stand-in: NODE_ENV=production without
# BOT_TOKEN stops with one line).
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
COPY locales ./locales
USER node
EXPOSE 8080
# /healthz answers while the process runs; node's fetch, since the slim image has no curl.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form): updates in flight finish, see SHUTDOWN_TIMEOUT_MS.
CMD ["node", "dist/main.js"]
