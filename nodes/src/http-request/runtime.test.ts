import { describe, expect, it } from 'vitest';
import type { Scope } from '../defineRuntime';
import { httpRequest } from './definition';
import { httpRequestRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';

const scope: Scope = {
  contact: { phone: '+49 151 234', first_name: 'Jo "JJ" Smith' },
  vars: { token: 'abc123' },
  trigger: { note: 'line 1\nline 2' },
  now: new Date('2026-03-02T09:00:00.000Z'),
};

const caps = fakeCaps();
const request = (data: Record<string, unknown>) => httpRequestRuntime.request!(configOf(httpRequest, data), scope, caps);
const mapping = (path: string, name: string, where: 'vars' | 'contact' = 'vars') => ({ path, saveTo: { scope: where, name } });
const mapResponse = (responseMapping: unknown[], status: number, body: unknown) =>
  httpRequestRuntime.mapResponse!(configOf(httpRequest, { url: 'https://crm.example.com', responseMapping }), { status, body });

describe('http-request runtime', () => {
  it('URL-encodes the filled-in values of the URL so a phone number with + and spaces arrives intact', () => {
    expect(request({ method: 'GET', url: 'https://crm.example.com/customers?phone={{contact.phone}}' }).url).toBe(
      'https://crm.example.com/customers?phone=%2B49%20151%20234',
    );
  });

  it('sends a GET with no body and no content type, with the configured method and timeout', () => {
    expect(request({ method: 'GET', url: 'https://crm.example.com/ping', timeoutMs: 2_000 })).toEqual({
      method: 'GET',
      url: 'https://crm.example.com/ping',
      headers: {},
      timeoutMs: 2_000,
    });
  });

  it('escapes filled-in values as JSON string content so quotes and new lines keep the body valid JSON', () => {
    const spec = request({ url: 'https://crm.example.com/leads', body: '{"name": "{{contact.first_name}}", "note": "{{trigger.note}}"}' });
    expect(JSON.parse(spec.body!)).toEqual({ name: 'Jo "JJ" Smith', note: 'line 1\nline 2' });
  });

  it('marks a body as JSON when no content type header is given', () => {
    expect(request({ url: 'https://crm.example.com/leads', body: '{}' }).headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('keeps a content type header given in any case instead of adding another', () => {
    const spec = request({
      url: 'https://crm.example.com/leads',
      body: 'a=1',
      headers: [{ name: 'content-type', value: 'application/x-www-form-urlencoded' }],
    });
    expect(spec.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
  });

  it('fills values into headers without encoding them', () => {
    const spec = request({
      method: 'GET',
      url: 'https://crm.example.com',
      headers: [
        { name: 'Authorization', value: 'Bearer {{vars.token}}' },
        { name: 'X-Phone', value: '{{contact.phone}}' },
      ],
    });
    expect(spec.headers).toEqual({ Authorization: 'Bearer abc123', 'X-Phone': '+49 151 234' });
  });

  it('sends no body when the body is only white space', () => {
    expect(request({ method: 'POST', url: 'https://crm.example.com', body: '  \n' })).not.toHaveProperty('body');
  });

  it('maps paths of the response body into journey variables and contact attributes', () => {
    const body = { customer: { id: 'c-9', tier: 'gold', orders: [{ total: 12 }, { total: 30 }] } };
    expect(
      mapResponse(
        [
          mapping('body.customer.id', 'customer_id'),
          mapping('body.customer.orders[1].total', 'last_total'),
          mapping('body.customer.tier', 'crm_tier', 'contact'),
        ],
        200,
        body,
      ),
    ).toEqual({ vars: { customer_id: 'c-9', last_total: 30 }, contact: { crm_tier: 'gold' } });
  });

  it('maps a path into a body that is a JSON array', () => {
    expect(mapResponse([mapping('body[0].id', 'first_id'), mapping('body[1].id', 'second_id')], 200, [{ id: 'a' }, { id: 'b' }]).vars).toEqual({
      first_id: 'a',
      second_id: 'b',
    });
  });

  it('saves the status code and the whole body when asked to', () => {
    expect(mapResponse([mapping('status', 'status'), mapping('body', 'raw')], 201, { ok: true }).vars).toEqual({ status: 201, raw: { ok: true } });
  });

  it('saves null for a path the response does not have, so an old value is not kept by mistake', () => {
    expect(mapResponse([mapping('body.customer.id', 'customer_id'), mapping('body.items[3].sku', 'sku')], 200, { error: 'not found' }).vars).toEqual({
      customer_id: null,
      sku: null,
    });
    expect(mapResponse([mapping('body.customer.id', 'customer_id')], 502, '<html>Bad gateway</html>').vars).toEqual({ customer_id: null });
  });

  it('keeps a falsy value found in the body rather than turning it into null', () => {
    expect(mapResponse([mapping('body.count', 'count'), mapping('body.active', 'active')], 200, { count: 0, active: false }).vars).toEqual({
      count: 0,
      active: false,
    });
  });

  it('changes nothing when there is nothing to save', () => {
    expect(mapResponse([], 200, { id: 1 })).toEqual({});
  });
});

describe('http-request runtime: what the engine reads', () => {
  it("waits for the call's result and arms no timer", () => {
    expect(httpRequestRuntime.waitingFor?.(configOf(httpRequest, httpRequest.defaults))).toEqual({ for: 'http' });
    expect(httpRequestRuntime.armsTimers).toBeUndefined();
  });
});
