import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** `t('English text', {values})`: the text in the current language (keys are the English text). */
export function useT(): (text: string, values?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return useCallback((text: string, values?: Record<string, unknown>) => String(t(text, values ?? {})), [t]);
}
