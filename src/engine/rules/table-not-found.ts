import { defineRule } from '../rule';

export const tableNotFound = defineRule({
  meta: {
    id: 'TABLE_NOT_FOUND',
    severity: 'error',
    weight: 100,
    docs: {
      it: 'Tabella 1 (Piano finanziario) o Tabella 2 (Avanzamento finanziario) non trovata in nessun foglio.',
      en: 'Table 1 (financial plan) or Table 2 (financial progress) cannot be found on any sheet.',
    },
    messages: {
      it: {
        plan: 'Tabella 1 (Piano finanziario) non trovata: cercata una riga di intestazione con le colonne "Asse" e "Dotazione finanziaria" (e facoltativamente "OT", "Denominazione", "%"), in qualunque foglio e posizione.',
        progress:
          'Tabella 2 (Avanzamento finanziario) non trovata: cercata una riga di intestazione con "Asse" e almeno quattro colonne tra A Dotazione, B Programmato, C=B/A, D Impegni, E=D/B, F Pagamenti, G=F/D, H Spesa certificata, I=H/F.',
      },
      en: {
        plan: 'Table 1 (financial plan) not found: looked for a header row with the columns "Axis" and "Allocation" (optionally "TO", "Name", "%") on every sheet, at any position.',
        progress:
          'Table 2 (financial progress) not found: looked for a header row with "Axis" and at least four of A Allocation, B Programmed, C=B/A, D Commitments, E=D/B, F Payments, G=F/D, H Certified expenditure, I=H/F.',
      },
    },
  },
  check(ctx, report) {
    // Never at a sheet whose table was passed over (a list of operations is no place to look for Tabella 1).
    const passedOver = new Set((ctx.tables.passedOver ?? []).map((t) => t.sheet));
    const sheet = ctx.grid.sheets.find((s) => !passedOver.has(s.name))?.name ?? '';
    if (!ctx.tables.plan) report({ sheet, cell: 'A1', messageId: 'plan', table: 'plan' });
    if (!ctx.tables.progress) report({ sheet, cell: 'A1', messageId: 'progress', table: 'progress' });
  },
});
