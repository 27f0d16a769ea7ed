import { useT, TextField } from '@arogyam/ui';

interface DayRangeFieldsProps {
  draft: { fromDay: string; toDay: string };
  edit(field: 'fromDay' | 'toDay'): (event: { target: { value: string } }) => void;
}

/** A search's From and To days (both included), named `from` and `to` as in the URL. */
export function DayRangeFields({ draft, edit }: DayRangeFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField label={t('From')} name="from" type="date" value={draft.fromDay} onChange={edit('fromDay')} />
      <TextField label={t('To')} name="to" type="date" value={draft.toDay} onChange={edit('toDay')} />
    </>
  );
}
