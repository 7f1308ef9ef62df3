import { parseModel } from '../../src/model/validate';

/** The two optional indicator fields of SPEC §3 the performance framework needs. */
function modelWith(indicator: Record<string, unknown>): unknown {
  return {
    id: 'p',
    title: 'P',
    currency: 'EUR',
    versions: [
      { id: 'v1', label: 'v1', total: '100', axes: [{ id: 'A', ot: '8', name: 'A', allocation: '100' }] },
    ],
    indicators: [
      { code: 'F1', axis: 'A', type: 'output', unit: 'number', name: 'F', target: '10', ...indicator },
    ],
  };
}

describe('parseModel: type "financial" and framework', () => {
  it('accepts a financial indicator and keeps framework true/false; absent stays absent', () => {
    const financial = parseModel(modelWith({ type: 'financial', framework: true }));
    expect(financial.ok && financial.model.indicators[0]).toMatchObject({
      type: 'financial',
      framework: true,
    });
    const out = parseModel(modelWith({ framework: false }));
    expect(out.ok && out.model.indicators[0].framework).toBe(false);
    const plain = parseModel(modelWith({}));
    expect(plain.ok && 'framework' in plain.model.indicators[0]).toBe(false);
  });

  it('refuses another type and a framework that is not a boolean, naming the field', () => {
    expect(parseModel(modelWith({ type: 'money' }))).toEqual({
      ok: false,
      error: 'indicators[0].type: "money" must be "output", "result" or "financial"',
    });
    expect(parseModel(modelWith({ framework: 'yes' }))).toEqual({
      ok: false,
      error: 'indicators[0].framework: must be true or false, not "yes"',
    });
    expect(parseModel(modelWith({ framework: 1 }), 'it')).toEqual({
      ok: false,
      error: 'indicators[0].framework: deve essere true o false, non 1',
    });
  });
});
