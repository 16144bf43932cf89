/** Saves a JSON value as a file named after `name` ("Abandoned cart" → abandoned-cart.json). */
export function downloadJson(value: unknown, name: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${
    name
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'flow'
  }.json`;
  a.click();
  URL.revokeObjectURL(url);
}
