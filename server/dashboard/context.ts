import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { AdminApi, StoreInfo } from "./api.js";
import type { Formatters } from "./format.js";

export interface Dashboard {
  api: AdminApi;
  fmt: Formatters;
  store: StoreInfo;
  /** Moves to another page of the dashboard ("/members/mem_abc"). */
  navigate: (path: string) => void;
}

export const DashboardContext = createContext<Dashboard | null>(null);

export function useDashboard(): Dashboard {
  const dashboard = useContext(DashboardContext);
  if (!dashboard) throw new Error("useDashboard outside the dashboard");
  return dashboard;
}
