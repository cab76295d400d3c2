// Small enhancements only; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', () => {
  // Ask before deleting: a profile delete cannot be undone from the dashboard.
  document.querySelectorAll('form.danger-zone').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm || 'Delete this profile? The VM on Proxmox is not touched.')) {
        event.preventDefault();
      }
    });
  });
  // A deleted user loses their tokens too; ask first.
  document.querySelectorAll('form.confirm-delete').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm('Delete this user and all of their tokens?')) {
        event.preventDefault();
      }
    });
  });
  // Select the new token so it can be copied at once.
  const token = document.getElementById('new-token');
  if (token) {
    token.addEventListener('focus', () => token.select());
  }
});
