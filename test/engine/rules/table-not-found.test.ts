import { describeRule, grid, sheet } from '../grid-builder';
import { raa, raaSheet } from '../raa-fixture';

const PLAN_NOT_FOUND =
  'Tabella 1 (Piano finanziario) non trovata: cercata una riga di intestazione con le colonne "Asse" e "Dotazione finanziaria" (e facoltativamente "OT", "Denominazione", "%"), in qualunque foglio e posizione.';
const PROGRESS_NOT_FOUND =
  'Tabella 2 (Avanzamento finanziario) non trovata: cercata una riga di intestazione con "Asse" e almeno quattro colonne tra A Dotazione, B Programmato, C=B/A, D Impegni, E=D/B, F Pagamenti, G=F/D, H Spesa certificata, I=H/F.';

describeRule('TABLE_NOT_FOUND', {
  fires: [
    {
      name: 'an empty workbook',
      grid: grid(),
      hits: [
        ['A1', 'error', 'plan', { message: PLAN_NOT_FOUND }],
        ['A1', 'error', 'progress', { message: PROGRESS_NOT_FOUND }],
      ],
    },
    {
      name: 'an empty sheet',
      grid: grid(sheet('Foglio1', [])),
      hits: [
        ['A1', 'error', 'plan'],
        ['A1', 'error', 'progress'],
      ],
    },
    {
      name: 'a sheet of prose',
      grid: grid(
        sheet('Note', [
          ['Relazione annuale di attuazione', 'bozza'],
          ['Il programma procede', 'come previsto'],
          ['Asse', 'prioritario'],
        ]),
      ),
      hits: [
        ['A1', 'error', 'plan'],
        ['A1', 'error', 'progress'],
      ],
    },
    {
      name: 'only Tabella 1',
      grid: raa({ progress: false }),
      hits: [['A1', 'error', 'progress', { message: PROGRESS_NOT_FOUND }]],
    },
    {
      name: 'only Tabella 2',
      grid: raa({ plan: false }),
      hits: [['A1', 'error', 'plan', { message: PLAN_NOT_FOUND }]],
    },
    {
      name: "tables only on the add-in's own report sheet",
      grid: grid(raaSheet({ sheetName: 'Report POR' })),
      hits: [
        ['A1', 'error', 'plan'],
        ['A1', 'error', 'progress'],
      ],
    },
    {
      name: 'a progress header with too few columns',
      grid: raa({
        cells: {
          D14: null,
          E14: null,
          F14: null,
          G14: null,
          H14: null,
          I14: null,
          J14: null,
          D15: null,
          E15: null,
          F15: null,
          G15: null,
          H15: null,
          I15: null,
          J15: null,
        },
      }),
      hits: [['A1', 'error', 'progress']],
    },
  ],
  doesNotFire: [
    { name: 'the RAA layout', grid: raa() },
    {
      name: 'tables on a second sheet',
      grid: grid(
        sheet('Copertina', [['POR FSE 2014-2020'], ['Relazione 2022']]),
        raaSheet({ sheetName: 'Dati' }),
      ),
    },
    {
      name: 'tables on two different sheets',
      grid: grid(raaSheet({ sheetName: 'T1', progress: false }), raaSheet({ sheetName: 'T2', plan: false })),
    },
  ],
});
