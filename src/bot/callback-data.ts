/** Telegram refuses a button whose callback data is longer than this many bytes. */
export const MAX_CALLBACK_DATA_BYTES = 64;

/** A callback data layout: `prefix:field1:field2`, each field checked by its own pattern. */
export interface CallbackData<F extends string> {
  /** Matches every data under the prefix, well-formed or not: forged data still reaches a handler that logs it. */
  readonly prefix: RegExp;
  /** Builds the data of a button; throws when a value does not fit its field or Telegram's limit. */
  pack(values: Record<F, string | number>): string;
  /** The fields of well-formed data, or undefined for anything else (forged, outdated, truncated). */
  unpack(data: string | undefined): Record<F, string> | undefined;
}

/**
 * A small typed codec for callback data, so handlers read named fields instead of slicing strings,
 * and a forged or truncated value never reaches them. Field patterns must not contain `:`.
 */
export function callbackData<F extends string>(name: string, fields: Record<F, RegExp>): CallbackData<F> {
  const names = Object.keys(fields) as F[];
  const field = (f: F) => new RegExp(`^(?:${fields[f].source})$`);
  const checks = new Map(names.map((f) => [f, field(f)] as const));
  return {
    prefix: new RegExp(`^${name}(?::|$)`),
    pack(values) {
      const parts = names.map((f) => {
        const value = String(values[f]);
        if (!checks.get(f)?.test(value))
          throw new Error(`callback-data: ${name}.${f} cannot hold "${value}"`);
        return value;
      });
      const data = [name, ...parts].join(":");
      if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_DATA_BYTES)
        throw new Error(`callback-data: ${name} is longer than ${MAX_CALLBACK_DATA_BYTES} bytes`);
      return data;
    },
    unpack(data) {
      if (data === undefined) return undefined;
      const parts = data.split(":");
      if (parts[0] !== name || parts.length !== names.length + 1) return undefined;
      const values = {} as Record<F, string>;
      for (const [i, f] of names.entries()) {
        const value = parts[i + 1] ?? "";
        if (!checks.get(f)?.test(value)) return undefined;
        values[f] = value;
      }
      return values;
    },
  };
}
