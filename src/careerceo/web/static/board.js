// The opportunities board: drag a card onto another column to move it. The buttons on each
// card do the same without a mouse; this file only adds dragging on top of them.
(function () {
  "use strict";
  var board = document.getElementById("board");
  if (!board) { return; }
  var meta = document.querySelector('meta[name="csrf-token"]');
  var dragged = null;

  board.addEventListener("dragstart", function (event) {
    var card = event.target.closest("article.card");
    if (!card) { return; }
    dragged = card;
    event.dataTransfer.setData("text/plain", card.dataset.id);
    event.dataTransfer.effectAllowed = "move";
  });

  function column(event) { return event.target.closest(".column"); }

  board.addEventListener("dragover", function (event) {
    var target = column(event);
    if (target && dragged) {
      event.preventDefault();
      target.classList.add("drop-target");
    }
  });
  board.addEventListener("dragleave", function (event) {
    var target = column(event);
    if (target) { target.classList.remove("drop-target"); }
  });
  board.addEventListener("drop", function (event) {
    var target = column(event);
    if (!target || !dragged) { return; }
    event.preventDefault();
    target.classList.remove("drop-target");
    var id = event.dataTransfer.getData("text/plain") || dragged.dataset.id;
    var stage = target.dataset.stage;
    dragged = null;
    var headers = { "Content-Type": "application/json" };
    if (meta) { headers["X-CSRF-Token"] = meta.getAttribute("content"); }
    fetch("/api/v1/opportunities/" + encodeURIComponent(id) + "/move", {
      method: "POST",
      headers: headers,
      credentials: "same-origin",
      body: JSON.stringify({ stage: stage })
    }).then(function (response) {
      if (response.ok) { window.location.reload(); return; }
      return response.json().then(function (body) {
        var message = (body.detail && body.detail[0] && body.detail[0].msg) || "the move was refused";
        if (stage === "closed") { message += " - open the opportunity to choose a reason"; }
        var note = document.getElementById("board-error") || document.createElement("p");
        note.id = "board-error";
        note.className = "error";
        note.setAttribute("role", "alert");
        note.textContent = message;
        board.parentNode.insertBefore(note, board);
      });
    });
  });
}());
