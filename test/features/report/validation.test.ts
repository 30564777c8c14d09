import { describe, expect, it } from "vitest";
import { matchOption } from "../../../src/features/report/steps.js";
import {
  commentSchema,
  locationSchema,
  parseSpeed,
  reportSchema,
  settlementKey,
  settlementSchema,
} from "../../../src/features/report/validation.js";

describe("report validation", () => {
  it.each(["Иртышск", "с. Жана-Аул", "Ақсу", "Qos'agash", "Посёлок 5-й"])(
    "accepts the settlement %s",
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
    ["0", 0],
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["10000", 10000],
    ["12 Мбит/с", 12],
    ["8 mbps", 8],
    ["0,25", 0.25],
  ])("reads the speed %s", (text, value) => expect(parseSpeed(text)).toBe(value));

  it.each(["10001", "-1", "1e3", "", "быстро", "1,2,3", "100000"])("rejects the speed %s", (text) =>
    expect(parseSpeed(text)).toBeUndefined(),
  );

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
