import type { Router } from "express";
import { routeDocOf, type RouteDoc } from "./route-doc.js";

/** Express keeps a mount path only as a compiled matcher, so the pattern a router is mounted at is recorded here. */
const mountPaths = new WeakMap<object, string>();

/** `router.use(path, child)`, remembering `path` so the routes of `child` can be listed under it. */
export function mount(router: Router, path: string, child: Router): void {
  mountPaths.set(child, path);
  router.use(path, child);
}

export interface WalkedRoute {
  method: string;
  /** As Express declares it: `/members/:memberId/tier`. */
  path: string;
  doc: RouteDoc | undefined;
}

interface Layer {
  handle?: unknown;
  /** Set by the router for a layer added by `use` without a path. */
  slash?: boolean;
  route?: { path: unknown; methods: Record<string, boolean | undefined>; stack: { handle: unknown }[] };
}

const stackOf = (handle: unknown): Layer[] | undefined => {
  const stack = (handle as { stack?: unknown } | null)?.stack;
  return typeof handle === "function" && Array.isArray(stack) ? (stack as Layer[]) : undefined;
};

/** Every route a router answers, nested routers included, with its declaration if it has one. */
export function walkRoutes(router: Router, prefix = ""): WalkedRoute[] {
  return (stackOf(router) ?? []).flatMap((layer): WalkedRoute[] => {
    const { route, handle } = layer;
    if (route && typeof route.path === "string") {
      const doc = route.stack.map((step) => routeDocOf(step.handle)).find(Boolean);
      const methods = Object.keys(route.methods).filter((method) => route.methods[method] && method !== "_all");
      return methods.map((method) => ({ method, path: prefix + route.path, doc }));
    }
    if (!stackOf(handle)) return [];
    const mountPath = mountPaths.get(handle as object);
    // A router mounted at a path without `mount` would be listed under the wrong paths: refuse, so the document never lies.
    if (mountPath === undefined && !layer.slash) throw new Error(`A router is mounted under ${prefix || "/"} at a path not recorded: mount it with mount()`);
    return walkRoutes(handle as Router, prefix + (mountPath ?? ""));
  });
}
