// The snapshot page's confirmation (rollback, delete) comes from the server as an open dialog, so it
// works without JavaScript; here it becomes modal: the page behind is inert and Escape cancels.
document.addEventListener('DOMContentLoaded', () => {
  const dialog = document.getElementById('snapshot-confirm');
  if (!dialog || typeof dialog.showModal !== 'function') {
    return;
  }
  const cancel = document.getElementById('snapshot-confirm-cancel');
  dialog.close();
  dialog.showModal();
  if (cancel) {
    cancel.focus();
  }
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    window.location.assign(cancel ? cancel.href : window.location.pathname);
  });
});
