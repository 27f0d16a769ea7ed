import { MoneyText, type Money } from '@arogyam/ui';

/** A table row's amounts, one cell each, in the order of the table's columns. */
export function MoneyCells({ values }: { values: readonly Money[] }) {
  return (
    <>
      {values.map((value, column) => (
        <td key={column}>
          <MoneyText value={value} />
        </td>
      ))}
    </>
  );
}
