// Sort the pivot table by a clicked column; numbers by data-value, text alphabetically.
document.querySelectorAll("#pivots-table th.sortable").forEach(function (th, col) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var asc = th.dataset.order !== "asc";
    table.querySelectorAll("th").forEach(function (h) { delete h.dataset.order; });
    th.dataset.order = asc ? "asc" : "desc";
    var num = th.dataset.type === "num";
    var rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col], y = b.cells[col];
      var vx = num ? parseFloat(x.dataset.value) : x.textContent.trim().toLowerCase();
      var vy = num ? parseFloat(y.dataset.value) : y.textContent.trim().toLowerCase();
      return (vx < vy ? -1 : vx > vy ? 1 : 0) * (asc ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
