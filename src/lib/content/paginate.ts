/**
 * Splits a long list into pages of a fixed size, so list pages stay small however large the
 * catalogue grows. Page 1 lives at the list's own address; page n at `<base>page/<n>/`.
 */
export const pageSize = 50;

export interface Page<T> {
  items: T[];
  number: number;
  total: number;
  /** Site paths (without the base path) of the previous and next pages. */
  prev?: string;
  next?: string;
}

export function pagePath(listPath: string, n: number): string {
  return n <= 1 ? listPath : `${listPath}page/${n}/`;
}

export function paginate<T>(items: T[], listPath: string, size = pageSize): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      items: items.slice(i * size, number * size),
      number,
      total,
      prev: number > 1 ? pagePath(listPath, number - 1) : undefined,
      next: number < total ? pagePath(listPath, number + 1) : undefined,
    };
  });
}
