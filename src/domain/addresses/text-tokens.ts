// Word tokens of free text with their positions, and where the writer broke the text
// (comma, semicolon, colon, new line, or a sentence-ending period).
import { DIRECTIONALS, SECONDARY_DESIGNATORS, STREET_SUFFIXES } from './pub28-reference.ts';

export interface TextToken {
  text: string;
  upper: string;
  start: number;
  /** Exclusive. */
  end: number;
  /** A separator stands between this token and the previous one (always true for the first). */
  breakBefore: boolean;
}

const WORD = /[\p{L}\p{N}#][\p{L}\p{N}#'’/-]*/gu;
const PERSONAL_TITLES = ['MR', 'MRS', 'MS', 'DR', 'JR', 'SR'];

/** A period after these is an abbreviation ("N. Main St."), not the end of a sentence. */
function isAbbreviation(word: string): boolean {
  return DIRECTIONALS.has(word) || STREET_SUFFIXES.has(word) || SECONDARY_DESIGNATORS.has(word) || PERSONAL_TITLES.includes(word);
}

export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const previous = tokens.at(-1);
    const start = match.index;
    const gap = previous ? text.slice(previous.end, start) : '';
    tokens.push({
      text: match[0],
      upper: match[0].toUpperCase(),
      start,
      end: start + match[0].length,
      breakBefore: !previous || /[,;:|\n]/.test(gap) || (gap.includes('.') && !isAbbreviation(previous.upper)),
    });
  }
  return tokens;
}

/** Whether a separator (or the end of the text) follows this token. */
export function isLastInSegment(tokens: TextToken[], index: number): boolean {
  return index === tokens.length - 1 || tokens[index + 1].breakBefore;
}
