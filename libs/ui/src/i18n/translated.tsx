import { Fragment, type ReactNode } from 'react';
import { useT } from './use-t';

export interface TranslatedProps {
  /** The English text with `{{name}}` where each value goes: `With {{doctor}} on {{time}}.` */
  text: string;
  /** What goes in each place: text, or an element (a link, a bold time). */
  values: Record<string, ReactNode>;
}

/**
 * A sentence in the current language with elements inside it, each where that language puts it
 * (Hindi puts the time before the verb): the translation is split at its `{{name}}` places.
 */
export function Translated({ text, values }: TranslatedProps) {
  const t = useT();
  // Keep the placeholders: translate with each value standing in as itself.
  const placeholders = Object.fromEntries(Object.keys(values).map((name) => [name, `{{${name}}}`]));
  const parts = t(text, placeholders).split(/(\{\{\w+\}\})/);
  return (
    <>
      {parts.map((part, index) => {
        const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
        return <Fragment key={index}>{name !== undefined && name in values ? values[name] : part}</Fragment>;
      })}
    </>
  );
}
