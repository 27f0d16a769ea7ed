import { ChatView } from '@arogyam/ui';
import { api } from '../session';

export function MessagesPage() {
  return <ChatView api={api} appName="Arogyam for Doctors" />;
}
