// Sessions page: reloads the current sessions every 3 s from their own fragment. Without
// JavaScript the page refreshes itself (the layout's noscript refresh).
document.addEventListener('DOMContentLoaded', () => {
  const live = document.getElementById('sessions-live');
  if (!live || !live.dataset.src || !window.fetch) {
    return;
  }
  let last = null;
  const load = () => {
    if (document.hidden) {
      return;
    }
    fetch(live.dataset.src, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then((response) => (response.ok && !response.redirected ? response.text() : null))
      .then((html) => {
        // replaced only on a change, so an End button is never swapped out under the pointer
        if (html !== null && html !== last) {
          last = html;
          live.innerHTML = html;
        }
      })
      .catch(() => {});
  };
  window.setInterval(load, 3000);
});
