import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../../src/features/report/csv.js";
import { parseExportArgs } from "../../../src/features/report/export.js";
import { createTestBot, type TestBot } from "../../support/chat.js";
import { testRedis } from "../../support/redis.js";
import { RU_ANSWERS, sendReport } from "./helpers.js";

let redis: Redis;
let cleanup: () => Promise<void>;
let harness: TestBot;
let clock = new Date();
beforeAll(async () => {
  ({ redis, cleanup } = await testRedis("report-export"));
  harness = createTestBot({
    redis,
    env: { ADMIN_IDS: "900", MODERATOR_CHAT_ID: "-100123" },
    now: () => clock,
  });
  clock = new Date("2026-01-15T10:00:00Z");
  await sendReport(harness.user({ id: 4001 }), {
    ...RU_ANSWERS,
    settlement: "Жана-Аул",
    comment: 'Сказали "ждите", связи нет,\nвторую неделю',
  });
  clock = new Date("2026-02-01T18:59:00Z"); // 1 Feb 23:59 in Kazakhstan
  await sendReport(harness.user({ id: 4002 }), {
    ...RU_ANSWERS,
    region: "Акмолинская",
    settlement: "Шортанды",
    speed: "Не знаю",
    location: "Пропустить",
    comment: '=HYPERLINK("http://evil")',
  });
  clock = new Date("2026-02-01T19:01:00Z"); // 2 Feb 00:01 in Kazakhstan
  await sendReport(harness.user({ id: 4003 }), {
    ...RU_ANSWERS,
    settlement: "Иртышск",
    comment: "Пропустить",
  });
});
afterAll(() => cleanup());

const exportAs = async (id: number, args: string) => {
  const user = harness.user({ id });
  await user.send(`/export ${args}`.trim());
  const document = user.replies.find((r) => r.method === "sendDocument");
  return { user, file: document ? fileOf(document.payload) : undefined };
};

/**
 * The file of a sendDocument call. LocalBotApi puts files under `payload.files` when the multipart
 * header quotes the filename; grammY writes `filename=reports.csv` unquoted, so the content then
 * lands under the attach id the `document` field points to.
 */
function fileOf(payload: Record<string, unknown>): { filename: string; content: string } | undefined {
  const files = payload.files as Record<string, { filename: string; content: string }> | undefined;
  const first = files ? Object.values(files)[0] : undefined;
  if (first) return first;
  const attach = /^attach:\/\/(.+)$/.exec(String(payload.document))?.[1];
  return attach === undefined ? undefined : { filename: "reports.csv", content: String(payload[attach]) };
}

const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);

describe("/export", () => {
  it("sends admins every report as a CSV Excel opens in ru/kk: BOM, ';', local times with the zone named", async () => {
    const { user, file } = await exportAs(900, "");
    const csv = file?.content ?? "";
    expect(
      csv.startsWith(
        "\uFEFFreference;created (Asia/Almaty, UTC+5);region;region_name;district;settlement;settlement_key;operator;",
      ),
    ).toBe(true);
    expect(user.last.text).toBe(
      "Обращений в файле: 3 (все регионы, с 15.01.2026 по 02.02.2026). Время в файле — Asia/Almaty, UTC+5.",
    );
    // Commas inside a field need no quotes any more; line breaks and quotes still do.
    expect(csv).toContain('"Сказали ""ждите"", связи нет,\nвторую неделю"');
    // Formulas are defused, empty values stay empty, the reporter's id is not exported.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // 1 Feb 18:59 UTC is 23:59 in Kazakhstan, and the file says so.
    expect(csv).toContain(
      "R-2026-000002;01.02.2026 23:59;akmola;Акмолинская область;;Шортанды;шортанды;kcell;mobile-4g;slow;;;;;",
    );
    // Decimal commas: Excel set to Russian reads 1,5 as a number.
    expect(csv).toContain(";1,5;;52,1;76,9;");
    expect(csv).toContain(";new;Новое;;;");
    expect(csv).not.toContain("4001");
    expect(csv.endsWith("\r\n")).toBe(true);
    const header = rowsOf(csv)[0]?.split(";") ?? [];
    expect(header).toHaveLength(20);
    expect(
      rowsOf(csv)
        .slice(1)
        .every((row) => row.split(";").length >= 20),
    ).toBe(true);
  });

  it("filters by region and by days in Kazakhstan time, both ends included", async () => {
    const pavlodar = await exportAs(900, "region=pavlodar");
    expect(rowsOf(pavlodar.file?.content ?? "")).toHaveLength(3);
    const january = await exportAs(900, "from=01.01.2026 to=01.02.2026");
    const refs = (january.file?.content ?? "").match(/R-2026-\d{6}/g);
    expect(refs).toEqual(["R-2026-000001", "R-2026-000002"]);
    // The filter and the file agree: the last row's local date is the "to" day.
    expect(january.file?.content).toContain("01.02.2026 23:59");
    expect(january.user.last.text).toContain("с 01.01.2026 по 01.02.2026");
    const second = await exportAs(900, "from=2026-02-02 region=PAVLODAR");
    expect((second.file?.content ?? "").match(/R-2026-\d{6}/g)).toEqual(["R-2026-000003"]);
    const none = await exportAs(900, "region=ulytau");
    expect(none.file).toBeUndefined();
    expect(none.user.last.text).toBe("Обращений с такими условиями нет.");
  });

  it("explains bad arguments in the admin's language", async () => {
    const ru = await exportAs(900, "region=mars");
    expect(ru.user.last.text).toContain("Неизвестный регион «mars»");
    expect(ru.user.last.text).toContain("Формат: /export");
    const kk = harness.user({ id: 900, language_code: "kk" });
    await kk.send("/export from=30.02.2026");
    expect(kk.last.text).toContain("«30.02.2026» күні қате");
  });

  it("refuses everyone who is not an admin", async () => {
    const { user, file } = await exportAs(4001, "");
    expect(file).toBeUndefined();
    expect(user.last.text).toBe("Эта команда доступна только администраторам.");
  });
});

describe("export arguments", () => {
  it("parses region and an inclusive day range", () => {
    const args = parseExportArgs("region=pavlodar from=2026-01-01 to=2026-12-31");
    expect(args).toEqual({
      ok: true,
      filter: {
        region: "pavlodar",
        from: new Date("2025-12-31T19:00:00Z"),
        to: new Date("2026-12-31T19:00:00Z"),
      },
    });
    expect(parseExportArgs("").ok).toBe(true);
    expect(parseExportArgs("from=01.01.2026 to=31.12.2026")).toEqual({
      ok: true,
      filter: { from: new Date("2025-12-31T19:00:00Z"), to: new Date("2026-12-31T19:00:00Z") },
    });
  });

  it.each([
    ["region=", "report-export-bad-argument"],
    ["pavlodar", "report-export-bad-argument"],
    ["region=pavlodar region=abai", "report-export-bad-argument"],
    ["since=2026-01-01", "report-export-bad-argument"],
    ["region=mars", "report-export-bad-region"],
    ["from=2026-13-01", "report-export-bad-date"],
    ["to=1/02/2026", "report-export-bad-date"],
    ["to=32.01.2026", "report-export-bad-date"],
    ["from=2026-03-01 to=2026-02-01", "report-export-bad-range"],
  ])("rejects %s", (text, error) => {
    expect(parseExportArgs(text)).toMatchObject({ ok: false, error });
  });
});

describe("csv", () => {
  it("quotes only what needs quoting and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe("a,b");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(1.5)).toBe("1,5");
    expect(csvField("+7 700")).toBe("'+7 700");
    expect(csvField("@x")).toBe("'@x");
    expect(
      toCsv([
        ["a", "b"],
        ["c", null],
      ]),
    ).toBe("\uFEFFa;b\r\nc;\r\n");
  });
});
