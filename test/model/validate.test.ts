import { parseModel } from '../../src/model/validate';
import type { ProgrammeModel } from '../../src/model/types';

/** Loose on purpose: each test breaks one field of a fresh copy, into any shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EditableModel = Record<string, any>;

/** A small valid model. */
function validModel(): EditableModel {
  return {
    id: 'test-programme',
    title: 'Test programme',
    currency: 'EUR',
    versions: [
      {
        id: 'v1',
        label: 'First plan',
        total: '300.50',
        axes: [
          {
            id: 'A',
            ot: '8',
            name: 'Employment',
            aliases: ['Axis A'],
            allocation: '100.25',
          },
          {
            id: 'B',
            ot: '9',
            name: 'Inclusion',
            aliases: [],
            allocation: '100.25',
          },
          { id: 'C', ot: '', name: 'Technical assistance', allocation: '100' },
        ],
      },
      {
        id: 'v2',
        label: 'Second plan',
        total: '300',
        axes: [
          { id: 'A', ot: '8', name: 'Employment', allocation: '150' },
          { id: 'B', ot: '9', name: 'Inclusion', allocation: '100' },
          { id: 'C', ot: '', name: 'Technical assistance', allocation: '50' },
        ],
      },
    ],
    indicators: [
      {
        code: 'CO01',
        axis: 'A',
        priority: '',
        type: 'output',
        unit: 'number',
        name: 'Unemployed',
        target: '1000',
      },
      {
        code: 'CR06',
        axis: 'A',
        priority: '8i',
        type: 'result',
        unit: 'percentage',
        name: 'In work',
        target: '30',
      },
      {
        code: 'CR06',
        axis: 'A',
        priority: '8ii',
        type: 'result',
        unit: 'percentage',
        name: 'In work',
        target: '20.2',
      },
    ],
    thresholds: { tolerance: '0.85', serious: '0.65' },
  };
}

function errorOf(input: unknown): string {
  const result = parseModel(input);
  if (result.ok) throw new Error('expected the model to be refused');
  return result.error;
}

function italianErrorOf(input: unknown): string {
  const result = parseModel(input, 'it');
  if (result.ok) throw new Error('expected the model to be refused');
  return result.error;
}

function modelOf(input: unknown): ProgrammeModel {
  const result = parseModel(input);
  if (!result.ok) throw new Error(`expected a valid model, got: ${result.error}`);
  return result.model;
}

describe('parseModel: valid input', () => {
  it('loads a model from JSON text and from an object alike', () => {
    const fromText = modelOf(JSON.stringify(validModel()));
    const fromObject = modelOf(validModel());
    expect(fromText).toEqual(fromObject);
    expect(fromText.versions.map((v) => v.id)).toEqual(['v1', 'v2']);
    expect(fromText.versions[0].axes[0]).toEqual({
      id: 'A',
      ot: '8',
      name: 'Employment',
      aliases: ['Axis A'],
      allocation: '100.25',
    });
  });

  it('keeps decimal strings exactly as written', () => {
    const model = modelOf(validModel());
    expect(model.versions[0].total).toBe('300.50');
    expect(model.versions[0].axes[2].allocation).toBe('100');
    expect(model.indicators[2].target).toBe('20.2');
  });

  it('compares the total with the sum of the allocations as decimals, not floats', () => {
    const m = validModel();
    m.versions = [
      {
        id: 'v',
        label: 'Float trap',
        total: '0.3',
        axes: [
          { id: 'A', ot: '', name: 'A', allocation: '0.1' },
          { id: 'B', ot: '', name: 'B', allocation: '0.2' },
        ],
      },
    ];
    m.indicators = [];
    expect(modelOf(m).versions[0].total).toBe('0.3');
  });

  it('fills the defaults: aliases [], priority "", direction "higher", thresholds 0.85/0.65, indicators []', () => {
    const m = validModel();
    delete m.versions[0].axes[0].aliases;
    delete m.indicators[0].priority;
    delete m.thresholds;
    let model = modelOf(m);
    expect(model.versions[0].axes[0].aliases).toEqual([]);
    expect(model.indicators[0].priority).toBe('');
    expect(model.indicators[0].direction).toBe('higher');
    expect(model.thresholds).toEqual({ tolerance: '0.85', serious: '0.65' });

    delete m.indicators;
    model = modelOf(m);
    expect(model.indicators).toEqual([]);
  });

  it('keeps direction "lower" and partial thresholds', () => {
    const m = validModel();
    m.indicators[0].direction = 'lower';
    m.thresholds = { tolerance: '0.9' };
    const model = modelOf(m);
    expect(model.indicators[0].direction).toBe('lower');
    expect(model.thresholds).toEqual({ tolerance: '0.9', serious: '0.65' });
  });

  it('ignores and drops unknown keys', () => {
    const m = validModel();
    m.comment = 'anything';
    m.versions[0].source = 'somewhere';
    m.versions[0].axes[0].colour = 'red';
    m.indicators[0].note = 'n';
    const model = modelOf(m) as unknown as EditableModel;
    expect(model.comment).toBeUndefined();
    expect(model.versions[0].source).toBeUndefined();
    expect(model.versions[0].axes[0].colour).toBeUndefined();
    expect(model.indicators[0].note).toBeUndefined();
  });

  it('accepts a byte-order mark before the JSON text', () => {
    expect(modelOf('\uFEFF' + JSON.stringify(validModel())).id).toBe('test-programme');
  });
});

describe('parseModel: one-line errors naming the field', () => {
  const cases: [string, (m: EditableModel) => unknown, string][] = [
    ['a model that is not an object', () => [1, 2], 'model: must be a JSON object, not an array'],
    [
      'a missing id',
      (m) => {
        delete m.id;
        return m;
      },
      'id: is missing',
    ],
    [
      'a title of the wrong type',
      (m) => {
        m.title = 12;
        return m;
      },
      'title: must be a string, not 12',
    ],
    [
      'an empty title',
      (m) => {
        m.title = '  ';
        return m;
      },
      'title: must not be empty',
    ],
    [
      'a bad currency',
      (m) => {
        m.currency = 'euro';
        return m;
      },
      'currency: "euro" must be a three-letter currency code such as "EUR"',
    ],
    [
      'no versions',
      (m) => {
        m.versions = [];
        return m;
      },
      'versions: must hold at least one version',
    ],
    [
      'versions that are not an array',
      (m) => {
        m.versions = {};
        return m;
      },
      'versions: must be an array, not an object',
    ],
    [
      'a version that is not an object',
      (m) => {
        m.versions[1] = 'v2';
        return m;
      },
      'versions[1]: must be an object, not "v2"',
    ],
    [
      'a duplicate version id',
      (m) => {
        m.versions[1].id = 'v1';
        return m;
      },
      'versions[1].id: "v1" is already the id of versions[0]',
    ],
    [
      'a version without axes',
      (m) => {
        m.versions[0].axes = [];
        return m;
      },
      'versions[0].axes: must hold at least one axis',
    ],
    [
      'an allocation with a decimal comma',
      (m) => {
        m.versions[0].axes[2].allocation = '12,5';
        return m;
      },
      'versions[0].axes[2].allocation: "12,5" is not a decimal amount',
    ],
    [
      'an allocation with thousands separators',
      (m) => {
        m.versions[0].axes[2].allocation = '1.000.000,00';
        return m;
      },
      'versions[0].axes[2].allocation: "1.000.000,00" is not a decimal amount',
    ],
    [
      'an allocation given as a JSON number',
      (m) => {
        m.versions[0].axes[1].allocation = 100.25;
        return m;
      },
      'versions[0].axes[1].allocation: must be a decimal string such as "100.25", not the JSON number 100.25',
    ],
    [
      'a total given as a JSON number',
      (m) => {
        m.versions[1].total = 300;
        return m;
      },
      'versions[1].total: must be a decimal string such as "300", not the JSON number 300',
    ],
    [
      'a negative allocation',
      (m) => {
        m.versions[1].axes[0].allocation = '-150';
        return m;
      },
      'versions[1].axes[0].allocation: "-150" must not be negative',
    ],
    [
      'a total that is not the sum of the axes',
      (m) => {
        m.versions[0].total = '300.51';
        return m;
      },
      `versions[0].total: "300.51" differs from the sum of the axes' allocations, "300.50"`,
    ],
    [
      'an empty axis id',
      (m) => {
        m.versions[0].axes[1].id = '';
        return m;
      },
      'versions[0].axes[1].id: must not be empty',
    ],
    [
      'an axis id with stray spaces',
      (m) => {
        m.versions[0].axes[1].id = 'B ';
        return m;
      },
      'versions[0].axes[1].id: "B " has leading or trailing spaces',
    ],
    [
      'a duplicate axis id',
      (m) => {
        m.versions[1].axes[2].id = 'A';
        return m;
      },
      'versions[1].axes[2].id: "A" is already the id of versions[1].axes[0]',
    ],
    [
      'a missing ot',
      (m) => {
        delete m.versions[0].axes[0].ot;
        return m;
      },
      'versions[0].axes[0].ot: is missing',
    ],
    [
      'aliases that are not an array',
      (m) => {
        m.versions[0].axes[0].aliases = 'Axis A';
        return m;
      },
      'versions[0].axes[0].aliases: must be an array, not "Axis A"',
    ],
    [
      'an alias that is not a string',
      (m) => {
        m.versions[0].axes[0].aliases = ['Axis A', 3];
        return m;
      },
      'versions[0].axes[0].aliases[1]: must be a string, not 3',
    ],
    [
      'an alias that names another axis',
      (m) => {
        m.versions[0].axes[1].aliases = ['Inclusion', 'axis a'];
        return m;
      },
      'versions[0].axes[1].aliases[1]: "axis a" also names axis "A" (versions[0].axes[0])',
    ],
    [
      "an alias equal to another axis's id",
      (m) => {
        m.versions[0].axes[2].aliases = ['b'];
        return m;
      },
      'versions[0].axes[2].aliases[0]: "b" also names axis "B" (versions[0].axes[1])',
    ],
    [
      'an indicator of unknown type',
      (m) => {
        m.indicators[2].type = 'xyz';
        return m;
      },
      'indicators[2].type: "xyz" must be "output", "result" or "financial"',
    ],
    [
      'an indicator of unknown unit',
      (m) => {
        m.indicators[0].unit = '%';
        return m;
      },
      'indicators[0].unit: "%" must be "number" or "percentage"',
    ],
    [
      'an indicator of unknown direction',
      (m) => {
        m.indicators[0].direction = 'up';
        return m;
      },
      'indicators[0].direction: "up" must be "higher" or "lower"',
    ],
    [
      'an indicator on an axis no version has',
      (m) => {
        m.indicators[1].axis = 'Z';
        return m;
      },
      'indicators[1].axis: "Z" is not the id of an axis in any version',
    ],
    [
      'a target with a percent sign',
      (m) => {
        m.indicators[1].target = '30%';
        return m;
      },
      'indicators[1].target: "30%" is not a decimal number',
    ],
    [
      'a target given as a JSON number',
      (m) => {
        m.indicators[0].target = 1000;
        return m;
      },
      'indicators[0].target: must be a decimal string such as "1000", not the JSON number 1000',
    ],
    [
      'a negative target',
      (m) => {
        m.indicators[0].target = '-1';
        return m;
      },
      'indicators[0].target: "-1" must not be negative',
    ],
    [
      'a priority that is not a string',
      (m) => {
        m.indicators[0].priority = null;
        return m;
      },
      'indicators[0].priority: must be a string, not null',
    ],
    [
      'a repeated code and priority',
      (m) => {
        m.indicators[2].priority = '8i';
        return m;
      },
      'indicators[2]: code "CR06" with priority "8i" is already indicators[1]',
    ],
    [
      'indicators that are not an array',
      (m) => {
        m.indicators = 'none';
        return m;
      },
      'indicators: must be an array, not "none"',
    ],
    [
      'thresholds that are not an object',
      (m) => {
        m.thresholds = ['0.85'];
        return m;
      },
      'thresholds: must be an object, not an array',
    ],
    [
      'a threshold given as a JSON number',
      (m) => {
        m.thresholds.tolerance = 0.85;
        return m;
      },
      'thresholds.tolerance: must be a decimal string such as "0.85", not the JSON number 0.85',
    ],
    [
      'a tolerance above 1',
      (m) => {
        m.thresholds.tolerance = '1.2';
        return m;
      },
      'thresholds.tolerance: "1.2" must not be greater than 1',
    ],
    [
      'a serious threshold of 0',
      (m) => {
        m.thresholds.serious = '0';
        return m;
      },
      'thresholds.serious: "0" must be greater than 0',
    ],
    [
      'a serious threshold not below the tolerance',
      (m) => {
        m.thresholds.serious = '0.85';
        return m;
      },
      'thresholds.serious: "0.85" must be less than thresholds.tolerance "0.85"',
    ],
    [
      'a threshold in percent',
      (m) => {
        m.thresholds.serious = '65%';
        return m;
      },
      'thresholds.serious: "65%" is not a decimal number',
    ],
  ];

  it.each(cases)('%s', (_what, breakModel, expected) => {
    const input = breakModel(validModel());
    expect(errorOf(input)).toBe(expected);
    // The same error whether the model comes as text or as an object.
    expect(errorOf(JSON.stringify(input))).toBe(expected);
    expect(expected).not.toMatch(/\n/);
  });

  it('accepts a tolerance of exactly 1', () => {
    const m = validModel();
    m.thresholds.tolerance = '1';
    expect(modelOf(m).thresholds.tolerance).toBe('1');
  });

  it("says where the JSON breaks, line and column, in our words and not the parser's", () => {
    const text = '{ "id": "x",\n  "title": }';
    expect(errorOf(text)).toBe(
      'not valid JSON at line 2, column 12 ("}"): check the commas, quotes and brackets there or just before',
    );
    expect(italianErrorOf(text)).toBe(
      'JSON non valido alla riga 2, colonna 12 ("}"): controlla virgole, virgolette e parentesi lì o appena prima',
    );
    expect(errorOf('{ "id": "x",, }')).toMatch(/^not valid JSON at line 1, column 13 \(","\)/);
    expect(errorOf(text)).not.toMatch(/Unexpected|token|position/);
  });

  it('says a text that ends too early is not closed', () => {
    expect(italianErrorOf('{ "id": "x"')).toBe(
      'JSON non valido: il testo finisce prima che il modello sia chiuso (manca una } o una ] ?)',
    );
    expect(errorOf('{ "id": "x')).toMatch(/^not valid JSON: the text ends before/);
  });

  it('reports empty text as empty', () => {
    expect(errorOf('')).toBe('the file is empty, not JSON');
    expect(italianErrorOf(' \n')).toBe('il file è vuoto, non contiene JSON');
  });

  it('speaks Italian when asked, with the same field path', () => {
    const m = validModel();
    m.title = 1;
    expect(italianErrorOf(m)).toBe('title: deve essere una stringa, non 1');
    m.title = 'T';
    m.versions = [];
    expect(italianErrorOf(m)).toBe('versions: deve contenere almeno una versione');
    expect(italianErrorOf([])).toBe('model: deve essere un oggetto JSON, non un array');
  });

  it('names the first problem only', () => {
    const m = validModel();
    m.title = 1;
    m.versions = [];
    expect(errorOf(m)).toBe('title: must be a string, not 1');
  });
});
