import { ApiError } from "../api.js";
import { useDashboard } from "../context.js";
import { usePage } from "../ui/use-page.js";

/**
 * The store's Ecwid customer groups, read from Ecwid each time. `unavailable` holds the reason linking is off
 * (a plan without customer groups, or a permission not granted yet); `error` any other failure.
 */
export function useCustomerGroups(deps: unknown[] = []) {
  const { api } = useDashboard();
  const { data, error, reload } = usePage(
    () =>
      api.customerGroups().then(
        (list) => ({ list, unavailable: "" }),
        (failure: unknown) => {
          if (failure instanceof ApiError && (failure.code === "customer_groups_unavailable" || failure.code === "scope_missing"))
            return { list: null, unavailable: failure.message };
          throw failure;
        },
      ),
    deps,
  );
  /** A linked group as the ladder names it: “VIP”, or its id while the store's groups are unknown. */
  const nameOf = (id: number | null) => {
    if (id === null) return null;
    const name = data?.list?.groups.find((group) => group.id === id)?.name;
    return name === undefined ? `#${id}` : `“${name}”`;
  };
  return { list: data?.list ?? null, unavailable: data?.unavailable ?? "", loading: !data && !error, error, reload, nameOf };
}
