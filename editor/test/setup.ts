import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// Browser tests run in Node (they drive a real Chromium); the rest in happy-dom.
if (typeof HTMLElement !== 'undefined') {
  // happy-dom does no layout: give React Flow's pane and nodes a size (as a browser would) so
  // fitView, measured nodes and edges behave as in the app.
  const size = (node: number, other: number) =>
    function (this: HTMLElement) {
      return this.classList.contains('react-flow__node') ? node : other;
    };
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: size(260, 1200) });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: size(120, 800) });

  afterEach(() => {
    cleanup();
    localStorage.clear();
  });
}
