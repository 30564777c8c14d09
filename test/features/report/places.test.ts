import { describe, expect, it } from "vitest";
import { CB } from "../../../src/features/report/keyboards.js";
import { Districts, loadDistricts, parsePlaces } from "../../../src/features/report/places.js";
import { REGION_IDS } from "../../../src/features/report/regions.js";

const TINY = [
  "type\tid\tregion\tru\tkk\tru_variants\tkk_variants",
  "region\tpavlodar\t\tПавлодарская область\tПавлодар облысы\t\t",
  "district\tpavlodar/bayanaul\tpavlodar\tБаянаульский район\tБаянауыл ауданы\tБаянаул\tБаянауыл",
  "town\tpavlodar/aksu\tpavlodar\tАксу\tАқсу\tЕрмак|г. Аксу\tАқсу қаласы",
  "district\tpavlodar/akkuly\tpavlodar\tрайон Аққулы\tАққулы ауданы\tЛебяжинский район\t",
].join("\n");

describe("the place dictionary", () => {
  it("parses the format, districts first, then towns, in each language's order", () => {
    const districts = new Districts(parsePlaces(TINY));
    expect(districts.of("pavlodar", "ru").map((p) => p.ru)).toEqual([
      "Баянаульский район",
      "район Аққулы",
      "Аксу",
    ]);
    expect(districts.of("pavlodar", "kk").map((p) => p.kk)).toEqual([
      "Аққулы ауданы",
      "Баянауыл ауданы",
      "Ақсу",
    ]);
    expect(districts.find("pavlodar", "pavlodar/akkuly")?.variants).toEqual(["Лебяжинский район"]);
    expect(districts.of("ulytau", "ru")).toEqual([]);
    expect(districts.find("abai", "pavlodar/aksu")).toBeUndefined();
  });

  it("names the line of a malformed entry", () => {
    expect(() => parsePlaces(`${TINY}\nvillage\tx\tpavlodar\tX\tX\t\t`)).toThrow(/line 6/);
    expect(() => parsePlaces("id\ttype")).toThrow(/header/);
  });

  it("is shipped with districts for every region, each fitting a button", () => {
    const districts = loadDistricts();
    for (const region of REGION_IDS) {
      const places = districts.of(region, "ru");
      expect(places.length, region).toBeGreaterThan(0);
      for (const place of places) {
        expect(Buffer.byteLength(CB.choice("district", place.id)), place.id).toBeLessThanOrEqual(64);
        expect(place.kk.length, place.id).toBeGreaterThan(0);
      }
    }
  });

  it("leaves the district step out when the file is missing, instead of failing", () => {
    expect(loadDistricts("/nonexistent/places.tsv").of("pavlodar", "ru")).toEqual([]);
  });
});
