/**
 * The name under which the runtimes of steps that take a message register the `readReceipt` effect, and which
 * their compiled machines emit (`refs.effect(node, readReceiptEffect)`). Apart from the effect, so definitions
 * (which the editor bundles) do not pull in runtime code.
 */
export const readReceiptEffect = 'readReceipt';
