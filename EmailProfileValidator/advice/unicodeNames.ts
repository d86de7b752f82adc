/**
 * Unicode names of the characters a paste leaves behind unseen: every White_Space and Bidi_Control
 * character and the Default_Ignorable_Code_Point characters met in practice. Names are Unicode's own
 * (formal aliases for the C0 controls) and read the same in every language.
 */
const NAMES = new Map<number, string>(
  (
    "9 CHARACTER TABULATION;A LINE FEED;B LINE TABULATION;C FORM FEED;D CARRIAGE RETURN;85 NEXT LINE;A0 NO-BREAK SPACE;" +
    "AD SOFT HYPHEN;34F COMBINING GRAPHEME JOINER;61C ARABIC LETTER MARK;115F HANGUL CHOSEONG FILLER;1160 HANGUL JUNGSEONG FILLER;" +
    "1680 OGHAM SPACE MARK;17B4 KHMER VOWEL INHERENT AQ;17B5 KHMER VOWEL INHERENT AA;180E MONGOLIAN VOWEL SEPARATOR;" +
    "2000 EN QUAD;2001 EM QUAD;2002 EN SPACE;2003 EM SPACE;2004 THREE-PER-EM SPACE;2005 FOUR-PER-EM SPACE;2006 SIX-PER-EM SPACE;" +
    "2007 FIGURE SPACE;2008 PUNCTUATION SPACE;2009 THIN SPACE;200A HAIR SPACE;200B ZERO WIDTH SPACE;200C ZERO WIDTH NON-JOINER;" +
    "200D ZERO WIDTH JOINER;200E LEFT-TO-RIGHT MARK;200F RIGHT-TO-LEFT MARK;2028 LINE SEPARATOR;2029 PARAGRAPH SEPARATOR;" +
    "202A LEFT-TO-RIGHT EMBEDDING;202B RIGHT-TO-LEFT EMBEDDING;202C POP DIRECTIONAL FORMATTING;202D LEFT-TO-RIGHT OVERRIDE;" +
    "202E RIGHT-TO-LEFT OVERRIDE;202F NARROW NO-BREAK SPACE;205F MEDIUM MATHEMATICAL SPACE;2060 WORD JOINER;2061 FUNCTION APPLICATION;" +
    "2062 INVISIBLE TIMES;2063 INVISIBLE SEPARATOR;2064 INVISIBLE PLUS;2066 LEFT-TO-RIGHT ISOLATE;2067 RIGHT-TO-LEFT ISOLATE;" +
    "2068 FIRST STRONG ISOLATE;2069 POP DIRECTIONAL ISOLATE;3000 IDEOGRAPHIC SPACE;3164 HANGUL FILLER;FEFF ZERO WIDTH NO-BREAK SPACE;" +
    "FFA0 HALFWIDTH HANGUL FILLER"
  )
    .split(";")
    .map((entry) => {
      const space = entry.indexOf(" ");
      return [parseInt(entry.slice(0, space), 16), entry.slice(space + 1)];
    }),
);

/** Variation selectors 1–16 (U+FE00–FE0F) and 17–256 (U+E0100–E01EF) are numbered, not listed. */
function variationSelectorName(code: number): string | undefined {
  if (code >= 0xfe00 && code <= 0xfe0f) return `VARIATION SELECTOR-${code - 0xfe00 + 1}`;
  if (code >= 0xe0100 && code <= 0xe01ef) return `VARIATION SELECTOR-${code - 0xe0100 + 17}`;
  return undefined;
}

export function unicodeName(code: number): string | undefined {
  return NAMES.get(code) ?? variationSelectorName(code);
}
