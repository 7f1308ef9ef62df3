/** Every rule, in the order their findings are listed within a severity. */
import type { Rule } from '../rule';
import { allocationMismatch } from './allocation-mismatch';
import { axisDuplicate } from './axis-duplicate';
import { axisMissing } from './axis-missing';
import { axisPerformance } from './axis-performance';
import { axisUnknown } from './axis-unknown';
import { columnMissing } from './column-missing';
import { crossTableMismatch } from './cross-table-mismatch';
import { calcManual } from './calc-manual';
import { externalLink } from './external-link';
import { formulaBlankRef } from './formula-blank-ref';
import { formulaConstant } from './formula-constant';
import { formulaError } from './formula-error';
import { formulaInconsistent } from './formula-inconsistent';
import { formulaTypedInRun } from './formula-typed-in-run';
import { hiddenCells } from './hidden-cells';
import { totalRange } from './total-range';
import { indicatorBelowTarget } from './indicator-below-target';
import { indicatorTargetMismatch } from './indicator-target-mismatch';
import { negativeAmount } from './negative-amount';
import { notANumber } from './not-a-number';
import { otMismatch } from './ot-mismatch';
import { progressOrder } from './progress-order';
import { ratioHardcoded } from './ratio-hardcoded';
import { ratioMismatch } from './ratio-mismatch';
import { shareMismatch } from './share-mismatch';
import { tableNotFound } from './table-not-found';
import { textNumber } from './text-number';
import { totalMismatch } from './total-mismatch';
import { versionMatchesOther } from './version-matches-other';

export const RULES: readonly Rule[] = [
  tableNotFound,
  columnMissing,
  textNumber,
  notANumber,
  negativeAmount,
  axisUnknown,
  axisMissing,
  axisDuplicate,
  otMismatch,
  allocationMismatch,
  shareMismatch,
  totalMismatch,
  crossTableMismatch,
  ratioMismatch,
  ratioHardcoded,
  formulaInconsistent,
  formulaError,
  formulaBlankRef,
  formulaConstant,
  totalRange,
  formulaTypedInRun,
  hiddenCells,
  externalLink,
  calcManual,
  progressOrder,
  indicatorBelowTarget,
  axisPerformance,
  indicatorTargetMismatch,
  versionMatchesOther,
] as Rule[];
