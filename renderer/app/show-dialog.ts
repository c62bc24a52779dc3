/** Opens a `<dialog>` as a modal where the browser can, else just open (documents without showModal, e.g. linkedom in tests). */
export function showDialog(dialog: HTMLDialogElement): void {
  if (dialog.open || dialog.hasAttribute('open')) return;
  if (typeof dialog.showModal === 'function' && dialog.isConnected) dialog.showModal();
  else dialog.setAttribute('open', '');
}

/** Closes a dialog opened by showDialog. */
export function closeDialog(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === 'function') dialog.close();
  dialog.removeAttribute('open');
}
