// The play page of a thin client. Its only credential is the device token, kept in this
// browser's localStorage. It gets there in one of three ways: the TV shows a short code that an
// admin approves (OAuth 2.0 Device Authorization Grant, RFC 8628) and the page collects the token
// by itself; a link with the token in its fragment (#token=…, never sent to a server, removed
// from the address bar at once); or pasting the token.
//
// The page itself is not a streaming client: it sends no heartbeat, so a session whose screen is
// left open without a stream goes idle and stops like any other.
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
  const POLL_MS = 500;
  // besides the event stream: a stream that stalls silently (a buffering proxy) must not freeze the screen
  const CHECK_MS = 5000;
  const HINTS = {
    REQUESTED: 'Getting ready to start',
    WAKING_HOST: 'The host was asleep and boots now: this takes a minute or two',
    STARTING_VM: 'Proxmox starts the VM',
    WAITING_FOR_STREAM_HOST: 'The VM boots and its stream host starts',
  };

  const $ = (id) => document.getElementById(id);
  let token = null;
  let device = null;
  let current = null;
  let follow = null;
  let ticker = null;
  let signing = null;

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

  // a device speaks with its token only: the dashboard's session cookie of the same browser is
  // never sent along, so playing on the laptop the dashboard is open on keeps the admin signed in
  const api = (method, path, body, accept) => fetch(path, {
    method,
    credentials: 'omit',
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
    startCodeSignIn();
  };

  // --- signing in with a code an admin approves (RFC 8628) ---

  const codeState = (text) => { $('play-code-state').textContent = text; };

  const stopCodeSignIn = () => {
    if (signing) {
      signing.stopped = true;
      window.clearTimeout(signing.timer);
      signing = null;
    }
  };

  const offerNewCode = () => {
    $('play-code-wait').classList.add('stopped');
    $('play-new-code').hidden = false;
    $('play-new-code').focus();
  };

  const startCodeSignIn = async () => {
    stopCodeSignIn();
    const attempt = { stopped: false, timer: null };
    signing = attempt;
    $('play-new-code').hidden = true;
    $('play-code-wait').classList.remove('stopped');
    codeState('Asking Rigplane for a code…');
    let response;
    try {
      response = await fetch('/api/v1/device-authorization', {
        method: 'POST', headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'omit',
      });
    } catch (e) {
      codeState('Rigplane cannot be reached. Trying again…');
      attempt.timer = window.setTimeout(startCodeSignIn, 5000);
      return;
    }
    if (attempt.stopped) {
      return;
    }
    if (response.status === 429) {
      const wait = parseInt(response.headers.get('Retry-After') || '30', 10);
      codeState('Too many codes were asked from here. A new one comes in ' + wait + ' s.');
      attempt.timer = window.setTimeout(startCodeSignIn, wait * 1000);
      return;
    }
    if (!response.ok) {
      codeState(await problemText(response));
      offerNewCode();
      return;
    }
    const codes = await response.json();
    attempt.deviceCode = codes.device_code;
    attempt.interval = codes.interval;
    $('play-user-code').textContent = codes.user_code;
    // on a phone the address wraps after a slash rather than inside a word
    $('play-verify-uri').replaceChildren(...codes.verification_uri.split(/(?<=\/)/)
      .flatMap((part) => [document.createTextNode(part), document.createElement('wbr')]));
    $('play-code-qr').setAttribute('src', document.body.dataset.qr + '?data='
      + encodeURIComponent(codes.verification_uri_complete));
    $('play-code-qr').hidden = false;
    codeState('Waiting for approval…');
    nextPoll(attempt);
  };

  const nextPoll = (attempt, seconds) => {
    attempt.timer = window.setTimeout(() => pollToken(attempt), (seconds || attempt.interval) * 1000);
  };

  const pollToken = async (attempt) => {
    let response;
    try {
      response = await fetch('/api/v1/device-authorization/token', {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ deviceCode: attempt.deviceCode }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (e) {
      if (!attempt.stopped) {
        nextPoll(attempt);
      }
      return;
    }
    if (attempt.stopped) {
      return;
    }
    if (response.ok) {
      const granted = await response.json();
      stopCodeSignIn();
      localStorage.setItem(TOKEN_KEY, granted.access_token);
      token = granted.access_token;
      loadDevice();
      return;
    }
    if (response.status === 429) {
      nextPoll(attempt, parseInt(response.headers.get('Retry-After') || '30', 10));
      return;
    }
    let answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      // not JSON: said below
    }
    switch (answer.error) {
      case 'authorization_pending':
        nextPoll(attempt);
        break;
      case 'slow_down':
        attempt.interval += 5;
        nextPoll(attempt);
        break;
      case 'expired_token':
        // a screen left on shows a fresh code by itself
        startCodeSignIn();
        break;
      case 'access_denied':
        codeState('An admin denied this sign-in.');
        offerNewCode();
        break;
      default:
        codeState(answer.detail || ('HTTP ' + response.status));
        offerNewCode();
    }
  };

  const loadDevice = async () => {
    stopCodeSignIn();
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
    $('play-retry').hidden = true;
    $('play-end').hidden = false;
    render(session);
    show('play-session');
    follow = { id: session.id, stopped: false };
    followEvents(follow);
    check(follow);
    ticker = window.setInterval(tick, 1000);
  };

  // the elapsed time counts up every second while a start runs, so the screen never stands still
  const tick = () => {
    if (current && !finished(current)) {
      const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(current.createdAt)) / 1000));
      $('play-elapsed').textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
    }
  };

  const check = async (following) => {
    while (!following.stopped && current && !finished(current)) {
      await new Promise((resolve) => window.setTimeout(resolve, CHECK_MS));
      if (following.stopped) {
        return;
      }
      const response = await api('GET', '/api/v1/sessions/' + following.id).catch(() => null);
      if (response && response.ok && !following.stopped) {
        render(await response.json());
      }
    }
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
    if (ticker) {
      window.clearInterval(ticker);
      ticker = null;
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
    const starting = !finished(session) && at >= 0 && at < ORDER.indexOf('READY');
    $('play-progress').hidden = !starting;
    if (starting) {
      $('play-progress-step').textContent = STEPS[at][1];
      $('play-progress-hint').textContent = session.queuePosition == null ? HINTS[session.state] || '' : '';
      tick();
    }
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
      // a failed start offers the obvious next step first
      $('play-retry').hidden = !failed;
      (failed ? $('play-retry') : $('play-back')).focus();
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
    const focusable = Array.from(document.querySelectorAll(scope + '.play-button, ' + scope + 'input, '
      + scope + 'summary'))
      .filter((el) => !el.hidden && !el.closest('[hidden]') && el.getClientRects().length > 0);
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
        stopCodeSignIn();
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
    $('play-retry').addEventListener('click', () => {
      if (current) {
        const profile = current.profile;
        current = null;
        start(profile);
      }
    });
    $('play-new-code').addEventListener('click', startCodeSignIn);
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
