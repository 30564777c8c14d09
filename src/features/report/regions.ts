/**
 * Reference data for reports, copied from the shared kazakhstan.json (the bot must not read
 * ../shared at run time): 17 oblasts (after the 2022 reform) and 3 cities of republican
 * significance, the main operators, and a coarse bounding box for shared locations.
 */
export const REGIONS = [
  { id: "abai", ru: "Абайская область", kk: "Абай облысы" },
  { id: "akmola", ru: "Акмолинская область", kk: "Ақмола облысы" },
  { id: "aktobe", ru: "Актюбинская область", kk: "Ақтөбе облысы" },
  { id: "almaty-region", ru: "Алматинская область", kk: "Алматы облысы" },
  { id: "atyrau", ru: "Атырауская область", kk: "Атырау облысы" },
  { id: "east-kazakhstan", ru: "Восточно-Казахстанская область", kk: "Шығыс Қазақстан облысы" },
  { id: "jambyl", ru: "Жамбылская область", kk: "Жамбыл облысы" },
  { id: "jetisu", ru: "Жетысуская область", kk: "Жетісу облысы" },
  { id: "karaganda", ru: "Карагандинская область", kk: "Қарағанды облысы" },
  { id: "kostanay", ru: "Костанайская область", kk: "Қостанай облысы" },
  { id: "kyzylorda", ru: "Кызылординская область", kk: "Қызылорда облысы" },
  { id: "mangystau", ru: "Мангистауская область", kk: "Маңғыстау облысы" },
  { id: "north-kazakhstan", ru: "Северо-Казахстанская область", kk: "Солтүстік Қазақстан облысы" },
  { id: "pavlodar", ru: "Павлодарская область", kk: "Павлодар облысы" },
  { id: "turkistan", ru: "Туркестанская область", kk: "Түркістан облысы" },
  { id: "ulytau", ru: "Улытауская область", kk: "Ұлытау облысы" },
  { id: "west-kazakhstan", ru: "Западно-Казахстанская область", kk: "Батыс Қазақстан облысы" },
  { id: "astana", ru: "г. Астана", kk: "Астана қаласы" },
  { id: "almaty", ru: "г. Алматы", kk: "Алматы қаласы" },
  { id: "shymkent", ru: "г. Шымкент", kk: "Шымкент қаласы" },
] as const;

export type RegionId = (typeof REGIONS)[number]["id"];
/** The cities of republican significance, listed after the oblasts. */
export const CITY_IDS: readonly RegionId[] = ["astana", "almaty", "shymkent"];
export const REGION_IDS = REGIONS.map((r) => r.id) as [RegionId, ...RegionId[]];

/** Operator names are brands: the same in both languages except the local ones. */
export const OPERATORS = [
  { id: "kazakhtelecom", ru: "Казахтелеком", kk: "Қазақтелеком" },
  { id: "beeline", ru: "Beeline (Кар-Тел)", kk: "Beeline (Кар-Тел)" },
  { id: "kcell", ru: "Kcell", kk: "Kcell" },
  { id: "activ", ru: "Activ", kk: "Activ" },
  { id: "tele2-altel", ru: "Tele2 / Altel", kk: "Tele2 / Altel" },
  { id: "transtelecom", ru: "Транстелеком", kk: "Транстелеком" },
  { id: "other", ru: "Другой", kk: "Басқа" },
] as const;

export type OperatorId = (typeof OPERATORS)[number]["id"];
export const OPERATOR_IDS = OPERATORS.map((o) => o.id) as [OperatorId, ...OperatorId[]];

/** Connection kinds; labels live in the .ftl files as `report-connection-<id>`. */
export const CONNECTIONS = [
  "mobile-2g",
  "mobile-3g",
  "mobile-4g",
  "mobile-5g",
  "adsl",
  "fibre",
  "satellite",
  "unknown",
] as const;
export type ConnectionId = (typeof CONNECTIONS)[number];

/** Problem kinds; labels live in the .ftl files as `report-problem-<id>`. */
export const PROBLEMS = ["slow", "none", "drops", "other"] as const;
export type ProblemId = (typeof PROBLEMS)[number];

/** A coarse box around Kazakhstan: points inside may still be across a border, points outside never are. */
export const KZ_BOUNDS = { minLat: 40.5, maxLat: 55.5, minLon: 46.4, maxLon: 87.4 } as const;
