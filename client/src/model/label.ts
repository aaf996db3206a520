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
 * Wraps `text` and keeps `suffix` (e.g. the firm count " (3)") whole at the end of the
 * last line, so a label never breaks inside "(3)".
 */
export function wrapWithSuffix(text: string, suffix: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const lines = wrapLabel(text, maxWidth, fontSize, maxLines);
  const last = lines[lines.length - 1] ?? "";
  if (textWidth(last + suffix, fontSize) <= maxWidth) return [...lines.slice(0, -1), last + suffix];
  if (lines.length < maxLines) return [...lines, suffix.trim()];
  const room = maxWidth - textWidth(suffix, fontSize);
  return [...lines.slice(0, -1), ellipsize(last.replace(/…$/, ""), room, fontSize) + suffix];
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
