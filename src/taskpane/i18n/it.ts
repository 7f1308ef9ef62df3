/**
 * Italian strings of the task pane — the reference language: `en.ts` has the same keys and the same
 * `{{placeholders}}` (a test checks). Button labels are verbs; errors say what happened and what to do.
 */
export const it = {
  skipToResults: 'Vai ai risultati',

  modelGroup: 'Modello del programma',
  programme: 'Programma',
  version: 'Versione del piano finanziario',
  versionAutomatic: 'Automatica (dal foglio)',
  loadModel: 'Carica modello JSON…',
  loadModelHint: 'Un file .json nel formato del modello di POR Tables',
  modelLoaded:
    'Modello «{{title}}» caricato: {{versions}}. Premi Verifica per controllare la cartella con questo modello.',
  modelInvalid:
    'Il file «{{file}}» non è un modello valido: {{reason}}. Correggi il file e caricalo di nuovo; intanto resta in uso il modello precedente.',
  modelUnreadable:
    'Impossibile leggere il file «{{file}}». Controlla che sia un file JSON accessibile e riprova.',
  versionOne: '1 versione',
  versionMany: '{{n}} versioni',
  versionNoteLabel: 'Versione usata',
  modelSummaryLabel: 'Modello',
  modelSummaryVersion: 'versione {{version}}',
  versionAutomaticShort: 'automatica',
  modelChange: 'Cambia',
  modelChangeHint: 'Cambia il programma, la versione o carica un modello JSON',
  modelFold: 'Fatto',

  actionsGroup: 'Azioni',
  actionCheck: 'Verifica',
  actionFill: 'Compila',
  actionFlag: 'Segnala',
  actionReport: 'Genera report',
  actionUndo: 'Annulla',
  hintCheck: 'Controlla le tabelle senza modificare nulla',
  hintFill: 'Scrive le formule delle colonne calcolate (C, E, G, I e indicatori)',
  hintFlag: 'Aggiunge evidenziazioni che seguono i numeri quando cambiano',
  hintReport: 'Crea il foglio del report e quello dei rilievi',
  hintUndo: "Annulla l'ultima azione di POR Tables, dal registro",

  workingCheck: 'Verifica in corso…',
  workingFill: 'Compilazione in corso…',
  workingFlag: 'Aggiunta delle evidenziazioni…',
  workingReport: 'Generazione del report…',
  workingUndo: 'Annullamento in corso…',
  actionSample: "Prova con l'esempio RAA 2022",
  actionIndicators: 'Crea tabella indicatori',
  workingIndicators: 'Creazione della tabella degli indicatori…',
  indicatorsBody:
    'La cartella non ha una tabella degli indicatori. Creala dal modello sotto la Tabella 2: codici, nomi e target già scritti, i valori da compilare, % del target e Stato come formule.',
  nothingIndicatorsExists: 'Crea tabella indicatori: la cartella ha già una tabella degli indicatori.',
  nothingIndicatorsModel:
    'Crea tabella indicatori: il modello {{model}} non ha indicatori da mettere in tabella.',
  actionExport: 'Esporta rilievi',
  workingExport: 'Esportazione dei rilievi…',
  hintExport: 'Scarica i rilievi in un file CSV che Excel apre in colonne',
  exportDone: 'Esporta rilievi: {{count}} scaricati nel file {{file}}.',
  exportNothing: 'Esporta rilievi: nessun rilievo da esportare. Esegui prima Verifica.',
  workingSample: "Inserimento dell'esempio in corso…",
  sampleBody:
    'Nessuna tabella a portata di mano? Inserisci in un nuovo foglio le tabelle del Rapporto annuale 2022 del POR FSE Lombardia e prova tutte le azioni: Annulla lo toglie di nuovo.',

  dismiss: 'Chiudi il messaggio',
  statusRegion: 'Messaggi',

  introTitle: 'Tabelle finanziarie del programma',
  introBody:
    'POR Tables controlla la Tabella 1 (piano finanziario), la Tabella 2 (avanzamento) e gli indicatori rispetto al modello del programma, compila le formule e genera il report. Premi Verifica per iniziare: non modifica nulla.',

  summaryGroup: 'Riepilogo dei rilievi',
  severityErrors: 'Errori',
  severityWarnings: 'Avvisi',
  severityInfos: 'Info',
  severityError: 'Errore',
  severityWarning: 'Avviso',
  severityInfo: 'Info',

  findingsHeading: 'Rilievi',
  findingsEmpty: 'Nessun rilievo: le tabelle sono coerenti con il modello.',
  tablePlan: 'Tabella 1 — Piano finanziario',
  tableProgress: 'Tabella 2 — Avanzamento finanziario',
  tableIndicators: 'Indicatori',
  tableWorkbook: 'Cartella',
  groupCount: '{{n}} rilievi',
  groupCountOne: '1 rilievo',
  severityGroupLabel: '{{severity}} — {{table}}',
  findingSelectHint: 'Invio o clic: seleziona la cella {{place}}',
  repeatShowHint: 'Invio o clic: mostra i {{n}} rilievi',
  repeatHideHint: 'Invio o clic: nasconde i {{n}} rilievi',
  repeatListLabel: 'Rilievi in {{place}}',
  expectedActual: 'Atteso {{expected}}, trovato {{actual}}',

  checkDone: 'Verifica completata: {{errors}}, {{warnings}}, {{infos}}.',
  storedModelInvalid:
    'Il foglio «{{sheet}}» contiene un modello non valido ({{reason}}): la verifica usa il modello scelto qui sopra.',
  countErrorOne: '1 errore',
  countErrorMany: '{{n}} errori',
  countWarningOne: '1 avviso',
  countWarningMany: '{{n}} avvisi',
  countInfoOne: '1 info',
  countInfoMany: '{{n}} info',

  cellOne: '1 cella',
  cellMany: '{{n}} celle',
  sheetOne: '1 foglio',
  sheetMany: '{{n}} fogli',
  formatOne: '1 formattazione condizionale',
  formatMany: '{{n}} formattazioni condizionali',
  listMore: '{{list}} e altre {{n}}',

  confirmOk: 'Procedi',
  confirmCancel: 'Indietro',
  confirmWriteTitle: '{{action}}: confermi?',
  confirmCells: 'Scriverà {{cells}} in {{sheets}} ({{names}}).',
  confirmFormats: 'Aggiungerà {{formats}} in {{sheets}} ({{names}}).',
  confirmRemoveFormats: 'Toglierà {{formats}} da {{sheets}} ({{names}}).',
  confirmNewSheets: 'Creerà {{sheets}}: {{names}}.',
  confirmDeleteSheets: 'Eliminerà {{sheets}}: {{names}}.',
  confirmLog: 'Ogni modifica viene scritta nel foglio «{{log}}» e si può annullare con Annulla.',
  confirmConflictsTitle: 'Alcune celle hanno già un contenuto',
  confirmConflictsOne:
    '1 cella delle colonne calcolate contiene un valore digitato o una formula diversa: {{cells}}.',
  confirmConflicts:
    '{{n}} celle delle colonne calcolate contengono un valore digitato o una formula diversa: {{cells}}.',
  confirmConflictsChoice:
    'Sovrascrivi: scrive le formule anche lì ({{forced}} in tutto). Solo celle vuote: lascia com’è il loro contenuto ({{cells}}).',
  confirmOverwrite: 'Sovrascrivi',
  confirmOnlyEmpty: 'Solo celle vuote',
  confirmReplaceTitle: 'Sostituire il report?',
  confirmReplaceOne:
    'Sostituirà il foglio {{names}}, che esiste già: il suo contenuto attuale andrà perso e Annulla non lo ripristina.',
  confirmReplaceMany:
    'Sostituirà i fogli {{names}}, che esistono già: il loro contenuto attuale andrà perso e Annulla non lo ripristina.',
  confirmReplaceOk: 'Sostituisci',
  confirmLogReplace: 'La sostituzione viene scritta nel foglio «{{log}}».',
  confirmUndoTitle: 'Annullare «{{action}}» del {{time}}?',
  confirmUndoCells: 'Ripristina {{cells}} di {{names}} ({{places}}) com’erano prima.',
  confirmUndoFormats: 'Toglie {{formats}} da {{places}}.',
  confirmUndoSheets: 'Elimina {{sheets}}: {{names}}.',
  confirmUndoNothing:
    'Nella cartella non c’è niente da ripristinare (i fogli sostituiti non si possono recuperare): l’azione viene solo segnata come annullata nel registro.',
  confirmUndoOk: 'Ripristina',

  doneWrite: '{{action}}: {{what}}. Elenco dei rilievi aggiornato.',
  doneUndo: 'Annullato «{{action}}» del {{time}}: {{what}}. Elenco dei rilievi aggiornato.',
  doneNothing: 'nessuna modifica nella cartella',
  doneIn: '{{what}} in {{places}}',
  doneFrom: '{{what}} da {{places}}',
  cellWrittenOne: '1 cella scritta',
  cellWrittenMany: '{{n}} celle scritte',
  cellRestoredOne: '1 cella ripristinata',
  cellRestoredMany: '{{n}} celle ripristinate',
  formatAddedOne: '1 formattazione condizionale aggiunta',
  formatAddedMany: '{{n}} formattazioni condizionali aggiunte',
  formatRemovedOne: '1 formattazione condizionale tolta',
  formatRemovedMany: '{{n}} formattazioni condizionali tolte',
  sheetCreatedOne: 'foglio creato: {{names}}',
  sheetCreatedMany: 'fogli creati: {{names}}',
  sheetReplacedOne: 'foglio sostituito: {{names}}',
  sheetReplacedMany: 'fogli sostituiti: {{names}}',
  sheetDeletedOne: 'foglio eliminato: {{names}}',
  sheetDeletedMany: 'fogli eliminati: {{names}}',
  placeCount: '{{place}} ({{n}})',
  nothingFill: 'Compila: niente da cambiare, le formule sono già al loro posto.',
  nothingFillNoTables:
    'Compila: non c’è niente da compilare, perché nella cartella non ci sono la Tabella 2 né la tabella degli indicatori. Incolla le tabelle in un foglio della cartella o prova con l’esempio RAA 2022.',
  nothingFlagNoTables:
    'Segnala: non c’è niente da segnalare, perché nella cartella non ci sono la Tabella 2 né la tabella degli indicatori. Incolla le tabelle in un foglio della cartella o prova con l’esempio RAA 2022.',
  nothingFillOnlyEmpty:
    'Compila: non ci sono celle vuote da compilare; le celle con contenuto sono rimaste come erano.',
  nothingFlag: 'Segnala: le evidenziazioni sono già presenti, niente da aggiungere.',
  nothingReport:
    'Genera report: nella cartella non ci sono tabelle da riportare. Controlla i rilievi della Verifica.',
  nothingUndo: "Non c'è nessuna azione da annullare: il registro «{{log}}» è vuoto o manca.",
  cancelled: 'Operazione interrotta: la cartella non è stata modificata.',
  failed: 'Impossibile completare «{{action}}»: {{reason}}',
  failedNext: 'Riprova; se il problema continua, salva la cartella, chiudi e riapri il riquadro.',
  recheckFailed: 'Modifiche scritte, ma la nuova verifica non è riuscita: {{reason}}. Premi Verifica.',
  unknownError: 'errore sconosciuto',
  writeChanged:
    '{{reason}} Elenco dei rilievi aggiornato: controlla le celle cambiate e ripeti «{{action}}».',
  writeInterrupted:
    '«{{action}}» si è interrotta: {{reason}} Scritto: {{written}}. Non scritto: {{notWritten}}. Premi Annulla per ripristinare quanto è stato scritto.',
  readInBlocks: 'Il foglio «{{sheet}}» è molto grande ({{cells}} celle): letto a blocchi.',
  readTooLarge:
    'Il foglio «{{sheet}}» è troppo grande ({{cells}} celle) e non è stato letto: sposta le tabelle in un foglio più piccolo, oppure usa la riga di comando por-tables sul file .xlsx.',

  outsideTitle: 'Apri POR Tables dentro Excel',
  outsideBody:
    'Questa pagina è il riquadro di un componente aggiuntivo di Excel: aperta da sola in un browser non ha una cartella di lavoro da controllare.',
  outsideNext:
    'In Excel (desktop o per il web): Home > Tabelle POR. Se il pulsante manca: Inserisci > Componenti aggiuntivi > Carica il componente aggiuntivo, e scegli manifest.xml. Per provarlo senza Excel apri il playground (npm run playground).',
  unsupportedTitle: 'Questa versione di Excel è troppo vecchia',
  unsupportedBody:
    'POR Tables usa le API di Excel del set di requisiti {{requirement}}, che questa versione non offre.',
  unsupportedNext:
    'Usa Excel per il web, Microsoft 365, Excel 2019 o successivi, o Excel per Mac aggiornato. Intanto puoi controllare i file .xlsx con la riga di comando por-tables.',

  performanceHeading: 'Quadro di efficacia — target 2023',
  performanceAxis: 'Asse {{axis}}',
  performanceShow: 'Mostra gli indicatori del quadro di efficacia',
  performanceHide: 'Nascondi gli indicatori',
  performanceRatio: '{{indicator}}: {{ratio}} del target — {{level}}',
  performanceNoData: '{{indicator}}: nessun dato, non conta',
  verdictAchieved: 'Target raggiunti',
  verdictNotAchieved: 'Target non raggiunti',
  verdictSerious: 'Grave carenza (art. 6 Reg. 215/2014)',
  verdictTechnicalAssistance: 'Non valutato: assistenza tecnica',
  verdictNoData: 'Non valutato: nessun indicatore con dati',
  levelReached: "almeno l'85%",
  levelSecondary: "sotto l'85%, almeno il 75%",
  levelBelow: 'sotto il 75%',
  levelSerious: 'sotto il 65%',
  levelNoData: 'nessun dato',

  footerHelp: 'Guida',
  languageSwitch: 'English',
  languageSwitchHint: 'Mostra il riquadro in inglese',
  footerVersion: 'POR Tables {{version}}',
} as const;

export type StringKey = keyof typeof it;
/** Every language has every key; values are templates with `{{placeholders}}`. */
export type Strings = Record<StringKey, string>;
