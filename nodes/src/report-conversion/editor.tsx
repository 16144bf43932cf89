import type { NodeEditor } from '../editors';
import type { ReportConversionConfig } from './definition';

export const reportConversionEditor: NodeEditor<ReportConversionConfig> = {
  Body: ({ summary }) => <p className="tn-summary">{summary}</p>,
};
