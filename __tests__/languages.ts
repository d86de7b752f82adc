import * as fs from "fs";
import * as path from "path";

/**
 * The languages the control ships: one resx file each in strings/, so a new language is its file and its line in
 * the manifest (which strings.test.ts checks), nothing more. SPEC §3 names at least these ten.
 */
export const LANGUAGES: readonly string[] = fs
  .readdirSync(path.resolve(__dirname, "../EmailProfileValidator/strings"))
  .map((file) => /^EmailProfileValidator\.(\d+)\.resx$/.exec(file)?.[1])
  .filter((lcid): lcid is string => lcid !== undefined)
  .sort((a, b) => (a === "1033" ? -1 : b === "1033" ? 1 : Number(a) - Number(b)));

export const SPEC_LANGUAGES = ["1033", "1031", "1036", "3082", "1040", "1043", "1046", "1041", "2052", "1049"];
