// Live preview of the widget's colours, name and welcome as the owner types. Text is set as text, never HTML.
(function () {
  var header = document.getElementById("preview-header");
  var bubble = document.querySelector("#widget-preview .bg-white");
  function onColour(hex) {
    function ch(i) { var c = parseInt(hex.substr(i, 2), 16) / 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
    var l = 0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5);
    return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#111827" : "#ffffff";
  }
  function bind(id, apply) {
    var input = document.getElementById(id);
    if (input) { input.addEventListener("input", function () { apply(input.value); }); }
  }
  if (!header || !bubble) { return; }
  bind("primary", function (v) { if (/^#[0-9a-f]{6}$/i.test(v)) { header.style.background = v; header.style.color = onColour(v); } });
  bind("agentName", function (v) { header.textContent = v; });
  bind("welcomeMessage", function (v) { bubble.textContent = v; });
})();
