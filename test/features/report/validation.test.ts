import { describe, expect, it } from "vitest";
import { matchOption } from "../../../src/features/report/steps.js";
import {
  cleanSettlement,
  commentSchema,
  locationSchema,
  parseSpeed,
  readSpeed,
  reportSchema,
  settlementKey,
  settlementSchema,
} from "../../../src/features/report/validation.js";

describe("report validation", () => {
  it.each(["Иртышск", "с. Жана-Аул", "Ақсу", "Qos'agash", "Посёлок 5-й"])(
    "accepts the settlement %s",
    (name) => expect(settlementSchema.safeParse(name).success).toBe(true),
  );

  it.each(["село Шакат, Баянаульский район", "Шақат ауылы (Баянауыл ауданы)", "с.Иртышск"])(
    "accepts the settlement with its district or kind of place: %s",
    (name) => expect(settlementSchema.safeParse(name).success).toBe(true),
  );

  it.each(["И", "12", "x".repeat(81), "Иртышск!", "<b>", "🚀🚀", "Ж/д разъезд", "http://x.kz"])(
    "rejects the settlement %s",
    (name) => expect(settlementSchema.safeParse(name).success).toBe(false),
  );

  it("tidies spaces and dashes in settlement names", () => {
    expect(settlementSchema.parse("  Жана  –  Аул ")).toBe("Жана - Аул");
  });

  it("groups spellings of one place and separates regions", () => {
    expect(settlementKey("pavlodar", "с. Иртышск")).toBe("pavlodar:иртышск");
    expect(settlementKey("pavlodar", "село ИРТЫШСК")).toBe("pavlodar:иртышск");
    expect(settlementKey("pavlodar", "Жана-Аул")).toBe(settlementKey("pavlodar", "Жана Аул"));
    expect(settlementKey("pavlodar", "Подгорное")).toBe(settlementKey("pavlodar", "Подгорное"));
    expect(settlementKey("akmola", "Иртышск")).not.toBe(settlementKey("pavlodar", "Иртышск"));
    // A place called just "Аул" keeps its name.
    expect(settlementKey("abai", "Аул")).toBe("abai:аул");
  });

  it.each([
    ["село Шакат, Баянаульский район", "Шакат"],
    ["Шақат ауылы, Баянауыл ауданы", "Шақат"],
    ["с. Шакат (Баянаульского района)", "Шакат"],
    ["п. Майкаин", "Майкаин"],
    ["с.Иртышск", "Иртышск"],
    ["район Аккулы, село Шарбакты", "Шарбакты"],
    ["Жана-Аул", "Жана-Аул"],
    ["Аул", "Аул"],
  ])("understands %s as %s", (typed, understood) => expect(cleanSettlement(typed)).toBe(understood));

  it("groups the same village typed several ways into one place", () => {
    const keys = [
      "село Шакат, Баянаульский район",
      "Шакат",
      "с. ШАКАТ",
      "Шақат ауылы",
      "Шакат, Баянаульский р-н",
      "пос. Шакат.",
    ].map((typed) => settlementKey("pavlodar", typed));
    expect(new Set(keys)).toEqual(new Set(["pavlodar:шакат"]));
    expect(settlementKey("pavlodar", "Ёлкино")).toBe(settlementKey("pavlodar", "Елкино"));
  });

  it.each([
    ["0", 0],
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["10000", 10000],
    ["12 Мбит/с", 12],
    ["8 mbps", 8],
    ["0,25", 0.25],
    ["512 кбит/с", 0.512],
    ["512 Кбит/с", 0.512],
    ["256 kbps", 0.256],
    ["800 кб/с", 0.8],
    ["1,5 Мбит/сек", 1.5],
    ["2 мегабита", 2],
    ["полтора", 1.5],
    ["полтора мегабита", 1.5],
    ["пол мегабита", 0.5],
    ["два с половиной мегабита", 2.5],
    ["бір жарым", 1.5],
    ["екі жарым мегабит", 2.5],
    ["жарты мегабит", 0.5],
    ["меньше мегабита", 0.5],
    ["Менее 1 Мбит", 0.5],
    ["мегабиттен аз", 0.5],
    ["около 3", 3],
    ["шамамен 5 Мбит/с", 5],
    ["1 Гбит/с", 1000],
  ])("reads the speed %s", (text, value) => expect(parseSpeed(text)).toBe(value));

  it.each(["10001", "-1", "1e3", "", "быстро", "1,2,3", "100000", "20 Гбит/с", "полтора арбуза"])(
    "rejects the speed %s",
    (text) => expect(parseSpeed(text)).toBeUndefined(),
  );

  it("says why a speed was refused", () => {
    expect(readSpeed("100000")).toEqual({ ok: false, reason: "too-high" });
    expect(readSpeed("-2")).toEqual({ ok: false, reason: "negative" });
    expect(readSpeed("быстро")).toEqual({ ok: false, reason: "unreadable" });
  });

  it("takes locations inside Kazakhstan's box only", () => {
    expect(locationSchema.safeParse({ latitude: 51.1, longitude: 71.4 }).success).toBe(true);
    expect(locationSchema.safeParse({ latitude: 55.75, longitude: 37.62 }).success).toBe(false);
    expect(locationSchema.safeParse({ latitude: 39.9, longitude: 70 }).success).toBe(false);
  });

  it("limits comments to 500 characters", () => {
    expect(commentSchema.safeParse("ж".repeat(500)).success).toBe(true);
    expect(commentSchema.safeParse("ж".repeat(501)).success).toBe(false);
    expect(commentSchema.safeParse("   ").success).toBe(false);
  });

  it("validates a whole report and refuses unknown values", () => {
    const valid = {
      userId: 1,
      lang: "kk",
      region: "pavlodar",
      settlement: "Ертіс",
      operator: "kcell",
      connection: "fibre",
      problem: "drops",
      speedMbps: null,
      location: null,
      comment: null,
    };
    expect(reportSchema.safeParse(valid).success).toBe(true);
    expect(reportSchema.safeParse({ ...valid, region: "moscow" }).success).toBe(false);
    expect(reportSchema.safeParse({ ...valid, operator: undefined }).success).toBe(false);
    expect(reportSchema.safeParse({ ...valid, speedMbps: 10001 }).success).toBe(false);
  });

  it("matches typed answers to options by name or unique prefix", () => {
    const options = [
      { value: "almaty-region", labels: ["Алматинская область", "Алматы облысы"] },
      { value: "almaty", labels: ["г. Алматы", "Алматы қаласы"] },
      { value: "pavlodar", labels: ["Павлодарская область", "Павлодар облысы"] },
    ];
    expect(matchOption("павлодар", options)).toBe("pavlodar");
    expect(matchOption("г. Алматы", options)).toBe("almaty");
    expect(matchOption("Алматы", options)).toBe("almaty");
    expect(matchOption("Алм", options)).toBeUndefined();
    expect(matchOption("П", options)).toBeUndefined();
  });
});
