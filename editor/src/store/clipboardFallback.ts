const KEY = 'tandem.editor.clipboard';

/**
 * Where copied steps also go, for when the system clipboard is not available (permissions,
 * insecure origins): shared by every flow open in this browser.
 */
export const clipboardFallback = {
  write(text: string): void {
    try {
      localStorage.setItem(KEY, text);
    } catch {
      // Storage full or disabled: the system clipboard still has it.
    }
  },
  read(): string | undefined {
    return localStorage.getItem(KEY) ?? undefined;
  },
};

/** Copy for toolbar buttons: the system clipboard when allowed, always the fallback. */
export async function writeClipboard(text: string): Promise<void> {
  clipboardFallback.write(text);
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    // Not allowed here; the fallback has it.
  }
}

/** Paste for toolbar buttons: the system clipboard when readable, else the fallback. */
export async function readClipboardText(): Promise<string | undefined> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text) return text;
  } catch {
    // Not allowed here.
  }
  return clipboardFallback.read();
}
