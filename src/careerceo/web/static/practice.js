// The practice timer: counts the seconds since the question was shown and sends them with the
// rating. Without JavaScript the page still works; only the time is not recorded.
(function () {
  "use strict";
  var out = document.getElementById("timer");
  var seconds = document.getElementById("f-seconds");
  if (!out || !seconds) {
    return;
  }
  var start = Date.now();
  function tick() {
    var s = Math.floor((Date.now() - start) / 1000);
    out.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    seconds.value = String(s);
  }
  tick();
  window.setInterval(tick, 1000);
})();
