// Small enhancements only; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', () => {
  // Ask before deleting: a profile delete cannot be undone from the dashboard.
  document.querySelectorAll('form.danger-zone').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm('Delete this profile? The VM on Proxmox is not touched.')) {
        event.preventDefault();
      }
    });
  });
});
