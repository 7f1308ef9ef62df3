/**
 * Errors as Office.js raises them: an `OfficeExtension.Error`-like object with a `code` (the
 * `ErrorCodes` string, e.g. `ItemNotFound`), a message and `debugInfo`. Hosts and the pane only see
 * these shapes, so a test that injects one exercises the same paths as real Excel.
 */

export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidReference'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'AccessDenied'
  | 'GeneralException'
  | 'Timeout'
  | 'ApiNotFound'
  | 'InvalidRequestContext'
  | 'InvalidObjectPath'
  | 'RangeExceedsLimit'
  | 'FormulaLengthExceedsLimit'
  | 'MergedRangeConflict'
  | 'InsertDeleteConflict';

export interface FakeErrorInit {
  code: FakeErrorCode | string;
  message?: string;
  /** Where Excel says it happened (`Worksheet.getItem`, `Range.values`). */
  errorLocation?: string;
}

const DEFAULT_MESSAGES: Record<string, string> = {
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
};

/** The shape of `OfficeExtension.Error` (`name` is `RichApi.Error` as in Office.js). */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(init: FakeErrorInit) {
    const message = init.message ?? DEFAULT_MESSAGES[init.code] ?? init.code;
    super(message);
    this.code = init.code;
    this.debugInfo = { code: init.code, message, errorLocation: init.errorLocation };
  }
}

/** Office.js's own text, thrown on the client when a property is read before `load` + `sync`. */
export function propertyNotLoaded(property: string, entity: string): FakeOfficeError {
  return new FakeOfficeError({
    code: 'PropertyNotLoaded',
    message: `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    errorLocation: `${entity}.${property}`,
  });
}
