// Live progress of an operation page: re-renders state, summary, error and steps from the
// server-sent events of /operations/{id}/events. Without JavaScript the page reloads itself.
document.addEventListener('DOMContentLoaded', () => {
  const section = document.getElementById('operation');
  if (!section || !section.dataset.events || !window.EventSource) {
    return;
  }
  const stateLabel = document.getElementById('operation-state');
  if (/^(SUCCEEDED|FAILED)$/.test(stateLabel.textContent.trim())) {
    return;
  }

  const stateClass = (element, state) => {
    [...element.classList].filter((name) => name.startsWith('state-'))
      .forEach((name) => element.classList.remove(name));
    element.classList.add('state-' + String(state).toLowerCase());
  };

  const showText = (id, text) => {
    const element = document.getElementById(id);
    element.textContent = text || '';
    element.classList.toggle('hidden', !text);
  };

  const cell = (text, className) => {
    const td = document.createElement('td');
    if (className) {
      const inner = document.createElement(className === 'state' ? 'span' : 'code');
      inner.className = className;
      inner.textContent = text;
      td.appendChild(inner);
    } else {
      td.textContent = text;
    }
    return td;
  };

  const renderSteps = (steps) => {
    const body = document.querySelector('#operation-steps tbody');
    body.replaceChildren(...steps.map((step) => {
      const row = document.createElement('tr');
      const state = cell(step.state, 'state');
      stateClass(state.firstChild, step.state);
      row.append(cell(step.name), state, cell(step.upid || '—', 'value'), cell(step.message || ''));
      return row;
    }));
    document.getElementById('no-steps').classList.toggle('hidden', steps.length > 0);
  };

  const source = new EventSource(section.dataset.events);
  source.addEventListener('operation', (event) => {
    const operation = JSON.parse(event.data);
    stateLabel.textContent = operation.state;
    stateClass(stateLabel, operation.state);
    showText('operation-summary', operation.summary);
    showText('operation-error', operation.error);
    renderSteps(operation.steps || []);
    if (operation.state === 'SUCCEEDED' || operation.state === 'FAILED') {
      source.close();
    }
  });
});
