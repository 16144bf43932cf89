import { describe, expect, it } from 'vitest';
import { httpRequest } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const lookup = {
  method: 'GET',
  url: 'https://crm.example.com/customers?phone={{contact.phone}}',
  timeoutMs: 5_000,
  responseMapping: [
    { path: 'body.customer.id', saveTo: { name: 'customer_id' } },
    { path: 'body.customer.tier', saveTo: { scope: 'contact', name: 'crm_tier' } },
  ],
};

describe('http-request', () => {
  it('accepts its defaults: POST the phone number with a 10 s timeout', () => {
    expect(configOf(httpRequest, httpRequest.defaults)).toEqual({
      method: 'POST',
      url: 'https://example.com/webhook',
      headers: [],
      body: '{"phone": "{{contact.phone}}"}',
      timeoutMs: 10_000,
      responseMapping: [],
    });
  });

  it('rejects a body on GET and DELETE requests, but not a blank one', () => {
    expect(issuesOf(httpRequest, { ...lookup, body: '{"a": 1}' })).toEqual(['body: JSON body: GET requests have no body']);
    expect(issuesOf(httpRequest, { ...lookup, method: 'DELETE', body: '{"a": 1}' })).toEqual(['body: JSON body: DELETE requests have no body']);
    expect(issuesOf(httpRequest, { ...lookup, body: '  ' })).toEqual([]);
  });

  it('only calls http and https URLs', () => {
    const message = 'url: URL: The URL must start with https:// or http:// and a host';
    expect(issuesOf(httpRequest, { url: 'ftp://files.example.com/leads.csv' })).toEqual([message]);
    expect(issuesOf(httpRequest, { url: 'crm.example.com/leads' })).toEqual([message]);
    expect(issuesOf(httpRequest, { url: 'http://localhost:8080/leads' })).toEqual([]);
  });

  it('rejects bad header names, response paths and timeouts', () => {
    expect(issuesOf(httpRequest, { ...lookup, headers: [{ name: 'X Api Key', value: 'k' }] })).toEqual([
      'headers.0.name: Headers › #1 › Header: Header names use letters, digits and -',
    ]);
    expect(issuesOf(httpRequest, { ...lookup, responseMapping: [{ path: 'data.id', saveTo: { name: 'id' } }] })).toEqual([
      'responseMapping.0.path: Save from the response › #1 › From the response: Use status, body or a path such as body.customer.id',
    ]);
    expect(issuesOf(httpRequest, { ...lookup, timeoutMs: 60_000 })).toEqual([expect.stringMatching(/^timeoutMs: Timeout \(ms\): /)]);
  });

  it('leaves by Success or Failed', () => {
    expect(httpRequest.ports(configOf(httpRequest, lookup))).toEqual([
      { id: 'next', label: 'Success', kind: 'next', required: false },
      { id: 'error', label: 'Failed', kind: 'error', required: false },
    ]);
    expect(portIds(httpRequest, httpRequest.defaults)).toEqual(['next', 'error']);
  });

  it('compiles to a call that saves the response on success and records the failure otherwise', () => {
    expect(compileWith(httpRequest, lookup)).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.http', params: { node: 'n1' } },
      ],
      on: {
        'effect.result': [
          {
            target: 'next_target',
            guard: { type: 'tandem.outcome', params: { node: 'n1', outcome: 'ok' } },
            actions: [
              { type: 'tandem.saveResponse', params: { node: 'n1' } },
              { type: 'tandem.port', params: { node: 'n1', port: 'next' } },
            ],
          },
          {
            target: 'error_target',
            guard: { type: 'tandem.outcome', params: { node: 'n1', outcome: 'error' } },
            actions: [
              { type: 'tandem.recordOutcome', params: { node: 'n1' } },
              { type: 'tandem.port', params: { node: 'n1', port: 'error' } },
            ],
          },
        ],
      },
    });
  });

  it('ends the run on failure when Failed is not connected', () => {
    expect(compileWith(httpRequest, lookup, ['next']).on?.['effect.result']?.map((t) => t.target)).toEqual(['next_target', '$end']);
  });

  it('lets at most its timeout pass for the 24-hour window', () => {
    const config = configOf(httpRequest, lookup);
    expect(httpRequest.analysis.window(config, 'next')).toEqual({ kind: 'elapse', ms: 5_000 });
    expect(httpRequest.analysis.window(config, 'error')).toEqual({ kind: 'elapse', ms: 5_000 });
    expect(httpRequest.analysis.waits(config)).toBe(false);
  });

  it('provides mapped journey variables after success only', () => {
    expect(httpRequest.analysis.provides(configOf(httpRequest, lookup))).toEqual([{ scope: 'vars', names: ['customer_id'], ports: ['next'] }]);
    expect(httpRequest.analysis.provides(configOf(httpRequest, httpRequest.defaults))).toEqual([]);
  });

  it('declares the contact attributes it maps the response to', () => {
    expect(httpRequest.analysis.writesAttributes(configOf(httpRequest, lookup))).toEqual([{ name: 'crm_tier', type: 'string' }]);
  });
});
