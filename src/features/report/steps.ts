import type { InlineKeyboard, Keyboard } from "grammy";
import type { Language } from "../../bot/i18n.js";
import { choiceKeyboard, locationKeyboard, type Option } from "./keyboards.js";
import { type Districts, placeLabel } from "./places.js";
import {
  CITY_IDS,
  CONNECTIONS,
  type ConnectionId,
  OPERATORS,
  type OperatorId,
  PROBLEMS,
  type ProblemId,
  REGIONS,
  type RegionId,
} from "./regions.js";
import { locationText, regionName, renderFields, speedText, type Translate } from "./render.js";
import {
  COMMENT_MAX,
  cleanSettlement,
  commentSchema,
  locationSchema,
  readSpeed,
  SETTLEMENT_MAX,
  SETTLEMENT_MIN,
  settlementSchema,
} from "./validation.js";

export const STEP_IDS = [
  "region",
  "district",
  "settlement",
  "operator",
  "connection",
  "problem",
  "speed",
  "photo",
  "location",
  "comment",
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The half-finished report. `null` means "don't know" or "skipped"; `undefined` means not asked yet. */
export interface Draft {
  region?: RegionId;
  /** A district (or town) id from the place dictionary. */
  district?: string | null;
  settlement?: string;
  operator?: OperatorId;
  connection?: ConnectionId;
  problem?: ProblemId;
  speedMbps?: number | null;
  /** The Speedtest screenshot: "photo:<file id>" or "document:<file id>". */
  photo?: string | null;
  location?: { latitude: number; longitude: number } | null;
  comment?: string | null;
}

/** What an answer means: a change to the draft (with the label to show), or a hint to ask again. */
export type Parsed =
  | { ok: true; apply: (draft: Draft) => void; label?: string }
  | { ok: false; hint: string };

export interface Question {
  text: string;
  /** "Now: …" under the question when it is asked again; left out once it is answered. */
  current?: string | undefined;
  markup: InlineKeyboard | Keyboard;
  /** Location asks with a reply keyboard, which has to be removed afterwards. */
  replyKeyboard: boolean;
}

/** An image sent in the chat: a photo, or an image sent as a file. */
export interface SentImage {
  kind: "photo" | "document";
  fileId: string;
}

export interface Step {
  id: StepId;
  question(t: Translate, lang: Language, draft: Draft, withBack: boolean): Question;
  /** An inline button of this step; undefined when the value is not one of its buttons. */
  choose(value: string, t: Translate, lang: Language, draft: Draft): Parsed | undefined;
  /** Text typed at this step. */
  text(text: string, t: Translate, lang: Language, draft: Draft): Parsed;
  /** A shared location (only the location step takes one). */
  location(latitude: number, longitude: number, t: Translate): Parsed;
  /** An image (only the screenshot step takes one). */
  image?(image: SentImage, t: Translate): Parsed;
  /** True when the step has nothing to ask for this draft (a region without districts in the dictionary). */
  skip?(draft: Draft): boolean;
  /** What to say to a sticker, photo, voice... */
  hintKey: string;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/^г\.\s*/, "")
    .replace(/\s+/g, " ")
    .trim();

/** A typed answer to a choice: the option whose label (in any language given) is the text or uniquely starts with it. */
export function matchOption(
  text: string,
  options: { value: string; labels: string[] }[],
): string | undefined {
  const typed = fold(text);
  if (typed.length < 2) return undefined;
  const exact = options.find((o) => o.value === typed || o.labels.some((l) => fold(l) === typed));
  if (exact) return exact.value;
  if (typed.length < 3) return undefined;
  const prefixed = options.filter((o) => o.labels.some((l) => fold(l).startsWith(typed)));
  return prefixed.length === 1 ? prefixed[0]?.value : undefined;
}

/** The question, and the current answer when the step is asked again (Back, Edit). */
const withCurrent = (t: Translate, text: string, current: string | undefined) => ({
  text,
  current: current === undefined ? undefined : t("report-current", { value: current }),
});

const notLocation = (_latitude: number, _longitude: number, t: Translate): Parsed => ({
  ok: false,
  hint: t("report-hint-no-location"),
});

/** The steps answered by a choice; each stores its answer in the draft field of its own name. */
type ChoiceField = "region" | "operator" | "connection" | "problem";

interface ChoiceSpec<K extends ChoiceField> {
  id: K;
  questionKey: string;
  columns: number;
  options(t: Translate, lang: Language): Option[];
  /** Labels matched when the user types instead of pressing. */
  typedLabels(t: Translate, value: NonNullable<Draft[K]>): string[];
  values: readonly NonNullable<Draft[K]>[];
}

function choiceStep<K extends ChoiceField>(spec: ChoiceSpec<K>): Step {
  type V = NonNullable<Draft[K]>;
  const parsed = (value: V, t: Translate, lang: Language): Parsed => ({
    ok: true,
    apply: (draft) => {
      draft[spec.id] = value;
    },
    label: spec.options(t, lang).find((o) => o.value === value)?.label ?? value,
  });
  return {
    id: spec.id,
    hintKey: "report-hint-choose",
    question(t, lang, draft, withBack) {
      const options = spec.options(t, lang);
      const current = draft[spec.id];
      return {
        ...withCurrent(t, t(spec.questionKey), options.find((o) => o.value === current)?.label),
        markup: choiceKeyboard(t, spec.id, options, spec.columns, withBack),
        replyKeyboard: false,
      };
    },
    choose(value, t, lang) {
      const known = spec.values.find((v) => v === value);
      return known === undefined ? undefined : parsed(known, t, lang);
    },
    text(text, t, lang) {
      const value = matchOption(
        text,
        spec.values.map((v) => ({ value: v, labels: spec.typedLabels(t, v) })),
      );
      const known = spec.values.find((v) => v === value);
      return known === undefined ? { ok: false, hint: t("report-hint-choose") } : parsed(known, t, lang);
    },
    location: notLocation,
  };
}

const region = choiceStep({
  id: "region",
  questionKey: "report-ask-region",
  columns: 2,
  // Oblasts in the alphabetical order of the user's language, then the three cities.
  options: (_t, lang) =>
    [...REGIONS]
      .sort(
        (a, b) =>
          Number(CITY_IDS.includes(a.id)) - Number(CITY_IDS.includes(b.id)) ||
          a[lang].localeCompare(b[lang], lang),
      )
      .map((r) => ({ value: r.id, label: r[lang] })),
  typedLabels: (_t, id) => REGIONS.filter((r) => r.id === id).flatMap((r) => [r.ru, r.kk]),
  values: REGIONS.map((r) => r.id),
});

const operator = choiceStep({
  id: "operator",
  questionKey: "report-ask-operator",
  columns: 2,
  options: (_t, lang) => OPERATORS.map((o) => ({ value: o.id, label: o[lang] })),
  typedLabels: (_t, id) => OPERATORS.filter((o) => o.id === id).flatMap((o) => [o.ru, o.kk]),
  values: OPERATORS.map((o) => o.id),
});

const connection = choiceStep({
  id: "connection",
  questionKey: "report-ask-connection",
  columns: 2,
  options: (t) => CONNECTIONS.map((c) => ({ value: c, label: t(`report-connection-${c}`) })),
  typedLabels: (t, c) => [t(`report-connection-${c}`)],
  values: CONNECTIONS,
});

const problem = choiceStep({
  id: "problem",
  questionKey: "report-ask-problem",
  columns: 2,
  options: (t) => PROBLEMS.map((p) => ({ value: p, label: t(`report-problem-${p}`) })),
  typedLabels: (t, p) => [t(`report-problem-${p}`)],
  values: PROBLEMS,
});

const settlementStep = (districts: Districts): Step => ({
  id: "settlement",
  hintKey: "report-hint-text",
  question: (t, _lang, draft, withBack) => ({
    ...withCurrent(t, t("report-ask-settlement"), draft.settlement),
    markup: choiceKeyboard(t, "settlement", [], 1, withBack),
    replyKeyboard: false,
  }),
  choose: () => undefined,
  text(text, t, lang, draft) {
    const result = settlementSchema.safeParse(text);
    if (!result.success)
      return {
        ok: false,
        hint: t("report-settlement-invalid", { min: SETTLEMENT_MIN, max: SETTLEMENT_MAX }),
      };
    const value = result.data;
    // The reporter sees what was understood: the name without "село", the district, the region.
    const district = draft.district ? draftDistrictLabel(districts, t, lang, draft) : undefined;
    const where = [district, regionName(lang, draft.region)].filter(Boolean).join(", ");
    return {
      ok: true,
      apply: (d) => (d.settlement = value),
      label: t("report-settlement-understood", { name: cleanSettlement(value), where }),
    };
  },
  location: notLocation,
});

const speed: Step = {
  id: "speed",
  hintKey: "report-hint-text",
  question: (t, _lang, draft, withBack) => ({
    ...withCurrent(
      t,
      t("report-ask-speed"),
      draft.speedMbps === undefined ? undefined : speedText(t, draft.speedMbps),
    ),
    markup: choiceKeyboard(t, "speed", [], 1, withBack, [
      { value: "unknown", label: t("report-button-dont-know") },
    ]),
    replyKeyboard: false,
  }),
  choose: (value, t) =>
    value === "unknown"
      ? { ok: true, apply: (d) => (d.speedMbps = null), label: t("report-button-dont-know") }
      : undefined,
  text(text, t) {
    const reading = readSpeed(text);
    if (!reading.ok) return { ok: false, hint: t(`report-speed-${reading.reason}`) };
    const value = reading.mbps;
    return {
      ok: true,
      apply: (d) => (d.speedMbps = value),
      // "Less than a megabit" is kept as 0.5 for the medians, and the reporter is told so.
      label: reading.belowOne
        ? t("report-speed-understood-below-one", { speed: speedText(t, value) })
        : t("report-speed-understood", { speed: speedText(t, value) }),
    };
  },
  location: notLocation,
};

const location: Step = {
  id: "location",
  hintKey: "report-location-hint",
  question: (t, _lang, draft) => ({
    ...withCurrent(
      t,
      t("report-ask-location"),
      draft.location === undefined
        ? undefined
        : locationText(t, draft.location?.latitude ?? null, draft.location?.longitude ?? null),
    ),
    // A reply keyboard: only it can carry Telegram's "share my location" button.
    markup: locationKeyboard(t),
    replyKeyboard: true,
  }),
  choose: () => undefined,
  text(text, t) {
    if (text.trim() === t("report-button-skip"))
      return { ok: true, apply: (d) => (d.location = null), label: t("report-location-skipped") };
    return { ok: false, hint: t("report-location-hint") };
  },
  location(latitude, longitude, t) {
    const result = locationSchema.safeParse({ latitude, longitude });
    if (!result.success) return { ok: false, hint: t("report-location-outside") };
    const value = result.data;
    return { ok: true, apply: (d) => (d.location = value), label: t("report-location-saved") };
  },
};

const comment: Step = {
  id: "comment",
  hintKey: "report-hint-text",
  question: (t, _lang, draft, withBack) => ({
    ...withCurrent(t, t("report-ask-comment", { max: COMMENT_MAX }), draft.comment ?? undefined),
    markup: choiceKeyboard(t, "comment", [], 1, withBack, [
      { value: "skip", label: t("report-button-skip") },
    ]),
    replyKeyboard: false,
  }),
  choose: (value, t) =>
    value === "skip"
      ? { ok: true, apply: (d) => (d.comment = null), label: t("report-button-skip") }
      : undefined,
  text(text, t) {
    const result = commentSchema.safeParse(text);
    if (!result.success)
      return {
        ok: false,
        hint: t("report-comment-too-long", { length: text.trim().length, max: COMMENT_MAX }),
      };
    const value = result.data;
    return { ok: true, apply: (d) => (d.comment = value) };
  },
  location: notLocation,
};

const photo: Step = {
  id: "photo",
  hintKey: "report-hint-photo",
  question: (t, _lang, draft, withBack) => ({
    ...withCurrent(
      t,
      t("report-ask-photo"),
      draft.photo === undefined ? undefined : t(draft.photo ? "report-value-photo" : "report-value-skipped"),
    ),
    markup: choiceKeyboard(t, "photo", [], 1, withBack, [{ value: "skip", label: t("report-button-skip") }]),
    replyKeyboard: false,
  }),
  choose: (value, t) =>
    value === "skip"
      ? { ok: true, apply: (d) => (d.photo = null), label: t("report-button-skip") }
      : undefined,
  text: (_text, t) => ({ ok: false, hint: t("report-hint-photo") }),
  image(image, t) {
    const value = `${image.kind}:${image.fileId}`;
    return { ok: true, apply: (d) => (d.photo = value), label: t("report-photo-saved") };
  },
  location: notLocation,
};

/** The district step: the region's districts and towns from the dictionary, or "don't know". */
function districtStep(districts: Districts): Step {
  const townLabel = (t: Translate) => (name: string) => t("report-town", { name });
  const options = (t: Translate, lang: Language, draft: Draft): Option[] =>
    districts.of(draft.region, lang).map((p) => ({ value: p.id, label: placeLabel(p, lang, townLabel(t)) }));
  const parsed = (t: Translate, lang: Language, draft: Draft, id: string | null): Parsed => {
    const place = id === null ? undefined : districts.find(draft.region, id);
    const label = place ? placeLabel(place, lang, townLabel(t)) : t("report-button-dont-know");
    return {
      ok: true,
      apply: (d) => {
        d.district = place ? place.id : null;
      },
      label,
    };
  };
  return {
    id: "district",
    hintKey: "report-hint-choose",
    // Skipped once the region is known to have none, so the step count stays put until then.
    skip: (draft) => draft.region !== undefined && districts.of(draft.region, "ru").length === 0,
    question(t, lang, draft, withBack) {
      const current =
        draft.district === undefined ? undefined : draftDistrictLabel(districts, t, lang, draft);
      return {
        ...withCurrent(t, t("report-ask-district", { region: regionName(lang, draft.region) }), current),
        markup: choiceKeyboard(t, "district", options(t, lang, draft), 2, withBack, [
          { value: "unknown", label: t("report-button-district-unknown") },
        ]),
        replyKeyboard: false,
      };
    },
    choose(value, t, lang, draft) {
      if (value === "unknown") return parsed(t, lang, draft, null);
      return districts.find(draft.region, value) ? parsed(t, lang, draft, value) : undefined;
    },
    text(text, t, lang, draft) {
      const places = districts.of(draft.region, lang);
      const value = matchOption(
        text,
        places.map((p) => ({ value: p.id, labels: [p.ru, p.kk, ...p.variants] })),
      );
      return value === undefined
        ? { ok: false, hint: t("report-hint-choose") }
        : parsed(t, lang, draft, value);
    },
    location: notLocation,
  };
}

/** The district of a draft as the user reads it; "don't know" when skipped. */
export function draftDistrictLabel(
  districts: Districts,
  t: Translate,
  lang: Language,
  draft: Draft,
): string | undefined {
  if (draft.district === undefined) return undefined;
  const place = draft.district === null ? undefined : districts.find(draft.region, draft.district);
  return place ? placeLabel(place, lang, (name) => t("report-town", { name })) : t("report-value-unknown");
}

/** The steps in the order they are asked. */
export function reportSteps(districts: Districts): readonly Step[] {
  return [
    region,
    districtStep(districts),
    settlementStep(districts),
    operator,
    connection,
    problem,
    speed,
    photo,
    location,
    comment,
  ];
}

/** The summary of a draft, as shown before sending. */
export function renderDraft(t: Translate, lang: Language, draft: Draft, districts: Districts): string {
  return renderFields(t, lang, {
    region: draft.region,
    district: draftDistrictLabel(districts, t, lang, draft),
    settlement: draft.settlement,
    operator: draft.operator,
    connection: draft.connection,
    problem: draft.problem,
    speedMbps: draft.speedMbps,
    photo: draft.photo,
    latitude: draft.location === undefined ? undefined : (draft.location?.latitude ?? null),
    longitude: draft.location === undefined ? undefined : (draft.location?.longitude ?? null),
    comment: draft.comment,
  });
}
