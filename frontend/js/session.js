// Live state of a session page: follows the server-sent events of /sessions/{id}/events and
// shows each transition in place. Without JavaScript the page reloads itself while live.
document.addEventListener('DOMContentLoaded', () => {
  const page = document.getElementById('session-page');
  const stateLabel = document.getElementById('session-state');
  if (!page || !page.dataset.events || !stateLabel || !window.EventSource) {
    return;
  }
  const finished = (state) => state === 'ENDED' || state === 'FAILED';
  if (finished(stateLabel.textContent.trim())) {
    return;
  }
  const source = new EventSource(page.dataset.events);
  source.addEventListener('state', (event) => {
    const session = JSON.parse(event.data);
    stateLabel.textContent = session.state;
    [...stateLabel.classList].filter((name) => name.startsWith('session-'))
      .forEach((name) => stateLabel.classList.remove(name));
    stateLabel.classList.add('session-' + String(session.state).toLowerCase());
    const live = !finished(session.state) && session.state !== 'ENDING';
    const end = document.getElementById('session-end');
    if (end && !live) {
      end.closest('form').hidden = true;
    }
    const reason = document.getElementById('session-live-reason');
    if (reason && session.reason && finished(session.state) && !document.getElementById('session-reason')) {
      reason.textContent = session.reason;
      reason.className = session.state === 'FAILED' ? 'error' : 'notice';
      reason.hidden = false;
    }
    if (finished(session.state)) {
      source.close();
    }
  });
});
