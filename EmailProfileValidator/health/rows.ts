/** How the Web API writes a row: numbers, text and a lookup's annotations, read without trusting their type. */
export type Row = Record<string, unknown>;

export const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
export const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";

export const numberOf = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined;
export const textOf = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
