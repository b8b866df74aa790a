const UNITS = ["B", "KB", "MB", "GB"] as const;

/** Bytes as people read them, in the UI language's number format: "850 B", "35 KB", "1,2 MB" (vi) or "1.2 MB" (en). */
export function formatSize(bytes: number, language: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(language === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${number} ${UNITS[unit]}`;
}
