import type { Strings } from './it';

/** English strings of the task pane: the keys and `{{placeholders}}` of `it.ts`, nothing more. */
export const en: Strings = {
  skipToResults: 'Skip to results',

  modelGroup: 'Programme model',
  programme: 'Programme',
  version: 'Financial plan version',
  versionAutomatic: 'Automatic (from the sheet)',
  loadModel: 'Load model JSON…',
  loadModelHint: 'A .json file in the POR Tables model format',
  modelLoaded: 'Model “{{title}}” loaded: {{versions}}. Press Check to check the workbook against it.',
  modelInvalid:
    'The file “{{file}}” is not a valid model: {{reason}}. Fix the file and load it again; the previous model stays in use meanwhile.',
  modelUnreadable:
    'Could not read the file “{{file}}”. Make sure it is an accessible JSON file and try again.',
  versionOne: '1 version',
  versionMany: '{{n}} versions',
  versionNoteLabel: 'Version used',
  modelSummaryLabel: 'Model',
  modelSummaryVersion: 'version {{version}}',
  versionAutomaticShort: 'automatic',
  modelChange: 'Change',
  modelChangeHint: 'Change the programme or the version, or load a model JSON',
  modelFold: 'Done',

  actionsGroup: 'Actions',
  actionCheck: 'Check',
  actionFill: 'Fill',
  actionFlag: 'Flag',
  actionReport: 'Generate report',
  actionUndo: 'Undo',
  hintCheck: 'Checks the tables without changing anything',
  hintFill: 'Writes the formulas of the computed columns (C, E, G, I and indicators)',
  hintFlag: 'Adds highlights that follow the numbers when they change',
  hintReport: 'Creates the report sheet and the findings sheet',
  hintUndo: "Undoes POR Tables' last action, from the log",

  workingCheck: 'Checking…',
  workingFill: 'Filling…',
  workingFlag: 'Adding highlights…',
  workingReport: 'Generating the report…',
  workingUndo: 'Undoing…',
  actionSample: 'Try the RAA 2022 example',
  workingSample: 'Inserting the example…',
  sampleBody:
    'No tables at hand? Insert the tables of the 2022 annual report of the POR FSE Lombardy into a new sheet and try every action: Undo removes it again.',

  dismiss: 'Dismiss message',
  statusRegion: 'Messages',

  introTitle: "The programme's financial tables",
  introBody:
    "POR Tables checks Table 1 (financial plan), Table 2 (financial progress) and the indicators against the programme's model, fills the formulas and generates the report. Press Check to start: it changes nothing.",

  summaryGroup: 'Findings summary',
  severityErrors: 'Errors',
  severityWarnings: 'Warnings',
  severityInfos: 'Info',
  severityError: 'Error',
  severityWarning: 'Warning',
  severityInfo: 'Info',

  findingsHeading: 'Findings',
  findingsEmpty: 'No findings: the tables agree with the model.',
  tablePlan: 'Table 1 — Financial plan',
  tableProgress: 'Table 2 — Financial progress',
  tableIndicators: 'Indicators',
  tableWorkbook: 'Workbook',
  groupCount: '{{n}} findings',
  groupCountOne: '1 finding',
  severityGroupLabel: '{{severity}} — {{table}}',
  findingSelectHint: 'Enter or click: selects cell {{place}}',
  repeatShowHint: 'Enter or click: shows the {{n}} findings',
  repeatHideHint: 'Enter or click: hides the {{n}} findings',
  repeatListLabel: 'Findings in {{place}}',
  expectedActual: 'Expected {{expected}}, found {{actual}}',

  checkDone: 'Check complete: {{errors}}, {{warnings}}, {{infos}}.',
  storedModelInvalid:
    'The sheet “{{sheet}}” holds an invalid model ({{reason}}): the check uses the model chosen above.',
  countErrorOne: '1 error',
  countErrorMany: '{{n}} errors',
  countWarningOne: '1 warning',
  countWarningMany: '{{n}} warnings',
  countInfoOne: '1 info',
  countInfoMany: '{{n}} info',

  cellOne: '1 cell',
  cellMany: '{{n}} cells',
  sheetOne: '1 sheet',
  sheetMany: '{{n}} sheets',
  formatOne: '1 conditional format',
  formatMany: '{{n}} conditional formats',
  listMore: '{{list}} and {{n}} more',

  confirmOk: 'Continue',
  confirmCancel: 'Back',
  confirmWriteTitle: '{{action}}: continue?',
  confirmCells: 'It will write {{cells}} in {{sheets}} ({{names}}).',
  confirmFormats: 'It will add {{formats}} in {{sheets}} ({{names}}).',
  confirmRemoveFormats: 'It will remove {{formats}} from {{sheets}} ({{names}}).',
  confirmNewSheets: 'It will create {{sheets}}: {{names}}.',
  confirmDeleteSheets: 'It will delete {{sheets}}: {{names}}.',
  confirmLog: 'Every change is written to the “{{log}}” sheet and can be reversed with Undo.',
  confirmConflictsTitle: 'Some cells already have content',
  confirmConflictsOne:
    '1 cell of the computed columns holds a typed value or a different formula: {{cells}}.',
  confirmConflicts:
    '{{n}} cells of the computed columns hold a typed value or a different formula: {{cells}}.',
  confirmConflictsChoice:
    'Overwrite: writes the formulas there too ({{forced}} in all). Only empty cells: leaves their content as it is ({{cells}}).',
  confirmOverwrite: 'Overwrite',
  confirmOnlyEmpty: 'Only empty cells',
  confirmReplaceTitle: 'Replace the report?',
  confirmReplaceOne:
    'It will replace the sheet {{names}}, which already exists: its current content will be lost and Undo does not bring it back.',
  confirmReplaceMany:
    'It will replace the sheets {{names}}, which already exist: their current content will be lost and Undo does not bring it back.',
  confirmReplaceOk: 'Replace',
  confirmLogReplace: 'The replacement is written to the “{{log}}” sheet.',
  confirmUndoTitle: 'Undo “{{action}}” of {{time}}?',
  confirmUndoCells: 'Restores {{cells}} of {{names}} ({{places}}) as they were before.',
  confirmUndoFormats: 'Removes {{formats}} from {{places}}.',
  confirmUndoSheets: 'Deletes {{sheets}}: {{names}}.',
  confirmUndoNothing:
    'There is nothing to restore in the workbook (replaced sheets cannot be recovered): the action is only marked as undone in the log.',
  confirmUndoOk: 'Restore',

  doneWrite: '{{action}}: {{what}}. Findings list updated.',
  doneUndo: 'Undid “{{action}}” of {{time}}: {{what}}. Findings list updated.',
  doneNothing: 'nothing changed in the workbook',
  doneIn: '{{what}} in {{places}}',
  doneFrom: '{{what}} from {{places}}',
  cellWrittenOne: '1 cell written',
  cellWrittenMany: '{{n}} cells written',
  cellRestoredOne: '1 cell restored',
  cellRestoredMany: '{{n}} cells restored',
  formatAddedOne: '1 conditional format added',
  formatAddedMany: '{{n}} conditional formats added',
  formatRemovedOne: '1 conditional format removed',
  formatRemovedMany: '{{n}} conditional formats removed',
  sheetCreatedOne: 'sheet created: {{names}}',
  sheetCreatedMany: 'sheets created: {{names}}',
  sheetReplacedOne: 'sheet replaced: {{names}}',
  sheetReplacedMany: 'sheets replaced: {{names}}',
  sheetDeletedOne: 'sheet deleted: {{names}}',
  sheetDeletedMany: 'sheets deleted: {{names}}',
  placeCount: '{{place}} ({{n}})',
  nothingFill: 'Fill: nothing to change, the formulas are already in place.',
  nothingFillNoTables:
    'Fill: there is nothing to fill, because the workbook has neither Table 2 nor an indicator table. Paste the tables into a sheet of the workbook or try the RAA 2022 example.',
  nothingFlagNoTables:
    'Flag: there is nothing to flag, because the workbook has neither Table 2 nor an indicator table. Paste the tables into a sheet of the workbook or try the RAA 2022 example.',
  nothingFillOnlyEmpty:
    'Fill: there are no empty cells to fill; the cells with content were left as they were.',
  nothingFlag: 'Flag: the highlights are already there, nothing to add.',
  nothingReport: 'Generate report: the workbook has no tables to report. See the findings of Check.',
  nothingUndo: 'There is no action to undo: the “{{log}}” log is empty or missing.',
  cancelled: 'Stopped: the workbook was not changed.',
  failed: 'Could not complete “{{action}}”: {{reason}}',
  failedNext: 'Try again; if the problem persists, save the workbook, then close and reopen the pane.',
  recheckFailed: 'Changes written, but the new check failed: {{reason}}. Press Check.',
  unknownError: 'unknown error',

  outsideTitle: 'Open POR Tables inside Excel',
  outsideBody:
    'This page is the task pane of an Excel add-in: opened on its own in a browser it has no workbook to check.',
  outsideNext:
    'In Excel (desktop or on the web): Home > POR tables. If the button is missing: Insert > Add-ins > Upload My Add-in, and choose manifest.xml. To try it without Excel open the playground (npm run playground).',
  unsupportedTitle: 'This version of Excel is too old',
  unsupportedBody:
    'POR Tables uses Excel APIs of the {{requirement}} requirement set, which this version does not offer.',
  unsupportedNext:
    'Use Excel on the web, Microsoft 365, Excel 2019 or later, or an up-to-date Excel for Mac. Meanwhile you can check .xlsx files with the por-tables command line.',

  footerHelp: 'Help',
  languageSwitch: 'Italiano',
  languageSwitchHint: 'Mostra il riquadro in italiano',
  footerVersion: 'POR Tables {{version}}',
};
