import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Alert } from "./ui/alert.js";

/**
 * A page whose code is fetched the first time it is shown, so the dashboard's first load carries the shell and
 * the page it opens on, not every page. A failed fetch (a deploy replaced the chunks) says so and is tried again
 * on the next visit.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Page) return;
      let shown = true;
      (loading ??= load()).then(
        (component) => {
          loaded = component;
          if (shown) setPage(() => component);
        },
        () => {
          loading = null;
          if (shown) setFailed(true);
        },
      );
      return () => {
        shown = false;
      };
    }, []);
    if (failed)
      return (
        <Alert tone="error" title="This page could not be loaded">
          Questline may have just been updated. Reload the page to continue.
        </Alert>
      );
    if (!Page)
      return (
        <div class="ql-loading" role="status">
          <span class="ql-spinner" aria-hidden="true"></span> Loading…
        </div>
      );
    return <Page {...props} />;
  };
}
