import type { endpoints, ResponseOf } from '@tandem/shared/api';

/** Shapes of the API's answers the editor's views share. */
export type TemplateView = ResponseOf<typeof endpoints.listTemplates>['templates'][number];
export type WaFlowView = ResponseOf<typeof endpoints.listWaFlows>['waFlows'][number];
export type WaFlowSync = ResponseOf<typeof endpoints.syncWaFlows>;
export type VersionWithDiff = ResponseOf<typeof endpoints.listVersions>['versions'][number];
export type AnalyticsView = ResponseOf<typeof endpoints.flowAnalytics>;
export type NodeStats = AnalyticsView['nodes'][string];
export type RunDetail = ResponseOf<typeof endpoints.getRun>;
export type HandoffView = ResponseOf<typeof endpoints.listHandoffs>['handoffs'][number];
export type ClonePreview = ResponseOf<typeof endpoints.clonePreview>;
