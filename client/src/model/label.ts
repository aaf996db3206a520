/**
 * Label wrapping shared by the Cytoscape view and the SVG/print writer, so both show the
 * same lines. Width is estimated rather than measured (no DOM here): CJK characters are
 * one em wide, Latin letters and digits a bit over half an em.
 */

export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += isWide(char) ? 1 : 0.6;
  return ems * fontSize;
}

/** Breaks `text` into at most `maxLines` lines of `maxWidth`; the last line ends in … if cut. */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = "";
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (textWidth(line + char, fontSize) <= maxWidth || line === "") {
      line += char;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, ellipsize(line, maxWidth, fontSize)];
    // Prefer breaking Latin text at a space, never inside a word if a space is near.
    const space = line.lastIndexOf(" ");
    if (!isWide(char) && space > 0 && !isWide(line[space - 1] ?? "")) {
      lines.push(line.slice(0, space));
      line = line.slice(space + 1) + char;
    } else {
      lines.push(line);
      line = char === " " ? "" : char;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wraps a label at word boundaries and never cuts it: as few lines as the width allows,
 * then the breaks that read best — before a bracket or a joining word (与, 及, 和), after a
 * slash or a 、 — and lines of even length. Words come from `Intl.Segmenter` (Chinese
 * dictionary segmentation in Chromium and Node); `suffix` (the firm count " (3)") stays whole
 * at the end of the last line. Only a word wider than a whole line is split inside.
 */
export function wrapWords(text: string, maxWidth: number, fontSize: number, suffix = ""): string[] {
  const pieces = wordPieces(text, maxWidth, fontSize);
  // The count may always go to a line of its own: better than breaking the name.
  if (suffix) pieces.push({ text: suffix, breakBefore: 0 });
  const width = (from: number, to: number) => textWidth(pieces.slice(from, to).map((p) => p.text).join("").trim(), fontSize);
  // best[i]: the cheapest way to set pieces[0..i) as whole lines.
  const best: { cost: number; from: number }[] = [{ cost: 0, from: 0 }];
  for (let to = 1; to <= pieces.length; to++) {
    best[to] = { cost: Infinity, from: 0 };
    for (let from = to - 1; from >= 0; from--) {
      const w = width(from, to);
      // A lone piece too wide for any line (a suffix on a long word) still gets its own line.
      if (w > maxWidth && to - from > 1) break;
      const slack = Math.max(0, maxWidth - w) / maxWidth;
      const cost = best[from]!.cost + LINE_COST + slack * slack + (from > 0 ? pieces[from]!.breakBefore : 0);
      if (cost < best[to]!.cost) best[to] = { cost, from };
    }
  }
  const lines: string[] = [];
  for (let to = pieces.length; to > 0; to = best[to]!.from) lines.unshift(pieces.slice(best[to]!.from, to).map((p) => p.text).join("").trim());
  return lines;
}

/** Each extra line costs more than any break penalty: fewer lines first, then better breaks. */
const LINE_COST = 10;
const OPENING = /^[（(《「『“‘\[【]/;
const CLOSING = /^[）)》」』”’\]】、，,。：:；;！!？?/·]/;
const OPENING_ALL = /[（(《「『“‘\[【]/g;
const CLOSING_BRACKETS = /[）)》」』”’\]】]/g;
const JOINING = new Set(["与", "及", "和", "或", "及其", "以及", "与其"]);

interface Piece {
  text: string;
  /** Cost of starting a line with this piece. */
  breakBefore: number;
}

const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

/**
 * Unbreakable pieces: words, each opening bracket joined to the word after it, closing
 * punctuation and spaces to the word before. Each carries the cost of a line break before it.
 */
export function wordPieces(text: string, maxWidth: number, fontSize: number): Piece[] {
  const words = segmenter ? [...segmenter.segment(text)].map((s) => s.segment) : [...text];
  const merged: string[] = [];
  let depth = 0;
  const insideBrackets: boolean[] = [];
  let pendingOpen = "";
  for (const word of words) {
    if (OPENING.test(word) && [...word].length === 1) {
      pendingOpen += word;
      continue;
    }
    const last = merged.length - 1;
    if (!pendingOpen && last >= 0 && (CLOSING.test(word) || /^\s+$/.test(word))) merged[last] += word;
    else {
      merged.push(pendingOpen + word);
      insideBrackets.push(depth > 0 && !pendingOpen);
    }
    depth += (pendingOpen.match(OPENING_ALL) ?? []).length - (word.match(CLOSING_BRACKETS) ?? []).length;
    pendingOpen = "";
  }
  if (pendingOpen) {
    merged.push(pendingOpen);
    insideBrackets.push(false);
  }

  const pieces: Piece[] = [];
  merged.forEach((word, i) => {
    const previous = merged[i - 1] ?? "";
    const core = (w: string) => w.replace(/^[（(《「『“‘\[【]+/, "").replace(/[）)》」』”’\]】、，,。：:；;！!？?/·\s]+$/, "");
    let breakBefore = 0.5;
    if (OPENING.test(word) || JOINING.has(core(word))) breakBefore = 0;
    else if (/[/、，,；;\s]$/.test(previous)) breakBefore = 0.2;
    else if (JOINING.has(core(previous))) breakBefore = 1;
    // Lone characters are mostly parts of words the dictionary does not know (固|废, 转|底|炉).
    else if (isLoneWide(core(word)) || isLoneWide(core(previous))) breakBefore = isLoneWide(core(word)) && isLoneWide(core(previous)) ? 4 : 2;
    // A break inside brackets separates what belongs together: （转底炉/ | 球团）.
    if (insideBrackets[i]) breakBefore += 3;
    if (textWidth(word, fontSize) <= maxWidth) {
      pieces.push({ text: word, breakBefore });
      return;
    }
    // Wider than a line: split by character, breaking inside only as a last resort.
    [...word].forEach((char, j) => pieces.push({ text: char, breakBefore: j === 0 ? breakBefore : 8 }));
  });
  return pieces;
}

function isLoneWide(word: string): boolean {
  const chars = [...word];
  return chars.length === 1 && isWide(chars[0]!) && !JOINING.has(word);
}

function ellipsize(line: string, maxWidth: number, fontSize: number): string {
  let cut = [...line];
  while (cut.length > 1 && textWidth(cut.join("") + "…", fontSize) > maxWidth) cut = cut.slice(0, -1);
  return cut.join("") + "…";
}

function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, kana, unified ideographs
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) || // full-width forms: （）、，
    (code >= 0x2600 && code <= 0x27bf) // ★ and other symbols
  );
}
