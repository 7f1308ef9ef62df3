import { useCallback, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';

/** What a row of a roving-focus list spreads onto its button. */
export interface RovingItem {
  'data-roving-id': string;
  tabIndex: 0 | -1;
  onFocus: () => void;
}

const KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/**
 * A roving tabindex over a list of rows (WAI-ARIA composite pattern): Tab enters the list on one row
 * (the last one focused, else the first) and leaves it; Up/Down move between rows, Home/End jump to
 * the first and last. `ids` are the rows shown, in display order.
 */
export function useRovingFocus(ids: readonly string[]) {
  const [active, setActive] = useState<string | null>(null);
  const shown = useMemo(() => new Set(ids), [ids]);
  const current = active !== null && shown.has(active) ? active : ids[0];

  const item = (id: string): RovingItem => ({
    'data-roving-id': id,
    tabIndex: id === current ? 0 : -1,
    onFocus: () => setActive(id),
  });

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (!KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const rows = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-roving-id]')];
    const index = rows.indexOf(event.target as HTMLElement);
    if (index < 0 || rows.length === 0) return;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? rows.length - 1
          : Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    rows[next].focus();
  }, []);

  return { item, onKeyDown };
}
