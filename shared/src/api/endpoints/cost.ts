import { z } from 'zod';
import { route } from '../route';
import { wsFlow } from './params';

const money = z.number();

/** What a journey or broadcast would cost before publishing, by the workspace's rate table. */
const costEstimateSchema = z.object({
  currency: z.string(),
  /** Every template the journey may send, sent once per contact: one contact's cost per market. */
  perContact: z.array(z.object({ market: z.string(), cost: money })),
  /** The broadcast audience today; null when the flow has no broadcast trigger. */
  audience: z.number().int().nullable(),
  lines: z.array(z.object({ market: z.string(), contacts: z.number().int(), perContact: money, cost: money })),
  total: money.nullable(),
  /** The lowest budget of the flow's triggers; null when none has one. */
  budget: money.nullable(),
});

/** Cost estimates. */
export const costEndpoints = {
  flowCostEstimate: route({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/flows/{flowId}/cost-estimate',
    summary: "What the flow's draft would cost per market and in total (its broadcast audience today)",
    tag: 'flows',
    role: 'viewer',
    params: wsFlow,
    response: costEstimateSchema,
  }),
};
