// Power panel of a profile page: loads it from its own page and keeps the VM's state fresh.
// Without JavaScript the placeholder holds a link to that page.
document.addEventListener('DOMContentLoaded', () => {
  const placeholder = document.getElementById('power-panel');
  if (!placeholder || !placeholder.dataset.src || !window.fetch) {
    return;
  }
  let last = null;
  const load = () => {
    if (document.hidden) {
      return;
    }
    fetch(placeholder.dataset.src, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then((response) => (response.ok && !response.redirected ? response.text() : null))
      .then((html) => {
        // replaced only on a change, so a button is never swapped out under the pointer
        if (html !== null && html !== last) {
          last = html;
          placeholder.innerHTML = html;
        }
      })
      .catch(() => {});
  };
  load();
  window.setInterval(load, 5000);
});
