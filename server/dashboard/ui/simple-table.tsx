import type { ComponentChildren } from "preact";

export interface Column<T> {
  label: string;
  /** Figures are right-aligned. */
  num?: boolean;
  cell: (row: T) => ComponentChildren;
}

/**
 * A read-only table of rows, the first column heading each row, each cell labelled for the stacked phone layout;
 * with no rows, one line saying so.
 */
export function SimpleTable<T>({
  caption,
  testId,
  columns,
  rows,
  rowKey,
  empty,
  captionShown,
}: {
  caption: string;
  /** Show the caption as the table's title: where tables stand side by side or stack on a phone, it tells them apart. */
  captionShown?: boolean;
  testId: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty: string;
}) {
  return (
    <div class="ql-table-wrap">
      <table class="ql-table ql-table--compact" data-testid={testId}>
        <caption class={captionShown ? "ql-table__caption" : "ql-visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.label} class={column.num ? "ql-num" : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} class="ql-empty">
                {empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const Cell = index === 0 ? "th" : "td";
                return (
                  <Cell key={column.label} scope={index === 0 ? "row" : undefined} data-label={column.label} class={column.num ? "ql-num" : index === 0 ? "ql-wrap" : undefined}>
                    {column.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
