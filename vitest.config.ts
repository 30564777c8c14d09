import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A private redis-server when REDIS_URL is not set (see the file).
    globalSetup: ["test/support/global-setup.ts"],
    // as in production, grammY's composers are made cheaper before any feature module builds one
    setupFiles: ["src/bot/composer-speedups.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
