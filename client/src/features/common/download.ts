/** Saves a blob as a file through a temporary link: the browser's own download, no library. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name safe on every OS that still reads in Chinese: 凌源经开区-钢铁冶金-2026-11-22.png */
export function exportFileName(parts: string[], extension: string): string {
  return `${parts.map((p) => p.replace(/[\\/:*?"<>|\s]+/g, "_")).join("-")}.${extension}`;
}
