// Infinite lists: the page param is the operation's own cursor (`lastMusicId`, …) or page (`page`) query
// parameter; the first page sends none. When to stop is the client's `nextPage`, the rule `listAll` follows.
import { nextPage, pageItems, type PaginationDescriptor } from '@useapi-minimax/client/internal';

/** The input of one page: the list's input plus the page param, when there is one. */
export function pageInput<TInput>(pagination: PaginationDescriptor, input: object | undefined, pageParam: unknown): TInput {
  const name = pagination.cursorParam ?? pagination.pageParam!;
  return (pageParam === undefined ? { ...input } : { ...input, [name]: pageParam }) as TInput;
}

/** `getNextPageParam` for a list: the next cursor or page number, or `undefined` after the last page. */
export function nextPageParamOf<TPage, TPageParam>(pagination: PaginationDescriptor, input: object | undefined) {
  const sizeParam = pagination.limitParam ?? pagination.pageSizeParam;
  const requested = sizeParam ? (input as Record<string, unknown> | undefined)?.[sizeParam] : undefined;
  return (lastPage: TPage, allPages: TPage[], lastPageParam: TPageParam): TPageParam | undefined => {
    // Without a requested size, a page list's first page sets it (as in `listAll`).
    const size = typeof requested === 'number' ? requested : pagination.pageParam ? pageItems(pagination, allPages[0]).length : undefined;
    const previous = allPages.length > 1 ? allPages[allPages.length - 2] : undefined;
    return nextPage(pagination, lastPage, { current: lastPageParam as string | number | undefined, size, previous }).param as TPageParam | undefined;
  };
}
