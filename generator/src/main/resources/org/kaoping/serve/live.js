// Served by `kaoping serve` only (never written to output/): reload on rebuild, show a failed build.
(function () {
  'use strict';
  var OVERLAY = 'kaoping-build-error';
  function show(report) {
    var box = document.getElementById(OVERLAY);
    if (!box) {
      box = document.createElement('div');
      box.id = OVERLAY;
      box.setAttribute('role', 'alert');
      var s = box.style;
      s.position = 'fixed'; s.inset = '0'; s.zIndex = '2147483647'; s.overflow = 'auto';
      s.background = 'rgba(50, 0, 0, 0.97)'; s.color = '#fff'; s.padding = '2rem';
      s.font = '15px/1.5 monospace';
      var h = document.createElement('h2');
      h.textContent = '构建失败：页面仍是上一次成功构建的结果。改正下列问题并保存后自动刷新。';
      h.style.font = 'bold 18px sans-serif';
      h.style.color = '#fff'; h.style.border = '0'; h.style.margin = '0 0 1rem';
      var pre = document.createElement('pre');
      pre.style.whiteSpace = 'pre-wrap';
      box.appendChild(h);
      box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.lastChild.textContent = report;
  }
  var source = new EventSource('/__kaoping/events');
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('failed', function (e) { show(e.data); });
  source.addEventListener('ok', function () {
    var box = document.getElementById(OVERLAY);
    if (box) { box.remove(); }
  });
})();
