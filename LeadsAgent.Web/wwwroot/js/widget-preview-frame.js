// Inside the preview frame: runs the real widget.js with the settings the dashboard sends, never the saved ones and
// never the network. The widget asks for its configuration and posts chat messages with fetch; both are answered
// here, so a preview creates no conversation and no lead.
(function () {
  var config = null;
  var timer = 0;
  var realFetch = window.fetch.bind(window);

  function json(body) {
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } }));
  }

  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : input.url;
    if (url.indexOf("/api/widget/config/") >= 0) { return json(config); }
    if (url.indexOf("/api/chat") >= 0) {
      return json({ sessionId: "preview", reply: "This is only a preview: on your website, your agent answers here.", priority: "NORMAL",
        emergency: false, leadCaptured: false, showBranding: config.showBranding, safetyScript: null, emergencyPhone: null });
    }
    return realFetch(input, init);
  };

  // The widget focuses its input when it opens; in the preview that would take the owner's typing away from the form.
  HTMLElement.prototype.focus = function () { };

  function opened(host) {
    var root = host.shadowRoot;
    var panel = root && root.querySelector(".panel");
    if (!panel) { return; }
    panel.hidden = false;
    root.querySelector(".launcher").setAttribute("aria-expanded", "true");
    // A visitor's message, so the accent colour shows as it will on the website.
    var log = root.querySelector(".log");
    var sample = document.createElement("div");
    sample.className = "msg user";
    sample.textContent = "Hi, my kitchen sink is leaking. Can someone come today?";
    log.insertBefore(sample, root.querySelector(".typing"));
    document.body.setAttribute("data-preview-ready", String(Date.now()));
  }

  function render() {
    var old = document.getElementById("leadsagent-widget");
    if (old) { old.remove(); }
    var previous = document.querySelector("script[data-business-id]");
    if (previous) { previous.remove(); }
    var watcher = new MutationObserver(function () {
      var host = document.getElementById("leadsagent-widget");
      if (host) { watcher.disconnect(); opened(host); }
    });
    watcher.observe(document.body, { childList: true });
    var script = document.createElement("script");
    script.src = "/widget.js";
    script.setAttribute("data-business-id", config.businessId);
    document.body.appendChild(script);
  }

  window.addEventListener("message", function (e) {
    if (e.source !== window.parent || !e.data || e.data.type !== "leadsagent-preview") { return; }
    config = e.data.config;
    // Typing sends a message per key; draw once the owner pauses.
    clearTimeout(timer);
    timer = setTimeout(render, 120);
  });
  window.parent.postMessage({ type: "leadsagent-preview-ready" }, "*");
})();
