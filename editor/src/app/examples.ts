/** The example journeys shipped with the engine, loaded on demand (each is its own chunk). */
const files = import.meta.glob<unknown>('../../../engine/examples/*.json', { import: 'default' });

export const exampleNames: string[] = Object.keys(files)
  .map((path) => path.replace(/^.*\//, '').replace(/\.json$/, ''))
  .sort();

export async function loadExample(name: string): Promise<unknown> {
  const entry = Object.entries(files).find(([path]) => path.endsWith(`/${name}.json`));
  if (!entry) throw new Error(`No example named ${name}`);
  return entry[1]();
}
