export { celEnvironment, expressionRoots, type ExpressionRoot } from './celEnvironment';
export { parseExpression, type ParsedExpression, type ParseResult, type Reference } from './parseExpression';
export { parseTemplate, renderTemplate, type TemplateError, type TemplatePart, type TemplateResult } from './template';
export { toPlain, toText } from './values';
