// Live dashboard: a SignalR connection per page; every event for this business refreshes the live panel in place.
(function () {
  var panel = document.getElementById("live-panel");
  var status = document.getElementById("live-status");
  if (!panel || !status || !window.signalR) {
    return;
  }

  function show(text, css) {
    status.textContent = text;
    status.className = "badge " + css;
  }

  var refreshing = false;
  var again = false;
  function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    fetch(panel.dataset.src, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // The fragment is server-rendered by our own Razor component, which encodes every value.
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("live-panel");
        if (fresh) { panel.replaceChildren.apply(panel, Array.from(fresh.childNodes)); }
        panel.dataset.updated = String(Date.now());
      })
      .catch(function () { /* the next event refreshes again */ })
      .finally(function () { refreshing = false; if (again) { again = false; refresh(); } });
  }

  var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .build();
  connection.on("event", refresh);
  connection.onreconnecting(function () { show("Reconnecting…", "text-bg-warning"); });
  connection.onreconnected(function () { show("Live", "text-bg-success"); refresh(); });
  connection.onclose(function () { show("Offline: reload the page", "text-bg-danger"); });
  connection.start()
    .then(function () { show("Live", "text-bg-success"); })
    .catch(function () { show("Offline: reload the page", "text-bg-danger"); });
})();
