// The agent settings page's browser side (an ES module the page imports). The live preview runs the real widget.js
// inside a sandboxed frame (widget-preview.html, scripts only, no same-origin access) and hands it the unsaved
// settings by postMessage: nothing is saved, and the widget cannot reach the dashboard's page or cookies.
const states = new Map();

function send(frame) {
  const state = states.get(frame);
  if (state && frame.contentWindow) {
    // The sandboxed frame's origin is opaque, so "*" is the only target that reaches it; the settings are not secret.
    frame.contentWindow.postMessage({ type: "leadsagent-preview", config: state.config }, "*");
  }
}

window.addEventListener("message", (e) => {
  if (!e.data || e.data.type !== "leadsagent-preview-ready") { return; }
  for (const frame of states.keys()) {
    if (frame.contentWindow === e.source) { send(frame); }
  }
});

export function attach(frame, config) {
  states.set(frame, { config });
  send(frame);
}

export function update(frame, config) {
  states.set(frame, { config });
  send(frame);
}

export function detach(frame) {
  states.delete(frame);
}
