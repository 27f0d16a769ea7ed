import type { PrivacyNoticeView } from '../api/types';
import type { ApiClient } from '../api/api-client';
import { useAsync, type AsyncState } from '../hooks/use-async';

/** The current privacy notice (public): its text, and the version a registration accepts. */
export function usePrivacyNotice(api: ApiClient): AsyncState<PrivacyNoticeView> {
  return useAsync((signal) => api.get<PrivacyNoticeView>('/privacy-notice', { anonymous: true, signal }), []);
}
