/**
 * Splits a raw message into numbered pieces for display, so that an issue's segment number
 * (or line) can be found and highlighted. Display only: the server's parser is the authority.
 */

export interface RawPiece {
  /** Segment number (UNA is 0, the first segment after it 1), or line number for non-EDIFACT text. */
  number: number;
  text: string;
  /** 1-based line and column where the piece starts in the raw text. */
  line: number;
  column: number;
}

export interface RawSplit {
  kind: 'segments' | 'lines';
  pieces: RawPiece[];
}

export function looksLikeEdifact(content: string): boolean {
  return /^\s*(UNA|UNB|UNH)/.test(content);
}

export function splitRawMessage(content: string): RawSplit {
  return looksLikeEdifact(content)
    ? { kind: 'segments', pieces: splitEdifactSegments(content) }
    : { kind: 'lines', pieces: splitLines(content) };
}

export function splitLines(content: string): RawPiece[] {
  return content
    .split(/\r?\n/)
    .map((text, index) => ({ number: index + 1, text, line: index + 1, column: 1 }));
}

/** EDIFACT segments, honouring the separators and release character declared in UNA. */
export function splitEdifactSegments(content: string): RawPiece[] {
  const pieces: RawPiece[] = [];
  let release = '?';
  let terminator = "'";
  let index = 0;
  let line = 1;
  let column = 1;

  const advance = (count: number) => {
    for (let step = 0; step < count && index < content.length; step++) {
      if (content[index] === '\n') {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
      index += 1;
    }
  };
  const skipWhitespace = () => {
    while (index < content.length && /\s/.test(content[index])) advance(1);
  };

  skipWhitespace();
  if (content.startsWith('UNA', index) && content.length >= index + 9) {
    release = content[index + 6];
    terminator = content[index + 8];
    pieces.push({ number: 0, text: content.slice(index, index + 9), line, column });
    advance(9);
  }

  let number = 1;
  while (index < content.length) {
    skipWhitespace();
    if (index >= content.length) break;
    const start = { line, column };
    let text = '';
    while (index < content.length) {
      const char = content[index];
      if (char === release && index + 1 < content.length) {
        text += char + content[index + 1];
        advance(2);
        continue;
      }
      text += char;
      advance(1);
      if (char === terminator) break;
    }
    pieces.push({ number, text: text.replace(/[\r\n]+/g, ' '), ...start });
    number += 1;
  }
  return pieces;
}
