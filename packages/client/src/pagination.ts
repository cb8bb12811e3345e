// Pagination rules from the table's `pagination`, shared by `listAll` and the React infinite queries: the items of
// a page, and where the list goes next.
import type { PaginationDescriptor } from './operation-descriptor.js';

/** The items of one page of a list (`items: ''` means the body is the array itself). */
export function pageItems(pagination: PaginationDescriptor, body: unknown): unknown[] {
  const value = pagination.items ? (body as Record<string, unknown> | null | undefined)?.[pagination.items] : body;
  return Array.isArray(value) ? value : [];
}

/** Where a list goes after one page: the next page's cursor or page number, or why it stops. */
export type NextPage = { param: string | number; stop?: undefined } | { param?: undefined; stop: 'end' | 'stuck' };

/**
 * The page after `body`. It stops on an empty page, when `hasMoreField` is false, or (without `hasMoreField`) on
 * a page shorter than `size` (the requested page size, or for page lists the first page's length). A cursor that
 * does not advance, or a page identical to `previous`, stops as `stuck` instead of looping forever.
 */
export function nextPage(
  pagination: PaginationDescriptor,
  body: unknown,
  { current, size, previous }: { current?: string | number | undefined; size?: number | undefined; previous?: unknown },
): NextPage {
  const items = pageItems(pagination, body);
  if (!items.length) return { stop: 'end' };
  const more = pagination.hasMoreField ? (body as Record<string, unknown> | null)?.[pagination.hasMoreField] : undefined;
  if (more === false || (more !== true && size !== undefined && items.length < size)) return { stop: 'end' };
  if (pagination.cursorParam) {
    const next = (items[items.length - 1] as Record<string, unknown> | undefined)?.[pagination.cursorField!];
    return next == null || next === current ? { stop: 'stuck' } : { param: next as string };
  }
  if (previous !== undefined && samePage(pageItems(pagination, previous), items)) return { stop: 'stuck' };
  return { param: Number(current ?? 1) + 1 };
}

const samePage = (a: unknown[], b: unknown[]) =>
  JSON.stringify([a.length, a[0], a[a.length - 1]]) === JSON.stringify([b.length, b[0], b[b.length - 1]]);

/**
 * Yields every item, page by page (see `nextPage`). Cursor lists pass the last item's `cursorField` as
 * `cursorParam`; page lists count `pageParam` up from the input's page (default 1).
 */
export async function* paginate(
  pagination: PaginationDescriptor,
  fetchPage: (input: Record<string, unknown>) => Promise<unknown>,
  input: Record<string, unknown> = {},
  warn: (message: string) => void = () => {},
): AsyncGenerator<unknown> {
  const param = (pagination.cursorParam ?? pagination.pageParam)!;
  const query: Record<string, any> = { ...input };
  let size: number | undefined = query[(pagination.pageSizeParam ?? pagination.limitParam)!];
  if (pagination.pageParam) query[param] ??= 1;
  let previous: unknown;
  for (;;) {
    const body = await fetchPage({ ...query });
    yield* pageItems(pagination, body);
    if (pagination.pageParam) size ??= pageItems(pagination, body).length;
    const next = nextPage(pagination, body, { current: query[param], size, previous });
    if (next.stop) {
      if (next.stop === 'stuck') {
        warn(pagination.cursorParam ? `list cursor ${param} did not advance; stopping` : `list page ${query[param]} repeats the previous page; stopping`);
      }
      return;
    }
    previous = body;
    query[param] = next.param;
  }
}
