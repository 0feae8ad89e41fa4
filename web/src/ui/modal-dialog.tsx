import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../app-context.js';

/**
 * A modal `<dialog>`: the browser traps focus in it, closes it on Escape and gives focus back to
 * what opened it; `onClose` runs however it was closed.
 */
export function ModalDialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const { t } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement as HTMLElement | null;
    element.showModal();
    return () => opener?.focus();
  }, []);
  return (
    <dialog ref={dialog} class={wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby="dialog-title" onClose={onClose}>
      <header class="dialog-header">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" class="button button-quiet" onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </header>
      <div class="dialog-body">{children}</div>
    </dialog>
  );
}
