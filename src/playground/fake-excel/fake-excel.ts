import { FakeWorkbookDocument } from './document';
import { FakeOfficeError, type FakeErrorInit } from './errors';
import { FakeRequestContext, type BatchRunner, type QueuedOperation } from './proxies';

/**
 * An in-memory Excel with Office.js semantics, for the playground and the tests. `fake.excel` and
 * `fake.office` are what a page or a test installs as the globals `Excel` and `Office`
 * (`installFakeOffice`). Every `context.sync()` is counted; failures can be injected.
 */

/** What a request looked like, for predicates that decide to refuse it. */
export interface FakeRequest {
  /** 1-based number of the sync since the fake was made (not reset by `resetSyncCount`). */
  batch: number;
  operations: number;
  /** Cells sent as values, formulas or number formats. */
  cells: number;
  /** Estimated bytes of the request as Office.js sends it (JSON of the values set, plus each operation's envelope). */
  bytes: number;
  /** Cells read back (values, formulas, formats, value types), known once the request ran. */
  responseCells?: number;
  /** Operation names in order (`Range.formulas`, `Worksheet.delete`…). */
  names: string[];
}

export interface SyncReport extends FakeRequest {
  /** Whether at least one write ran (the playground redraws on it). */
  wrote: boolean;
  error: FakeOfficeError | null;
}

export type RequestRefusal = (request: FakeRequest) => FakeErrorInit | null;

export interface FakeOfficeOptions {
  /** `null` mimics office.js loaded outside Office: `onReady` resolves with no host. */
  host?: 'Excel' | null;
  platform?: 'OfficeOnline' | 'PC' | 'Mac';
  displayLanguage?: string;
  dark?: boolean;
  /** The highest ExcelApi requirement set the fake claims to support. */
  excelApi?: string;
  /** `false`: `Office.context.officeTheme` is undefined, as in Excel on the web. */
  officeTheme?: boolean;
}

/**
 * What Excel on the web refuses: a request over 5 MB (`RequestPayloadSizeLimitExceeded`) or with too
 * many operations; a range of more than 5 million cells reads as `values: null` (no error).
 */
export interface FakeRequestLimits {
  bytes: number;
  operations: number;
}

export const EXCEL_WEB_LIMITS: FakeRequestLimits = { bytes: 5 * 1024 * 1024, operations: 40_000 };

export interface OfficeReadyInfo {
  host: 'Excel' | null;
  platform: string | null;
}

export interface FakeOfficeTheme {
  isDarkTheme: boolean;
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

/** The part of `Office` the add-in uses. */
export interface FakeOfficeNamespace {
  onReady(callback?: (info: OfficeReadyInfo) => void): Promise<OfficeReadyInfo>;
  context: {
    displayLanguage: string;
    contentLanguage: string;
    officeTheme: FakeOfficeTheme | undefined;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
  };
  HostType: { Excel: 'Excel' };
  PlatformType: { OfficeOnline: 'OfficeOnline'; PC: 'PC'; Mac: 'Mac' };
}

/** The part of `Excel` the add-in uses: `run` and the enums, with Office.js's string values. */
export interface FakeExcelNamespace {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  ConditionalFormatType: { custom: 'Custom' };
  PageOrientation: { portrait: 'Portrait'; landscape: 'Landscape' };
  PaperType: { a4: 'A4'; letter: 'Letter'; legal: 'Legal'; a3: 'A3' };
  ErrorCodes: Record<string, string>;
}

const DEFAULT_EXCEL_API = '1.17';

export class FakeExcel implements BatchRunner {
  readonly document = new FakeWorkbookDocument();
  readonly excel: FakeExcelNamespace;
  readonly office: FakeOfficeNamespace;
  /** `context.sync()` calls (including the one `Excel.run` makes for a non-empty queue at its end). */
  syncCount = 0;
  batchNumber = 0;
  /** The last request, for tests that look at how a batch was built. */
  lastRequest: FakeRequest | null = null;
  private readonly injected: { error: FakeErrorInit; after: number }[] = [];
  /** The payload and operation limits every request must keep (Excel on the web's by default). */
  limits: FakeRequestLimits = { ...EXCEL_WEB_LIMITS };
  private responseLimit: number | null = null;
  private readonly refusals = new Set<RequestRefusal>();
  private readonly listeners = new Set<(report: SyncReport) => void>();
  private readonly excelApi: string;

  constructor(options: FakeOfficeOptions = {}) {
    this.excel = {
      run: (batch) => this.run(batch),
      ConditionalFormatType: { custom: 'Custom' },
      PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
      PaperType: { a4: 'A4', letter: 'Letter', legal: 'Legal', a3: 'A3' },
      ErrorCodes: {
        itemNotFound: 'ItemNotFound',
        itemAlreadyExists: 'ItemAlreadyExists',
        invalidArgument: 'InvalidArgument',
        generalException: 'GeneralException',
        accessDenied: 'AccessDenied',
      },
    };
    this.office = fakeOffice(options);
    this.excelApi = options.excelApi ?? DEFAULT_EXCEL_API;
  }

  /** Whether the ExcelApi requirement set `version` is one the fake claims (`excelApi`, 1.17 by default). */
  supports(version: string): boolean {
    return compareVersions(version, this.excelApi) <= 0;
  }

  resetSyncCount(): void {
    this.syncCount = 0;
  }

  /** The next sync fails with this error and applies nothing. */
  failNextSync(error: FakeErrorInit): void {
    this.injected.push({ error, after: 0 });
  }

  /**
   * The sync after `passing` more successful ones fails with this error and applies nothing: a
   * write that stops in the middle (the connection dropped after some of its requests).
   */
  failSyncAfter(passing: number, error: FakeErrorInit): void {
    this.injected.push({ error, after: passing });
  }

  /** Changes Excel's request limits (bytes, operations); returns the undo. */
  setRequestLimits(limits: Partial<FakeRequestLimits>): () => void {
    const before = this.limits;
    this.limits = { ...before, ...limits };
    return () => {
      this.limits = before;
    };
  }

  /** Refuses every request sending more than `cells` cells, as Excel does past its 5 MB payload limit. Returns the undo. */
  failRequestsLargerThan(cells: number): () => void {
    return this.refuseRequestsWhen((request) =>
      request.cells > cells
        ? {
            code: 'RequestPayloadSizeLimitExceeded',
            message: `The request payload size has exceeded the limit (fake: ${request.cells} cells > ${cells}).`,
          }
        : null,
    );
  }

  /** Refuses responses carrying more than `cells` cells (Excel's 5 MB response limit); the request's writes stay applied. */
  failResponsesLargerThan(cells: number): () => void {
    this.responseLimit = cells;
    return () => {
      this.responseLimit = null;
    };
  }

  refuseRequestsWhen(refusal: RequestRefusal): () => void {
    this.refusals.add(refusal);
    return () => this.refusals.delete(refusal);
  }

  /** Called after every sync; returns the unsubscribe. */
  onSync(listener: (report: SyncReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    const context = new FakeRequestContext(this);
    const result = await batch(context);
    // Office.js sends what is still queued when the batch function ends.
    if (context.pendingOperations > 0) await context.sync();
    return result;
  }

  async runBatch(operations: QueuedOperation[]): Promise<void> {
    this.syncCount++;
    this.batchNumber++;
    const request: FakeRequest = {
      batch: this.batchNumber,
      operations: operations.length,
      cells: operations.reduce((sum, operation) => sum + operation.cells, 0),
      bytes: operations.reduce((sum, operation) => sum + (operation.bytes ?? 0), 0),
      names: operations.map((operation) => operation.name),
    };
    this.lastRequest = request;
    // A round trip: the caller always waits for a later turn, as with the real host.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));

    const refusal =
      this.nextInjected() ??
      [...this.refusals].map((refuse) => refuse(request)).find((found) => found) ??
      this.limitRefusal(request);
    if (refusal) {
      const error = new FakeOfficeError(refusal);
      this.report({ ...request, wrote: false, error });
      throw error;
    }
    let wrote = false;
    let responseCells = 0;
    try {
      for (const operation of operations) {
        responseCells += operation.run() ?? 0;
        wrote ||= operation.writes;
      }
      request.responseCells = responseCells;
      if (this.responseLimit !== null && responseCells > this.responseLimit) {
        throw new FakeOfficeError({
          code: 'ResponsePayloadSizeLimitExceeded',
          message: `The response payload size has exceeded the limit (fake: ${responseCells} cells > ${this.responseLimit}).`,
        });
      }
    } catch (error) {
      // As in Excel: the operations before the failing one stay applied.
      const officeError =
        error instanceof FakeOfficeError
          ? error
          : new FakeOfficeError({ code: 'GeneralException', message: String(error) });
      this.report({ ...request, wrote, error: officeError });
      throw officeError;
    } finally {
      this.document.resume();
    }
    this.report({ ...request, wrote, error: null });
  }

  private nextInjected(): FakeErrorInit | null {
    const next = this.injected[0];
    if (!next) return null;
    if (next.after > 0) {
      next.after--;
      return null;
    }
    this.injected.shift();
    return next.error;
  }

  private limitRefusal(request: FakeRequest): FakeErrorInit | null {
    if (request.bytes > this.limits.bytes)
      return {
        code: 'RequestPayloadSizeLimitExceeded',
        message: `The request payload size has exceeded the limit (fake: ${request.bytes} bytes > ${this.limits.bytes}).`,
      };
    if (request.operations > this.limits.operations)
      return {
        code: 'RequestPayloadSizeLimitExceeded',
        message: `The request has too many operations (fake: ${request.operations} > ${this.limits.operations}).`,
      };
    return null;
  }

  private report(report: SyncReport): void {
    for (const listener of this.listeners) listener(report);
  }
}

function fakeOffice(options: FakeOfficeOptions): FakeOfficeNamespace {
  const host = options.host === undefined ? 'Excel' : options.host;
  const info: OfficeReadyInfo = { host, platform: host ? (options.platform ?? 'OfficeOnline') : null };
  const dark = options.dark ?? false;
  const excelApi = options.excelApi ?? DEFAULT_EXCEL_API;
  return {
    onReady(callback) {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
    context: {
      displayLanguage: options.displayLanguage ?? 'it-IT',
      contentLanguage: options.displayLanguage ?? 'it-IT',
      officeTheme:
        options.officeTheme === false
          ? undefined
          : dark
            ? {
                isDarkTheme: true,
                bodyBackgroundColor: '#292929',
                bodyForegroundColor: '#ffffff',
                controlBackgroundColor: '#1f1f1f',
                controlForegroundColor: '#ffffff',
              }
            : {
                isDarkTheme: false,
                bodyBackgroundColor: '#ffffff',
                bodyForegroundColor: '#000000',
                controlBackgroundColor: '#ffffff',
                controlForegroundColor: '#000000',
              },
      requirements: {
        isSetSupported(name, minVersion) {
          if (!host || name.toLowerCase() !== 'excelapi') return false;
          return minVersion === undefined || compareVersions(String(minVersion), excelApi) <= 0;
        },
      },
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
  };
}

/** `1.6` < `1.10`: requirement-set versions compare part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
