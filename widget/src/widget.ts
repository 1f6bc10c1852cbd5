// LeadsAgent chat widget: one <script src=".../widget.js" data-business-id="..."> tag embeds it.
// No runtime dependencies; everything a visitor or the business supplies is inserted as text, never as HTML.

interface WidgetConfig {
  businessId: string;
  businessName: string;
  agentName: string;
  welcomeMessage: string;
  colors: { primary: string; secondary: string };
  showBranding: boolean;
  phone: string | null;
  hoursLine?: string | null;
  openNow?: boolean | null;
}

interface ChatReply {
  sessionId: string;
  reply: string;
  priority: string;
  emergency: boolean;
  leadCaptured: boolean;
  showBranding: boolean;
  safetyScript: string | null;
  emergencyPhone: string | null;
}

interface Stored {
  sessionId: string | null;
  messages: { role: "user" | "agent"; text: string }[];
  emergency: { script: string | null; phone: string | null } | null;
  open: boolean;
}

const STYLE = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.launcher { position: fixed; right: 20px; bottom: 20px; width: 60px; height: 60px; border-radius: 50%; border: 0; display: flex;
  align-items: center; justify-content: center; background: var(--la-primary); color: var(--la-on-primary); cursor: pointer;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); z-index: 2147483000; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.panel { position: fixed; right: 20px; bottom: 92px; width: 360px; max-width: calc(100vw - 24px); height: 540px; max-height: calc(100vh - 110px);
  background: #fff; color: #111827; border-radius: 14px; box-shadow: 0 10px 30px rgba(0,0,0,.25); display: flex; flex-direction: column;
  overflow: hidden; z-index: 2147483001; font-size: 15px; }
.panel[hidden] { display: none; }
header { background: var(--la-primary); color: var(--la-on-primary); padding: 12px 14px; display: flex; align-items: center; justify-content: space-between; }
header h2 { margin: 0; font-size: 16px; font-weight: 600; }
.hours { display: flex; align-items: center; gap: 6px; margin: 2px 0 0; font-size: 13px; opacity: .95; }
.hours::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: #9ca3af; flex: none; border: 1px solid var(--la-on-primary); }
.hours.open::before { background: #16a34a; }
header button { background: transparent; border: 0; color: var(--la-on-primary); font-size: 24px; line-height: 1; cursor: pointer; padding: 4px 8px; }
.banner { background: #b91c1c; color: #fff; padding: 10px 14px; font-size: 14px; }
.banner[hidden] { display: none; }
.banner p { margin: 0 0 8px; }
.banner a { display: inline-block; margin-right: 8px; background: #fff; color: #b91c1c; font-weight: 700; padding: 6px 12px; border-radius: 16px; text-decoration: none; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f9fafb; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; word-wrap: break-word; line-height: 1.4; }
.agent { align-self: flex-start; background: #fff; border: 1px solid #e5e7eb; }
.user { align-self: flex-end; background: var(--la-accent); color: var(--la-on-accent); }
.typing { align-self: flex-start; color: #4b5563; font-style: italic; font-size: 13px; }
.typing[hidden] { display: none; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e5e7eb; }
textarea { flex: 1; resize: none; border: 1px solid #9ca3af; border-radius: 8px; padding: 8px; font-size: 15px; height: 42px; }
form button { background: var(--la-accent); color: var(--la-on-accent); border: 0; border-radius: 8px; padding: 0 14px; font-weight: 600; cursor: pointer; }
form button:disabled { opacity: .6; cursor: default; }
.brand { text-align: center; font-size: 12px; color: #4b5563; padding: 4px 0 8px; }
.brand a { color: #374151; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .panel { right: 0; bottom: 0; width: 100vw; max-width: 100vw; height: 100%; max-height: 100%; border-radius: 0; }
}`;

const HEX = /^#[0-9a-fA-F]{6}$/;
const PHONE = /^\+[1-9][0-9]{6,14}$/;

/** Black or white text, whichever contrasts more with the brand colour (WCAG relative luminance). */
function onColour(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#111827" : "#ffffff";
}

function chatIcon(): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z");
  svg.appendChild(path);
  return svg;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function start(): void {
  const script = document.currentScript as HTMLScriptElement | null
    ?? document.querySelector<HTMLScriptElement>("script[data-business-id][src*='widget.js']");
  const businessId = script?.dataset.businessId;
  if (!script || !businessId) {
    console.warn("LeadsAgent widget: add data-business-id to the script tag.");
    return;
  }

  const api = new URL(script.src, location.href).origin;
  const storageKey = `leadsagent:${businessId}`;
  const load = (): Stored => {
    try {
      const raw = localStorage.getItem(storageKey);
      if (raw) {
        return JSON.parse(raw) as Stored;
      }
    } catch {
      // Private mode or corrupt data: start afresh.
    }
    return { sessionId: null, messages: [], emergency: null, open: false };
  };
  let state = load();
  const save = () => {
    try {
      state.messages = state.messages.slice(-60);
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // Storage full or blocked: the conversation still works for this page view.
    }
  };

  fetch(`${api}/api/widget/config/${encodeURIComponent(businessId)}`)
    .then(r => (r.ok ? r.json() : Promise.reject(new Error(`config ${r.status}`))))
    .then((config: WidgetConfig) => render(config))
    .catch(() => console.warn("LeadsAgent widget: this business could not be loaded."));

  function render(config: WidgetConfig): void {
    const host = el("div", { id: "leadsagent-widget" });
    const root = host.attachShadow({ mode: "open" });
    // The owner's two colours: the first for the launcher and the header, the second for the accents (the visitor's
    // own messages, the send button, the focus ring). Text on each is black or white, whichever reads better.
    const primary = HEX.test(config.colors.primary) ? config.colors.primary : "#0ea5e9";
    const accent = HEX.test(config.colors.secondary) ? config.colors.secondary : primary;
    root.appendChild(el("style", {}, STYLE + `:host { --la-primary: ${primary}; --la-on-primary: ${onColour(primary)}; `
      + `--la-accent: ${accent}; --la-on-accent: ${onColour(accent)}; }`));

    const launcher = el("button", { class: "launcher", type: "button", "aria-expanded": "false", "aria-controls": "la-panel",
      "aria-label": `Chat with ${config.agentName}` });
    launcher.appendChild(chatIcon());
    const panel = el("div", { class: "panel", id: "la-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "la-title" });
    panel.hidden = true;
    const header = el("header");
    const titles = el("div");
    titles.append(el("h2", { id: "la-title" }, `${config.agentName} · ${config.businessName}`));
    // The business's hours, when the owner set them: open until when, or when they call back (said in words, the dot only decorates).
    if (config.hoursLine) {
      titles.append(el("p", { class: config.openNow ? "hours open" : "hours", id: "la-hours" }, config.hoursLine));
    }
    header.append(titles);
    const close = el("button", { type: "button", "aria-label": "Close chat" }, "\u00D7");
    header.append(close);
    const banner = el("div", { class: "banner", role: "alert" });
    banner.hidden = true;
    const log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Conversation" });
    const typing = el("div", { class: "typing" }, `${config.agentName} is typing…`);
    typing.hidden = true;
    const form = el("form");
    const label = el("label", { for: "la-input", class: "sr" }, "Type your message");
    const input = el("textarea", { id: "la-input", rows: "1", maxlength: "1000", autocomplete: "off" });
    const send = el("button", { type: "submit" }, "Send");
    form.append(label, input, send);
    panel.append(header, banner, log, form);
    if (config.showBranding) {
      const brand = el("div", { class: "brand" });
      brand.append("Powered by ", el("a", { href: `${api}/`, target: "_blank", rel: "noopener" }, "LeadsAgent"));
      panel.append(brand);
    }
    root.append(launcher, panel);
    document.body.appendChild(host);

    const addMessage = (role: "user" | "agent", text: string) => {
      log.insertBefore(el("div", { class: `msg ${role}` }, text), typing);
      log.scrollTop = log.scrollHeight;
    };
    log.append(typing);

    const showEmergency = (script: string | null, phone: string | null) => {
      banner.replaceChildren();
      banner.append(el("p", {}, script ?? "This sounds urgent. We've alerted our team."));
      if (phone && PHONE.test(phone)) {
        banner.append(el("a", { href: `tel:${phone}` }, `Call us now`));
      }
      if (script) {
        banner.append(el("a", { href: "tel:911" }, "Call 911"));
      }
      banner.hidden = false;
    };

    if (state.messages.length === 0) {
      state.messages.push({ role: "agent", text: config.welcomeMessage });
    }
    state.messages.forEach(m => addMessage(m.role, m.text));
    if (state.emergency) {
      showEmergency(state.emergency.script, state.emergency.phone);
    }

    const setOpen = (open: boolean) => {
      panel.hidden = !open;
      launcher.setAttribute("aria-expanded", String(open));
      state.open = open;
      save();
      if (open) {
        input.focus();
        log.scrollTop = log.scrollHeight;
      } else {
        launcher.focus();
      }
    };
    launcher.addEventListener("click", () => setOpen(panel.hidden));
    close.addEventListener("click", () => setOpen(false));
    panel.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
      }
    });
    input.addEventListener("keydown", (e: KeyboardEvent) => {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        form.requestSubmit();
      }
    });

    const post = async (message: string, retry: boolean): Promise<void> => {
      const response = await fetch(`${api}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ businessId, sessionId: state.sessionId, message }),
      });
      if ((response.status === 404 || response.status === 410) && state.sessionId && retry) {
        // The conversation expired on the server: start a new one with the same message.
        state.sessionId = null;
        return post(message, false);
      }
      if (response.status === 429) {
        const wait = response.headers.get("Retry-After") ?? "a few";
        addMessage("agent", `You're sending messages quickly. Please wait ${wait} seconds and try again.`);
        return;
      }
      if (!response.ok) {
        addMessage("agent", "Sorry, something went wrong. Please try again in a moment.");
        return;
      }
      const reply = (await response.json()) as ChatReply;
      state.sessionId = reply.sessionId;
      state.messages.push({ role: "agent", text: reply.reply });
      addMessage("agent", reply.reply);
      if (reply.emergency) {
        state.emergency = { script: reply.safetyScript, phone: reply.emergencyPhone };
        showEmergency(reply.safetyScript, reply.emergencyPhone);
      }
      save();
    };

    form.addEventListener("submit", async (e: Event) => {
      e.preventDefault();
      const message = input.value.trim();
      if (!message || send.disabled) {
        return;
      }
      input.value = "";
      state.messages.push({ role: "user", text: message });
      addMessage("user", message);
      save();
      send.disabled = true;
      typing.hidden = false;
      try {
        await post(message, true);
      } catch {
        addMessage("agent", "Sorry, we couldn't reach the server. Check your connection and try again.");
      } finally {
        typing.hidden = true;
        send.disabled = false;
        input.focus();
      }
    });

    if (state.open) {
      setOpen(true);
    }
  }
}

start();
