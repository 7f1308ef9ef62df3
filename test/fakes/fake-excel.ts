/** Tests use the playground's in-memory Excel: one fake for the page and the tests. */
export * from '../../src/playground/fake-excel';
