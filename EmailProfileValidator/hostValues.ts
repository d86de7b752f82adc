/**
 * What a host hands over where a string was promised, as text: a string as it is, a finite number as its digits
 * (a form script's setValue(12345)), anything else as empty. Every value that enters the control passes here once.
 */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

/** A finite number, or undefined: option set values and lengths as a host hands them over. */
export function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function positiveNumber(value: unknown): number | undefined {
  const number = optionalNumber(value);
  return number !== undefined && number > 0 ? number : undefined;
}
