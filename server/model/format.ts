/** The name people use: the first alias (凌钢) when there is one, else the legal name. */
export function displayName(name: string, aliases: readonly string[]): string {
  return aliases[0] ?? name;
}

/** Money as users read it: 万元 below 1 亿, 亿元 above (1 亿元 = 10,000 万元). */
export function formatWan(wan: number): string {
  if (Math.abs(wan) >= 10_000) return `${trim(wan / 10_000)} 亿元`;
  return `${trim(wan)} 万元`;
}

// Made once: toLocaleString builds a formatter on every call, and a diagnosis formats every segment's capital.
const WHOLE = new Intl.NumberFormat("en-US");
const TWO_DECIMALS = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

function trim(n: number): string {
  return (Number.isInteger(n) ? WHOLE : TWO_DECIMALS).format(n);
}
