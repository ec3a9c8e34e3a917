import type { ComponentChildren } from "preact";

export type Tone = "info" | "warning" | "error" | "success";

/** Ecwid App UI's alert box; errors are announced at once, the rest politely. */
export function Alert({ tone, title, children, id }: { tone: Tone; title?: string; children?: ComponentChildren; id?: string }) {
  return (
    <div class={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"} id={id}>
      <div class="alert-inner">
        <div class="alert-content">
          {title && <div class="alert__title">{title}</div>}
          {children && <div class="alert__text">{children}</div>}
        </div>
      </div>
    </div>
  );
}
