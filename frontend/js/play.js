// The play page of a thin client. Its only credential is the device token, kept in this
// browser's localStorage: it arrives once in the link's fragment (#token=…, never sent to a
// server), is stored, and is removed from the address bar at once.
(() => {
  const TOKEN_KEY = 'rigplane.deviceToken';
  const SESSION_KEY = 'rigplane.playSession';
  const STEPS = [
    ['REQUESTED', 'Requested'],
    ['WAKING_HOST', 'Waking the host'],
    ['STARTING_VM', 'Starting the VM'],
    ['WAITING_FOR_STREAM_HOST', 'Waiting for the stream host'],
    ['READY', 'Ready to stream'],
  ];
  const ORDER = STEPS.map(([state]) => state);
  const HEARTBEAT_MS = 30000;
  const POLL_MS = 500;

  const $ = (id) => document.getElementById(id);
  let token = null;
  let device = null;
  let current = null;
  let follow = null;
  let heartbeat = null;

  const show = (section) => {
    ['play-signin', 'play-profiles', 'play-session'].forEach((id) => { $(id).hidden = id !== section; });
    $('play-forget-confirm').hidden = true;
    $('play-forget').hidden = false;
    // a deliberate button (forgetting the device) never takes the focus by itself
    const first = $(section).querySelector('button:not([hidden]):not([data-deliberate]), '
      + 'a.play-button:not([hidden]), input');
    if (first) {
      first.focus();
    }
  };

  const status = (text) => { $('play-status').textContent = text || ''; };

  const api = (method, path, body, accept) => fetch(path, {
    method,
    headers: Object.assign({ Authorization: 'Bearer ' + token, Accept: accept || 'application/json' },
      body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
    cache: 'no-store',
  });

  const problemText = async (response) => {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || ('HTTP ' + response.status);
    } catch (e) {
      return 'HTTP ' + response.status;
    }
  };

  const takeTokenFromLink = () => {
    const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
    if (match) {
      localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return localStorage.getItem(TOKEN_KEY);
  };

  const signIn = (message) => {
    token = null;
    status(message);
    show('play-signin');
  };

  const loadDevice = async () => {
    status('Loading…');
    // another device's buttons must not be pressed with this token while it loads
    $('play-profile-buttons').replaceChildren();
    let response;
    try {
      response = await api('GET', '/api/v1/devices/me');
    } catch (e) {
      status('Rigplane cannot be reached. Trying again…');
      window.setTimeout(loadDevice, 3000);
      return;
    }
    if (response.status === 401 || response.status === 403) {
      localStorage.removeItem(TOKEN_KEY);
      signIn('This device token is not valid any more. Paste a new one.');
      return;
    }
    if (!response.ok) {
      status(await problemText(response));
      return;
    }
    device = await response.json();
    $('play-device').textContent = device.name;
    const buttons = $('play-profile-buttons');
    buttons.replaceChildren(...device.profiles.map((profile) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'play-button primary big';
      button.textContent = profile;
      button.dataset.profile = profile;
      button.addEventListener('click', () => start(profile));
      return button;
    }));
    $('play-no-profiles').hidden = device.profiles.length > 0;
    status('');
    const resumed = localStorage.getItem(SESSION_KEY);
    if (resumed && await resume(resumed)) {
      return;
    }
    show('play-profiles');
  };

  const resume = async (id) => {
    const response = await api('GET', '/api/v1/sessions/' + encodeURIComponent(id)).catch(() => null);
    if (!response || !response.ok) {
      localStorage.removeItem(SESSION_KEY);
      return false;
    }
    const session = await response.json();
    if (session.state === 'ENDED' || session.state === 'FAILED' || session.state === 'ENDING') {
      localStorage.removeItem(SESSION_KEY);
      return false;
    }
    open(session);
    return true;
  };

  const start = async (profile) => {
    status('Starting ' + profile + '…');
    let response;
    try {
      response = await api('POST', '/api/v1/sessions', { profile, clientName: device.name });
    } catch (e) {
      status('Rigplane cannot be reached.');
      return;
    }
    if (!response.ok) {
      status(await problemText(response));
      return;
    }
    status('');
    open(await response.json());
  };

  const open = (session) => {
    stopFollowing();
    localStorage.setItem(SESSION_KEY, session.id);
    $('play-session-title').textContent = session.profile;
    $('play-back').hidden = true;
    $('play-end').hidden = false;
    render(session);
    show('play-session');
    follow = { id: session.id, stopped: false };
    followEvents(follow);
    heartbeat = window.setInterval(() => {
      if (current && !finished(current)) {
        api('POST', '/api/v1/sessions/' + current.id + '/heartbeat').catch(() => {});
      }
    }, HEARTBEAT_MS);
  };

  const finished = (session) => session.state === 'ENDED' || session.state === 'FAILED';

  // Server-sent events over fetch, because EventSource cannot send the Authorization header;
  // polling every 500 ms takes over when streaming is not possible here.
  const followEvents = async (following) => {
    try {
      const response = await api('GET', '/api/v1/sessions/' + following.id + '/events', null,
        'text/event-stream');
      if (!response.ok || !response.body) {
        throw new Error('no stream');
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (following.stopped) {
          reader.cancel().catch(() => {});
          return;
        }
        if (done) {
          break;
        }
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      // fall through to polling
    }
    if (!following.stopped && current && !finished(current)) {
      poll(following);
    }
  };

  const dispatch = (block) => {
    let event = 'message';
    const data = [];
    block.split('\n').forEach((line) => {
      if (line.startsWith('event:')) {
        event = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    });
    if (event === 'state' && data.length) {
      try {
        render(JSON.parse(data.join('\n')));
      } catch (e) {
        // a broken event changes nothing on the screen
      }
    }
  };

  const poll = async (following) => {
    while (!following.stopped && current && !finished(current)) {
      const response = await api('GET', '/api/v1/sessions/' + following.id).catch(() => null);
      if (response && response.ok) {
        render(await response.json());
      }
      await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
    }
  };

  const stopFollowing = () => {
    if (follow) {
      follow.stopped = true;
    }
    if (heartbeat) {
      window.clearInterval(heartbeat);
      heartbeat = null;
    }
  };

  const render = (session) => {
    if (current && current.id === session.id && finished(current)) {
      return;
    }
    current = session;
    const reached = new Set((session.transitions || []).map((t) => t.state));
    reached.add(session.state);
    const at = ORDER.indexOf(session.state === 'ACTIVE' ? 'READY' : session.state);
    const furthest = Math.max(at, ...ORDER.map((state, i) => (reached.has(state) ? i : -1)));
    $('play-steps').replaceChildren(...STEPS.map(([state, label], i) => {
      const item = document.createElement('li');
      item.dataset.state = state;
      item.textContent = label;
      if (i < furthest && !reached.has(state)) {
        // not needed this time, such as waking a host that was awake
        item.className = 'skipped';
      } else if (i < furthest || (i === furthest && (state === 'READY' || session.state === 'ACTIVE'))) {
        item.className = 'done';
      } else if (i === furthest && !finished(session)) {
        item.className = 'current';
        item.setAttribute('aria-current', 'step');
      } else if (i === furthest && session.state === 'FAILED') {
        item.className = 'failed';
      }
      return item;
    }));
    $('play-queue').hidden = session.queuePosition == null;
    $('play-queue').textContent = session.queuePosition == null ? ''
      : 'Waiting for the GPU: number ' + session.queuePosition + ' in line.';
    const failed = session.state === 'FAILED';
    const ended = session.state === 'ENDED' || session.state === 'ENDING';
    $('play-reason').hidden = !(failed || ended);
    $('play-reason').textContent = failed ? 'It did not work: ' + (session.reason || 'unknown reason')
      : ended ? 'Session ended' + (session.reason ? ': ' + session.reason : '.') : '';
    const c = session.connection;
    const ready = (session.state === 'READY' || session.state === 'ACTIVE') && c;
    $('play-ready').hidden = !ready;
    if (ready) {
      const link = $('play-artemis');
      link.href = c.artemisLink;
      link.textContent = c.pairingRequired ? 'Pair and play in Artemis' : 'Play in Artemis';
      const qr = document.body.dataset.qr + '?data=' + encodeURIComponent(c.artemisLink);
      if ($('play-qr').getAttribute('src') !== qr) {
        $('play-qr').setAttribute('src', qr);
      }
      $('play-pin').hidden = !(c.pairingRequired && c.pin);
      $('play-pin').textContent = c.pin ? 'Pairing PIN: ' + c.pin : '';
      $('play-moonlight').textContent = c.moonlight;
      $('play-host').textContent = c.host + ':' + c.port;
      $('play-app').textContent = c.app;
      if (document.activeElement === document.body || document.activeElement === $('play-end')) {
        link.focus();
      }
    }
    if (finished(session)) {
      stopFollowing();
      localStorage.removeItem(SESSION_KEY);
      $('play-end').hidden = true;
      $('play-back').hidden = false;
      $('play-back').focus();
    }
  };

  const end = async () => {
    if (!current) {
      return;
    }
    const response = await api('DELETE', '/api/v1/sessions/' + current.id).catch(() => null);
    if (response && response.ok) {
      render(await response.json());
    } else if (response) {
      status(await problemText(response));
    }
  };

  // A TV remote sends arrow keys and Enter: arrows move between the big buttons in reading
  // order, Enter presses the focused one (as a browser does by itself). The ends do not wrap
  // around, and while forgetting is asked, only its two answers take the focus: keeping is
  // focused and last, so pressing Down and OK again and again never forgets the device.
  const moveFocus = (event) => {
    const keys = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (!(event.key in keys) || (event.target.tagName === 'INPUT' && event.key.startsWith('Arrow')
        && (event.key === 'ArrowLeft' || event.key === 'ArrowRight'))) {
      return;
    }
    const asking = !$('play-forget-confirm').hidden;
    const scope = asking ? '#play-forget-confirm ' : 'section:not([hidden]) ';
    const focusable = Array.from(document.querySelectorAll(scope + '.play-button, ' + scope + 'input'))
      .filter((el) => !el.hidden && !el.closest('[hidden]'));
    if (!focusable.length) {
      return;
    }
    const i = focusable.indexOf(document.activeElement);
    const next = i < 0 ? 0 : Math.min(Math.max(i + keys[event.key], 0), focusable.length - 1);
    focusable[next].focus();
    event.preventDefault();
  };

  const askToForget = () => {
    $('play-forget').hidden = true;
    $('play-forget-confirm').hidden = false;
    $('play-forget-keep').focus();
  };

  const keepDevice = () => {
    $('play-forget-confirm').hidden = true;
    $('play-forget').hidden = false;
    const first = document.querySelector('#play-profile-buttons .play-button');
    (first || $('play-forget')).focus();
  };

  document.addEventListener('DOMContentLoaded', () => {
    document.addEventListener('keydown', moveFocus);
    $('play-token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const pasted = $('play-token').value.trim().replace(/^.*#token=/, '');
      if (pasted) {
        localStorage.setItem(TOKEN_KEY, pasted);
        token = pasted;
        $('play-token').value = '';
        loadDevice();
      }
    });
    $('play-forget').addEventListener('click', askToForget);
    $('play-forget-keep').addEventListener('click', keepDevice);
    $('play-forget-yes').addEventListener('click', () => {
      localStorage.removeItem(TOKEN_KEY);
      localStorage.removeItem(SESSION_KEY);
      signIn('This device is forgotten here.');
    });
    $('play-end').addEventListener('click', end);
    $('play-back').addEventListener('click', () => {
      current = null;
      status('');
      show('play-profiles');
    });
    // a link opened in a tab that already shows this page changes only the fragment
    window.addEventListener('hashchange', () => {
      if (/token=/.test(window.location.hash)) {
        token = takeTokenFromLink();
        loadDevice();
      }
    });
    token = takeTokenFromLink();
    if (token) {
      loadDevice();
    } else {
      signIn('');
    }
  });
})();
