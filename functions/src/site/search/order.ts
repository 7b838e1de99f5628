// Code-unit comparison, not localeCompare: orders that cursors are defined on must be total orders
// that never depend on the runtime's collation data, or a cursor minted on one instance could skip
// items on another.
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The first position in a sorted list of `length` items where `before` stops holding (a binary
 * search): `before` must be true for a leading run of positions and false after it.
 */
export function partitionPoint(length: number, before: (position: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
