import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../components/button';
import { TextAreaField } from '../components/text-area-field';
import { useT } from '../i18n/use-t';

/** The API's limit on a message, in characters once trimmed (docs/api.md, "Chat"). */
const MAX_MESSAGE_LENGTH = 4000;

export interface MessageComposerProps {
  onSend(body: string): void;
  /** Each change of the text, for the typing indicator. */
  onTyping(): void;
}

/** "Message" and "Send". Enter sends, Shift+Enter starts a new line; a blank message is not sent. */
export function MessageComposer({ onSend, onTyping }: MessageComposerProps) {
  const t = useT();
  const [text, setText] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') return;
    onSend(text);
    setText('');
  };

  const sendOnEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  };

  return (
    <form className="composer" onSubmit={submit} noValidate>
      <TextAreaField
        label={t('Message')}
        name="body"
        rows={2}
        maxLength={MAX_MESSAGE_LENGTH}
        hint={t('Enter sends the message; Shift+Enter starts a new line.')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onTyping();
        }}
        onKeyDown={sendOnEnter}
      />
      <Button type="submit">{t('Send')}</Button>
    </form>
  );
}
