import type { Lang } from '../engine/finding';
import type { ApplyFailure } from '../engine/host';
import type { WritePlan } from '../engine/plan';

/**
 * Office errors as users should read them: what happened and what to do, in Italian or English,
 * never a raw code. Codes are Office.js's `ErrorCodes` (`ItemNotFound`, `RequestPayloadSizeLimitExceeded`…).
 */

/** The Office.js error code of an error (`OfficeExtension.Error.code`), or `null` for any other error. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** Excel refused a request or its response for its size (5 MB on the web), or for too many cells. */
export function isSizeRefusal(error: unknown): boolean {
  const code = officeErrorCode(error);
  return (
    code === 'RequestPayloadSizeLimitExceeded' ||
    code === 'ResponsePayloadSizeLimitExceeded' ||
    code === 'OperationCellsExceedLimit' ||
    code === 'RangeExceedsLimit'
  );
}

/** A write the host refused or stopped, with the code and details the pane reads (`ApplyFailure`). */
export class HostWriteError extends Error implements ApplyFailure {
  override readonly name = 'HostWriteError';
  sheet?: string;
  cells?: { sheet: string; cell: string }[];
  written?: WritePlan;
  notWritten?: WritePlan;
  override cause?: unknown;

  constructor(
    readonly code: ApplyFailure['code'],
    details: Omit<ApplyFailure, 'code'> = {},
  ) {
    super(code);
    Object.assign(this, details);
  }
}

type Sentences = Record<Lang, string>;

const BY_CODE: Record<string, Sentences> = {
  WorkbookChanged: {
    it: 'La cartella è cambiata dopo la verifica: ripeti Verifica. Non è stato scritto nulla.',
    en: 'The workbook changed after the check: run Check again. Nothing was written.',
  },
  RequestPayloadSizeLimitExceeded: {
    it: 'Excel ha rifiutato la modifica perché troppo grande, anche divisa in parti. Riduci le righe delle tabelle, oppure usa la riga di comando por-tables sul file .xlsx.',
    en: 'Excel refused the change because it is too large, even split into parts. Reduce the rows of the tables, or use the por-tables command line on the .xlsx file.',
  },
  ResponsePayloadSizeLimitExceeded: {
    it: 'Excel non è riuscito a restituire tutti i dati perché sono troppi. Sposta le tabelle in una cartella più piccola, oppure usa la riga di comando por-tables sul file .xlsx.',
    en: 'Excel could not return all the data because there is too much of it. Move the tables to a smaller workbook, or use the por-tables command line on the .xlsx file.',
  },
  ItemNotFound: {
    it: 'Un foglio o una tabella non esiste più: forse è stato rinominato o eliminato mentre il riquadro era aperto. Esegui di nuovo Verifica e riprova.',
    en: 'A sheet or table no longer exists: it may have been renamed or deleted while the pane was open. Run Check again, then retry.',
  },
  ItemAlreadyExists: {
    it: 'Esiste già un foglio con lo stesso nome. Rinominalo o eliminalo, poi riprova.',
    en: 'A sheet with the same name already exists. Rename or delete it, then try again.',
  },
  InvalidOperationInCellEditMode: {
    it: 'Excel sta modificando una cella. Premi Invio o Esc per uscire dalla modifica, poi riprova.',
    en: 'Excel is editing a cell. Press Enter or Esc to leave cell editing, then try again.',
  },
  WriteNotSupportedWhenModalDialogOpen: {
    it: 'Una finestra di dialogo di Excel è aperta. Chiudila, poi riprova.',
    en: 'An Excel dialog is open. Close it, then try again.',
  },
  AccessDenied: {
    it: 'Excel non permette di modificare la cartella: forse il foglio è protetto o il file è aperto in sola lettura. Rimuovi la protezione o apri il file in modifica, poi riprova.',
    en: 'Excel does not allow changes to this workbook: the sheet may be protected or the file open read-only. Remove the protection or open the file for editing, then try again.',
  },
  MergedRangeConflict: {
    it: 'Alcune celle unite impediscono la scrittura. Separa le celle unite nelle tabelle, poi riprova.',
    en: 'Merged cells are in the way of the change. Unmerge the cells in the tables, then try again.',
  },
  InsertDeleteConflict: {
    it: 'Una tabella, un filtro o una tabella pivot si sovrappone alle celle da scrivere. Spostali o rimuovili, poi riprova.',
    en: 'A table, filter or PivotTable overlaps the cells to write. Move or remove it, then try again.',
  },
  Timeout: {
    it: 'Excel non ha risposto in tempo. Attendi qualche secondo e riprova.',
    en: 'Excel did not answer in time. Wait a few seconds and try again.',
  },
  ApiNotFound: {
    it: 'Questa versione di Excel non ha una funzione che il componente aggiuntivo usa. Aggiorna Excel, oppure usa Excel per il web.',
    en: 'This version of Excel lacks a feature the add-in uses. Update Excel, or use Excel on the web.',
  },
  InvalidArgument: {
    it: 'Excel ha rifiutato un indirizzo o un valore che il componente aggiuntivo voleva scrivere. Esegui di nuovo Verifica e riprova; se si ripete, segnala il problema indicando l’azione.',
    en: 'Excel refused an address or a value the add-in tried to write. Run Check again and retry; if it happens again, report the problem and the action you ran.',
  },
  GeneralException: {
    it: 'Excel ha incontrato un errore interno. Salva il lavoro e riprova; se si ripete, riavvia Excel.',
    en: 'Excel ran into an internal error. Save your work and try again; if it happens again, restart Excel.',
  },
  PropertyNotLoaded: {
    it: 'Il componente aggiuntivo ha letto la cartella in modo scorretto (un errore interno). Chiudi e riapri il riquadro; se si ripete, segnala il problema.',
    en: 'The add-in read the workbook the wrong way (an internal error). Close and reopen the pane; if it happens again, report the problem.',
  },
};

/** Codes that mean the same to a user as one above. */
const SAME_AS: Record<string, string> = {
  OperationCellsExceedLimit: 'RequestPayloadSizeLimitExceeded',
  RangeExceedsLimit: 'RequestPayloadSizeLimitExceeded',
  InvalidReference: 'InvalidArgument',
  InvalidSelection: 'InvalidArgument',
  FilteredRangeConflict: 'InsertDeleteConflict',
  PivotTableRangeConflict: 'InsertDeleteConflict',
  ActivityLimitReached: 'Timeout',
  ConnectionFailure: 'Timeout',
  InvalidOrTimedOutSession: 'Timeout',
  RequestAborted: 'Timeout',
  ApiNotAvailable: 'ApiNotFound',
  NotImplemented: 'ApiNotFound',
  UnsupportedFeature: 'ApiNotFound',
  UnsupportedOperation: 'ApiNotFound',
  InvalidObjectPath: 'PropertyNotLoaded',
  ValueNotLoaded: 'PropertyNotLoaded',
  InvalidRequestContext: 'PropertyNotLoaded',
  ServerError: 'GeneralException',
  UnexpectedError: 'GeneralException',
  InvalidOperation: 'GeneralException',
};

const FALLBACK: Sentences = {
  it: 'Qualcosa non ha funzionato mentre il componente aggiuntivo parlava con Excel. Riprova; se si ripete, chiudi e riapri il riquadro.',
  en: 'Something went wrong while the add-in was talking to Excel. Try again; if it happens again, close and reopen the pane.',
};

/** `{{sheet}}` is the protected sheet's name. */
const SHEET_PROTECTED: Sentences = {
  it: 'Il foglio «{{sheet}}» è protetto, quindi non è stato scritto nulla. Rimuovi la protezione (Revisione › Rimuovi protezione foglio), poi riprova.',
  en: 'The sheet “{{sheet}}” is protected, so nothing was written. Unprotect it (Review › Unprotect Sheet), then try again.',
};

export function describeOfficeError(error: unknown, lang: Lang): string {
  const code = officeErrorCode(error);
  const key = lang === 'en' ? 'en' : 'it';
  if (code === 'SheetProtected') {
    const sheet = (error as { sheet?: string }).sheet ?? '';
    return SHEET_PROTECTED[key].replace('{{sheet}}', sheet);
  }
  // A write that stopped: what stopped it is the cause's sentence (the pane adds what was written).
  if (code === 'WriteInterrupted') return describeOfficeError((error as { cause?: unknown }).cause, lang);
  const sentences = code ? (BY_CODE[code] ?? BY_CODE[SAME_AS[code] ?? '']) : undefined;
  return (sentences ?? FALLBACK)[lang === 'en' ? 'en' : 'it'];
}
