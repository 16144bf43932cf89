import { exampleCount } from './status';

/** Entry point of `pnpm start`. The server itself arrives with the engine and API work. */
console.log(`Tandem 0.1 — the flow compiler is ready (${exampleCount()} example journeys).
  Check a flow:    npx -y pnpm@10 tandem validate engine/examples/abandoned-cart.json
  See a machine:   npx -y pnpm@10 tandem compile engine/examples/abandoned-cart.json
Not built yet: the durable engine, the webhook/API server and the editor.`);
