import { defineRuntime, type ValueChanges } from '../defineRuntime';
import { valueAtPath } from '../common/valuePath';
import { saveTo } from '../common/saveTarget';
import type { HttpRequestConfig } from './definition';

const jsonString = (v: string) => JSON.stringify(v).slice(1, -1);

export const httpRequestRuntime = defineRuntime<HttpRequestConfig>({
  waitingFor: () => ({ for: 'http' }),
  request(c, scope, caps) {
    const headers = Object.fromEntries(c.headers.map((h) => [h.name, caps.render(h.value, scope)]));
    const body = c.body.trim() ? caps.render(c.body, scope, jsonString) : undefined;
    if (body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    return { method: c.method, url: caps.render(c.url, scope, encodeURIComponent), headers, ...(body !== undefined ? { body } : {}), timeoutMs: c.timeoutMs };
  },
  mapResponse(c, response) {
    const merged: ValueChanges = {};
    for (const m of c.responseMapping) {
      const value = m.path === 'status' ? response.status : m.path === 'body' ? response.body : valueAtPath(response.body, m.path.slice('body'.length));
      const change = saveTo(m.saveTo, value === undefined ? null : value);
      merged.vars = { ...merged.vars, ...change.vars };
      merged.contact = { ...merged.contact, ...change.contact };
    }
    return merged;
  },
});
