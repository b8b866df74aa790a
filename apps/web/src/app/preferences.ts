const LARGE_TEXT_KEY = "sotay.pref.largeText";

/** Large-text mode as last used on this device (shown before login too). */
export function deviceLargeText(): boolean {
  try {
    return localStorage.getItem(LARGE_TEXT_KEY) === "1";
  } catch {
    return false;
  }
}

/** Turns large-text mode on or off now (a class on <html> that scales the root font) and remembers it here. */
export function applyLargeText(on: boolean): void {
  document.documentElement.classList.toggle("large-text", on);
  try {
    localStorage.setItem(LARGE_TEXT_KEY, on ? "1" : "0");
  } catch {
    // storage disabled: still applied for this visit
  }
}
