/**
 * Masks personal data typed into free text: Kazakh and Russian phone numbers and 12-digit IINs
 * (individual identification numbers). Pure, no dependencies. Every digit of a match becomes `*`
 * and nothing else changes, so the text keeps its length and Telegram's entity offsets stay right.
 */

/** 12 digits in a row, not part of a longer number: an IIN (or a BIN, which is masked too). */
const IIN = /(?<![\d*])\d{12}(?![\d*])/g;

/**
 * Phones: +7 / 8 / 7 and ten digits (7xx mobile, 7xxx landline codes, 9xx Russian mobile), with
 * spaces, dots, dashes or brackets between groups: +7 (701) 123-45-67, 8 701 1234567, 87011234567,
 * +7 7172 55-12-34. Also a bare ten-digit 7xx mobile number written in groups or in one run.
 */
const PHONE =
  /(?<![\d*+])(?:\+\s?7|8|7)(?:[\s\-.()]{0,2}\d){10}(?![\d*])|(?<![\d*+])7\d{2}[\s\-.]?\d{3}[\s\-.]?\d{2}[\s\-.]?\d{2}(?![\d*])/g;

export interface Masked {
  text: string;
  /** How many numbers were masked. */
  count: number;
}

const starDigits = (match: string) => match.replace(/\d/g, "*");

/** The text with every phone number and IIN masked, and how many there were. */
export function maskPersonalData(text: string): Masked {
  let count = 0;
  const masked = text
    .replace(IIN, (m) => {
      count++;
      return starDigits(m);
    })
    .replace(PHONE, (m) => {
      count++;
      return starDigits(m);
    });
  return { text: masked, count };
}

/** Masks a value that may be absent (a report's optional comment, say). */
export function maskOptional<T extends string | null | undefined>(text: T): T {
  return (typeof text === "string" ? maskPersonalData(text).text : text) as T;
}
