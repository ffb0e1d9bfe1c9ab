/** Month names in calendar order, for parsing and labelling dates. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** 1-based month of an English month name or its first three letters (0 when none). */
export function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.slice(0, 3).toLowerCase() === key) + 1;
}
