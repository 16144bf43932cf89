/** A way the simulator's test contact can start a flow: say a keyword, fire an event, or be started at a trigger (API, broadcast). */
export type Starter = { kind: 'say'; text: string } | { kind: 'event'; event: string } | { kind: 'start'; node: string; label: string };
