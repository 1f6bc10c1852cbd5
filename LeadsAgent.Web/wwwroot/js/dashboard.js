// The dashboard's few browser-side pieces the server cannot do: remember the theme, raise a browser notification,
// play an alert sound and mark the tab title while an emergency waits. Loaded on every page (CSP: script-src 'self').
window.leadsAgent = (function () {
  var store = {
    get: function (key) { try { return localStorage.getItem(key); } catch (e) { return null; } },
    set: function (key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  };

  var theme = {
    saved: function () { return store.get("leadsagent.theme"); },
    save: function (value) { store.set("leadsagent.theme", value); }
  };

  // The tab title: "(1) EMERGENCY · Overview · LeadsAgent" while emergencies wait; Blazor's <PageTitle> keeps
  // setting the page's own title, so the prefix is re-applied whenever the title changes.
  var alertPrefix = "";
  var titleObserver = null;
  function applyTitle() {
    var title = document.head.querySelector("title");
    // Never create a <title> of our own: Blazor's <PageTitle> owns the element and may be replacing it right now.
    if (!title || !title.textContent) { return; }
    var base = title.textContent.replace(/^\(\d+\) EMERGENCY · /, "");
    var wanted = alertPrefix + base;
    if (title.textContent !== wanted) { title.textContent = wanted; }
  }
  function setEmergencies(count) {
    alertPrefix = count > 0 ? "(" + count + ") EMERGENCY · " : "";
    applyTitle();
    if (!titleObserver) {
      // The whole <head>: Blazor may swap the <title> element itself when the page changes.
      titleObserver = new MutationObserver(applyTitle);
      titleObserver.observe(document.head, { childList: true, characterData: true, subtree: true });
    }
  }

  var audio = null;
  function beep(evenIfMuted) {
    if (!evenIfMuted && store.get("leadsagent.muted") === "1") { return false; }
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var now = audio.currentTime;
      [0, 0.35, 0.7].forEach(function (offset) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.type = "square";
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, now + offset);
        gain.gain.exponentialRampToValueAtTime(0.2, now + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.25);
        osc.connect(gain).connect(audio.destination);
        osc.start(now + offset);
        osc.stop(now + offset + 0.3);
      });
      return true;
    } catch (e) { return false; }
  }

  var alerts = {
    muted: function () { return store.get("leadsagent.muted") === "1"; },
    setMuted: function (muted) { store.set("leadsagent.muted", muted ? "1" : "0"); },
    // Whether the banner may offer notifications: "off" when the owner turned them off on this device (the account
    // page's "Alerts on this device"), else the browser's own answer.
    permission: function () {
      if (store.get("leadsagent.notify") === "0") { return "off"; }
      return "Notification" in window ? Notification.permission : "unsupported";
    },
    browserPermission: function () { return "Notification" in window ? Notification.permission : "unsupported"; },
    askPermission: function () {
      if (!("Notification" in window)) { return Promise.resolve("unsupported"); }
      return Notification.requestPermission();
    },
    // Browser notifications for emergencies: on unless the owner turned them off on this device (and the browser allows them).
    notifyWanted: function () { return store.get("leadsagent.notify") !== "0"; },
    setNotifyWanted: function (wanted) { store.set("leadsagent.notify", wanted ? "1" : "0"); },
    // The account page's "Play the sound": the same sound a new emergency plays, muted or not.
    testSound: function () { return beep(true); },
    // A new emergency: sound (unless muted) and a browser notification (when wanted and allowed). Returns what happened.
    raise: function (title, body, url) {
      var played = beep();
      var notified = false;
      if ("Notification" in window && Notification.permission === "granted" && store.get("leadsagent.notify") !== "0") {
        try {
          var n = new Notification(title, { body: body, tag: url, requireInteraction: true });
          n.onclick = function () { window.focus(); window.location.href = url; };
          notified = true;
        } catch (e) { /* some browsers only allow notifications from a service worker */ }
      }
      window.leadsAgentRaised = (window.leadsAgentRaised || 0) + 1;
      return { played: played, notified: notified };
    },
    setEmergencies: setEmergencies
  };

  // The account page's password change: a same-origin fetch, so the answer's Set-Cookie re-issues this browser's
  // cookie (a Blazor circuit cannot set cookies). Returns the status and the JSON answer (ProblemDetails on refusal).
  var account = {
    changePassword: function (headerName, token, body) {
      var headers = { "Content-Type": "application/json", "Accept": "application/json" };
      if (headerName && token) { headers[headerName] = token; }
      return fetch("/account/password", { method: "POST", credentials: "same-origin", headers: headers, body: JSON.stringify(body) })
        .then(function (response) {
          return response.text().then(function (text) {
            var json = null;
            try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON: a proxy's error page */ }
            return { status: response.status, body: json };
          });
        })
        .catch(function () { return { status: 0, body: null }; });
    }
  };

  // "Skip to content" on an interactive page: Blazor's router takes same-page links and only scrolls, so the focus
  // stayed on the link; move it into <main> (tabindex -1) as a plain page would. Capturing runs before the router.
  document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest ? e.target.closest("a.la-skip") : null;
    var main = link ? document.getElementById("main") : null;
    if (!main) { return; }
    e.preventDefault();
    main.focus();
    main.scrollIntoView();
  }, true);

  return { theme: theme, alerts: alerts, account: account };
})();
