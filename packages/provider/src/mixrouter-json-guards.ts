/**
 * Type guards for JSON read from the gateway (and for option objects): one definition
 * of "a plain object" for the whole package. They never throw; a value of the wrong type
 * reads as absent.
 */

export type JsonRecord = Record<string, unknown>;

/** A non-null, non-array object. */
export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a plain object, or undefined. */
export function asJsonRecord(value: unknown): JsonRecord | undefined {
  return isJsonRecord(value) ? value : undefined;
}
