import { MoneyText, type Money } from '@arogyam/ui';

/** One labelled amount of a `stats` list. */
export function MoneyStat({ label, value }: { label: string; value: Money }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <MoneyText value={value} />
      </dd>
    </div>
  );
}
