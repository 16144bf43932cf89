import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { codeProblems } from './codeAssist';
import { CodeProblems } from './CodeProblems';

describe('CodeProblems', () => {
  it('says what was expected with the symbol set as code, and marks the character in the text', () => {
    const source = 'vars.total >';
    const { container } = render(<CodeProblems source={source} problems={codeProblems(source, 'expression')} />);
    const item = container.querySelector('li')!;
    expect(item.querySelector('span')?.textContent).toBe('Expected a value after > at column 12');
    expect(item.querySelector('span code')?.textContent).toBe('>');
    expect(item.querySelector('[data-testid=code-excerpt] mark')?.textContent).toBe('>');
  });
});
