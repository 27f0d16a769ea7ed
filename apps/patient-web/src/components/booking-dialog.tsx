import { useEffect, useRef, type ReactNode } from 'react';

interface BookingDialogProps {
  /** Called when the patient leaves the dialog (Escape, or a "choose another" button inside). */
  onClose(): void;
  labelledBy: string;
  children: ReactNode;
}

/**
 * A modal <dialog> opened where the patient chose: the browser keeps focus inside it, Escape
 * closes it, and focus returns to the slot button that opened it. Focus starts on the element
 * marked `data-initial-focus` (React's autoFocus runs before the dialog is open, so it is lost).
 */
export function BookingDialog({ onClose, labelledBy, children }: BookingDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // The slot button that opened it; React removes the dialog before the browser could restore it.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (!element.open) element.showModal();
    element.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    return () => {
      element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="booking-dialog"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
