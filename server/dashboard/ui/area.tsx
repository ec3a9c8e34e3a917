import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

/** Ecwid App UI's named area: a titled section holding one card. */
export function Area({ title, subtitle, children, actions }: { title: string; subtitle?: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const id = useId();
  return (
    <section class="named-area" aria-labelledby={id}>
      <div class="named-area__header">
        <div class="named-area__titles">
          <h2 class="named-area__title" id={id}>
            {title}
          </h2>
          {subtitle && <div class="named-area__subtitle">{subtitle}</div>}
        </div>
        {actions}
      </div>
      <div class="named-area__body">
        <div class="a-card a-card--normal">
          <div class="a-card__paddings">{children}</div>
        </div>
      </div>
    </section>
  );
}
