import { describeOfficeError, isSizeRefusal, officeErrorCode } from '../../src/excel';
import { FakeOfficeError } from '../fakes/fake-excel';

const CODES = [
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'ItemNotFound',
  'ItemAlreadyExists',
  'InvalidOperationInCellEditMode',
  'WriteNotSupportedWhenModalDialogOpen',
  'AccessDenied',
  'MergedRangeConflict',
  'InsertDeleteConflict',
  'Timeout',
  'ApiNotFound',
  'InvalidArgument',
  'GeneralException',
  'PropertyNotLoaded',
  'InvalidObjectPath',
  'ActivityLimitReached',
  'SomethingNew',
];

describe('describeOfficeError', () => {
  it.each(CODES)('turns %s into a sentence in Italian and in English, without the code', (code) => {
    const error = new FakeOfficeError({ code, message: `raw message of ${code}` });
    for (const lang of ['it', 'en'] as const) {
      const sentence = describeOfficeError(error, lang);
      expect(sentence).not.toContain(code);
      expect(sentence).not.toContain('raw message');
      expect(sentence).toMatch(/^[A-Z][^]*\.$/);
      expect(sentence.length).toBeGreaterThan(30);
    }
  });

  it('says what happened and what to do', () => {
    const notFound = new FakeOfficeError({ code: 'ItemNotFound' });
    expect(describeOfficeError(notFound, 'it')).toBe(
      'Un foglio o una tabella non esiste più: forse è stato rinominato o eliminato mentre il riquadro era aperto. Esegui di nuovo Verifica e riprova.',
    );
    expect(describeOfficeError(notFound, 'en')).toBe(
      'A sheet or table no longer exists: it may have been renamed or deleted while the pane was open. Run Check again, then retry.',
    );
    expect(
      describeOfficeError(new FakeOfficeError({ code: 'InvalidOperationInCellEditMode' }), 'it'),
    ).toMatch(/Premi Invio o Esc/);
  });

  it('has a sentence for errors that are not Office errors at all', () => {
    expect(describeOfficeError(new TypeError('x is undefined'), 'it')).toMatch(/^Qualcosa non ha funzionato/);
    expect(describeOfficeError('boom', 'en')).toMatch(/^Something went wrong/);
    expect(describeOfficeError(undefined, 'en')).toMatch(/^Something went wrong/);
  });

  it('gives codes that mean the same to a user the same sentence', () => {
    expect(describeOfficeError({ code: 'RangeExceedsLimit' }, 'en')).toBe(
      describeOfficeError({ code: 'RequestPayloadSizeLimitExceeded' }, 'en'),
    );
    expect(describeOfficeError({ code: 'InvalidObjectPath' }, 'it')).toBe(
      describeOfficeError({ code: 'PropertyNotLoaded' }, 'it'),
    );
  });
});

describe('officeErrorCode and isSizeRefusal', () => {
  it('read the code of Office errors only', () => {
    expect(officeErrorCode(new FakeOfficeError({ code: 'ItemNotFound' }))).toBe('ItemNotFound');
    expect(officeErrorCode(new Error('plain'))).toBeNull();
    expect(isSizeRefusal({ code: 'RequestPayloadSizeLimitExceeded' })).toBe(true);
    expect(isSizeRefusal({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(isSizeRefusal({ code: 'ItemNotFound' })).toBe(false);
  });
});
