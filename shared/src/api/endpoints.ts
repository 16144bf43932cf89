import { accountsEndpoints } from './endpoints/accounts';
import { flowsEndpoints } from './endpoints/flows';
import { assetsEndpoints } from './endpoints/assets';
import { contactsEndpoints } from './endpoints/contacts';
import { runsEndpoints } from './endpoints/runs';
import { simulatorEndpoints } from './endpoints/simulator';
import { costEndpoints } from './endpoints/cost';
import { dashboardEndpoints } from './endpoints/dashboard';
import { attributionEndpoints } from './endpoints/attribution';

/** Every endpoint of Tandem's REST API, one file per area in `./endpoints/`. */
export const endpoints = {
  ...accountsEndpoints,
  ...flowsEndpoints,
  ...assetsEndpoints,
  ...contactsEndpoints,
  ...runsEndpoints,
  ...simulatorEndpoints,
  ...costEndpoints,
  ...dashboardEndpoints,
  ...attributionEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
