/**
 * Webpack loader for zod in the browser bundles: zod takes `Function` into a local (`const F =
 * Function;`) to compile fast parsers with `new F(…)`, and probes whether it may. The pages'
 * Content-Security-Policy forbids that ('unsafe-eval' is not allowed), so the bundle gets a stand-in
 * that throws: zod's probe answers "no eval" and it parses with its interpreter, as it does under CSP.
 * `scripts/check-bundle.mjs` fails the build check if a `Function` constructor comes back.
 */
const STAND_IN =
  "function () { throw new EvalError('POR Tables: no code evaluation in the task pane (Content-Security-Policy)'); }";

module.exports = function noFunctionConstructor(source) {
  return source.replace(/\b(const|let|var)\s+(\w+)\s*=\s*Function\s*;/g, `$1 $2 = ${STAND_IN};`);
};
