import { describe, expect, it } from 'vitest';
import { httpRequest } from './definition';
import { httpRequestClone } from './clone';

const none = { templates: [], attributes: {}, flows: {} };
const data = {
  method: 'GET',
  url: 'https://crm.example.com/leads',
  responseMapping: [
    { path: 'body.tier', saveTo: { scope: 'contact', name: 'tier' } },
    { path: 'status', saveTo: { scope: 'vars', name: 'tier' } },
  ],
};

describe('http-request clone', () => {
  it('is the clone hook of the node', () => {
    expect(httpRequest.clone).toBe(httpRequestClone);
  });

  it('lists no references of its own', () => {
    expect(httpRequestClone.refs(data)).toEqual({});
  });

  it('renames mapped contact attributes the response is saved to', () => {
    expect(httpRequestClone.remap(data, { ...none, attributes: { tier: 'crm_tier' } })).toEqual({
      ...data,
      responseMapping: [
        { path: 'body.tier', saveTo: { scope: 'contact', name: 'crm_tier' } },
        { path: 'status', saveTo: { scope: 'vars', name: 'tier' } },
      ],
    });
    expect(httpRequestClone.remap(data, none)).toEqual(data);
  });

  it('leaves settings without a response mapping unchanged', () => {
    const bare = { url: 'https://x.example' };
    expect(httpRequestClone.remap(bare, { ...none, attributes: { tier: 'crm_tier' } })).toBe(bare);
  });
});
