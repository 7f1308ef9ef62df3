// Stands in for chevrotain's `generate/generate_public` in the playground bundle. HyperFormula never
// calls chevrotain's parser code generator, whose `new Function` the page's Content-Security-Policy
// forbids (no 'unsafe-eval'): leaving it out keeps the shipped JavaScript free of eval.
export function generateParserFactory() {
  throw new Error('chevrotain parser code generation is not available in this build');
}

export function generateParserModule() {
  throw new Error('chevrotain parser code generation is not available in this build');
}
