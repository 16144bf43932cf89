/** The example journeys shipped with the engine, loaded on demand (each is its own chunk). */
const files = import.meta.glob<unknown>('../../../engine/examples/*.json', { import: 'default' });
// Only each example's name and description are in the main bundle (JSON's named exports).
const titles = import.meta.glob<string>('../../../engine/examples/*.json', { import: 'name', eager: true });
const descriptions = import.meta.glob<string>('../../../engine/examples/*.json', { import: 'description', eager: true });

const fileName = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '');

export const exampleNames: string[] = Object.keys(files).map(fileName).sort();

/** An example as "New flow" offers it: its file name, title and one-line description. */
export interface ExampleStarter {
  name: string;
  title: string;
  description: string;
}

/** The examples as starters of a new flow, the abandoned cart (the product's first use case) first. */
export const exampleStarters: ExampleStarter[] = Object.keys(files)
  .map((path) => ({ name: fileName(path), title: titles[path] ?? fileName(path), description: descriptions[path] ?? '' }))
  .sort((a, b) => Number(b.name === 'abandoned-cart') - Number(a.name === 'abandoned-cart') || a.title.localeCompare(b.title));

export async function loadExample(name: string): Promise<unknown> {
  const entry = Object.entries(files).find(([path]) => path.endsWith(`/${name}.json`));
  if (!entry) throw new Error(`No example named ${name}`);
  return entry[1]();
}
