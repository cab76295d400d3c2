// Small enhancements only; every page works without JavaScript.
(() => {
  // On a phone a table shows each row as a card, each cell under its column's name: the names
  // come from the table's header, also for rows a page adds later (sessions, operation steps).
  const label = (table) => {
    const names = [];
    table.querySelectorAll('thead tr:first-child th').forEach((th) => {
      for (let i = 0; i < (th.colSpan || 1); i++) {
        names.push(th.colSpan > 1 ? '' : th.textContent.trim());
      }
    });
    table.querySelectorAll('tbody tr').forEach((row) => {
      let column = 0;
      Array.from(row.cells).forEach((cell) => {
        if (!cell.hasAttribute('data-label') && (cell.colSpan || 1) === 1 && names[column]) {
          cell.setAttribute('data-label', names[column]);
        }
        column += cell.colSpan || 1;
      });
    });
  };
  const labelAll = (root) => root.querySelectorAll('table.table').forEach(label);

  // Ask before a form does what cannot be undone: <form data-confirm="question" data-confirm-yes="Stop">.
  // Keeping things as they are is the default answer, so Enter or Escape never confirms by accident.
  let dialog = null;
  const confirmDialog = () => {
    if (dialog) {
      return dialog;
    }
    dialog = document.createElement('dialog');
    dialog.className = 'confirm';
    dialog.id = 'confirm-dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-question');
    dialog.innerHTML = '<form method="dialog"><p id="confirm-question"></p><div class="actions">'
      + '<button type="submit" value="yes" class="button danger" id="confirm-yes"></button>'
      + '<button type="submit" value="no" class="button primary" id="confirm-no" autofocus>Cancel</button>'
      + '</div></form>';
    document.body.appendChild(dialog);
    return dialog;
  };
  const ask = (form, submitter) => {
    const box = confirmDialog();
    box.querySelector('#confirm-question').textContent = form.dataset.confirm;
    box.querySelector('#confirm-yes').textContent = form.dataset.confirmYes
      || (submitter && submitter.textContent.trim()) || 'Yes';
    box.returnValue = '';
    box.onclose = () => {
      if (box.returnValue === 'yes') {
        form.dataset.confirmed = 'true';
        form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      } else if (submitter) {
        submitter.focus();
      }
    };
    box.showModal();
    box.querySelector('#confirm-no').focus();
  };

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm || !window.HTMLDialogElement) {
      return;
    }
    if (form.dataset.confirmed === 'true') {
      delete form.dataset.confirmed;
      return;
    }
    event.preventDefault();
    ask(form, event.submitter);
  });

  document.addEventListener('DOMContentLoaded', () => {
    labelAll(document);
    new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const table = node.closest('table.table');
        if (table) {
          label(table);
        } else {
          labelAll(node);
        }
      }
    }))).observe(document.body, { childList: true, subtree: true });

    // The "More" menu closes when something else is clicked or Escape is pressed, like a menu does.
    const more = document.querySelector('.nav-more');
    if (more) {
      document.addEventListener('click', (event) => {
        if (more.open && !more.contains(event.target)) {
          more.open = false;
        }
      });
      document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && more.open) {
          more.open = false;
          more.querySelector('summary').focus();
        }
      });
    }

    // Select the new token so it can be copied at once.
    const token = document.getElementById('new-token');
    if (token) {
      token.addEventListener('focus', () => token.select());
    }
  });
})();
