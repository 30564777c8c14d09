import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";

// A deployment without seeds/dictionary/places.tsv: reports must still work, without the district step.
vi.mock("../../../src/features/report/places.js", async (importOriginal) => {
  const places = await importOriginal<typeof import("../../../src/features/report/places.js")>();
  return { ...places, loadDistricts: () => new places.Districts([]) };
});

let redis: Redis;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ redis, cleanup } = await testRedis("report-no-dictionary")));
afterAll(() => cleanup());

describe("report conversation without the place dictionary", () => {
  it("skips the district step, counts the steps without it, and Back skips it too", async () => {
    const user = createTestBot({ redis }).user({ id: 2201 });
    await user.send("/report");
    expect(user.last.text).toContain("Шаг 1 из 10");
    await user.press("Павлодарская");
    expect(user.last.text).toContain("Шаг 2 из 9\nНапишите название населённого пункта");
    await user.send("село Шакат, Баянаульский район");
    expect(user.replies.find((r) => r.method === "editMessageText")?.text).toContain(
      "✓ Понял так: Шакат (Павлодарская область)",
    );
    await user.press("Назад");
    await user.press("Назад");
    expect(user.last.text).toContain("Шаг 1 из 9\nВ каком регионе");
  });
});
