// Draws the analytics charts from the JSON the server put on each canvas (data-chart).
(function () {
  if (!window.Chart) { return; }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    try {
      var config = JSON.parse(canvas.dataset.chart);
      config.options = { responsive: true, animation: false, plugins: { legend: { position: "bottom" } } };
      new window.Chart(canvas, config);
    } catch (e) { /* a chart that cannot be drawn leaves the figures below it */ }
  });
})();
