import { useEffect, useState } from "preact/hooks";
import { useDashboard } from "../context.js";

/** The catalog's names of the products `ids` name ("Club pass · $49.00"), asked once per set; none known while loading or if the catalog cannot be read. */
export function useProductNames(ids: number[]): Map<number, string> {
  const { api, fmt } = useDashboard();
  const [names, setNames] = useState(new Map<number, string>());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(",");
  useEffect(() => {
    if (!key) return;
    let live = true;
    api.products({ q: "", ids: key, limit: 100 }).then(
      ({ items }) => live && setNames(new Map(items.map((p) => [p.id, `${p.name} · ${fmt.money(p.priceMinor)}${p.enabled ? "" : " · hidden"}`]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
