import { IncomingCallPrompt } from '@arogyam/ui';
import { Layout } from './layout';

/** The app's layout plus the incoming-call prompt, so a doctor's call reaches the patient on any page. */
export function CallAwareLayout() {
  return (
    <>
      <Layout />
      <IncomingCallPrompt />
    </>
  );
}
