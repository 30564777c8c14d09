import type { Language } from "../../bot/i18n.js";
import type { ReportStatus } from "../../storage/reports.js";
import { OPERATORS, REGIONS } from "./regions.js";

/** Translation bound to one language, as used inside the conversation and for moderators. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The fields a summary shows; absent ones are shown as "not given". */
export interface ReportFields {
  region?: string | undefined;
  /** The district's name as shown (already in the reader's language); null: not known. */
  district?: string | null | undefined;
  settlement?: string | undefined;
  operator?: string | undefined;
  connection?: string | undefined;
  problem?: string | undefined;
  speedMbps?: number | null | undefined;
  /** The screenshot's file reference; null: none sent. */
  photo?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  comment?: string | null | undefined;
}

/** The region's name in a language; unknown ids are shown as they are. */
export function regionName(lang: Language, id: string | undefined): string {
  return REGIONS.find((r) => r.id === id)?.[lang] ?? id ?? "";
}

/** The operator's name in a language. */
export function operatorName(lang: Language, id: string | undefined): string {
  return OPERATORS.find((o) => o.id === id)?.[lang] ?? id ?? "";
}

/** 12.5 -> "12,5" in both languages (the decimal comma is usual in ru and kk). */
export function formatSpeed(value: number): string {
  return String(value).replace(".", ",");
}

/** The status's name. */
export function statusName(t: Translate, status: ReportStatus): string {
  return t(`report-status-${status}`);
}

/** A measured speed, or "don't know". Below 1 Mbit/s in kbit/s, as ADSL users read it on their modem. */
export function speedText(t: Translate, speedMbps: number | null): string {
  if (speedMbps === null) return t("report-value-unknown");
  if (speedMbps > 0 && speedMbps < 1)
    return t("report-value-speed-kbit", { speed: formatSpeed(Math.round(speedMbps * 1000)) });
  return t("report-value-speed", { speed: formatSpeed(speedMbps) });
}

/** Coordinates, or "skipped". */
export function locationText(t: Translate, latitude: number | null, longitude: number | null): string {
  return latitude === null || longitude === null
    ? t("report-value-skipped")
    : `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`;
}

/** One line per field: the user's summary before sending and the moderators' message share it. */
export function renderFields(t: Translate, lang: Language, fields: ReportFields): string {
  const missing = t("report-value-missing");
  const speed = fields.speedMbps === undefined ? missing : speedText(t, fields.speedMbps);
  const location =
    fields.latitude === undefined ? missing : locationText(t, fields.latitude, fields.longitude ?? null);
  const comment = fields.comment === undefined ? missing : (fields.comment ?? t("report-value-skipped"));
  const district = fields.district === undefined ? missing : (fields.district ?? t("report-value-unknown"));
  const photo =
    fields.photo === undefined ? missing : t(fields.photo ? "report-value-photo" : "report-value-skipped");
  return [
    `${t("report-field-region")}: ${fields.region ? regionName(lang, fields.region) : missing}`,
    `${t("report-field-district")}: ${district}`,
    `${t("report-field-settlement")}: ${fields.settlement ?? missing}`,
    `${t("report-field-operator")}: ${fields.operator ? operatorName(lang, fields.operator) : missing}`,
    `${t("report-field-connection")}: ${fields.connection ? t(`report-connection-${fields.connection}`) : missing}`,
    `${t("report-field-problem")}: ${fields.problem ? t(`report-problem-${fields.problem}`) : missing}`,
    `${t("report-field-speed")}: ${speed}`,
    `${t("report-field-photo")}: ${photo}`,
    `${t("report-field-location")}: ${location}`,
    `${t("report-field-comment")}: ${comment}`,
  ].join("\n");
}
