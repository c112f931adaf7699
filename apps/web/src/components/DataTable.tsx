import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a phone. The scrolling box is focusable and named,
 * so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function DataTable({
  caption,
  head,
  children,
  minWidth = 640,
  captionVisible = false,
}: {
  caption: string;
  head: ReactNode[];
  children: ReactNode;
  minWidth?: number;
  captionVisible?: boolean;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table striped highlightOnHover verticalSpacing="sm" miw={minWidth}>
        {captionVisible ? <caption>{caption}</caption> : <VisuallyHidden component="caption">{caption}</VisuallyHidden>}
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={i} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}
