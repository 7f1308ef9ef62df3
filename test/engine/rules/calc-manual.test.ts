import { describeRule } from '../grid-builder';
import { raa } from '../raa-fixture';

describeRule('CALC_MANUAL', {
  fires: [
    {
      name: 'a workbook set to manual calculation',
      grid: { ...raa(), calculation: 'manual' },
      hits: [
        [
          'A1',
          'warning',
          'manual',
          {
            message:
              'La cartella è impostata sul calcolo manuale: le formule non si aggiornano da sole e i valori letti possono essere vecchi. In Excel: Formule › Opzioni di calcolo › Automatico.',
          },
        ],
      ],
    },
  ],
  doesNotFire: [
    { name: 'automatic calculation', grid: { ...raa(), calculation: 'automatic' } },
    { name: 'a host that does not say', grid: raa() },
  ],
});
