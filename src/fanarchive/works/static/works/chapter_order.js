// Manage Chapter Order: drag a chapter row to its place; the numbers follow, and the form
// (which works without this script) sends them.
(function () {
  "use strict";
  var list = document.getElementById("sortable_chapter_list");
  if (!list) return;
  var dragged = null;
  function renumber() {
    var rows = list.querySelectorAll("li.chapter");
    for (var i = 0; i < rows.length; i++) {
      rows[i].querySelector("input.position").value = i + 1;
    }
  }
  list.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("li.chapter");
    event.dataTransfer.effectAllowed = "move";
  });
  list.addEventListener("dragover", function (event) {
    var over = event.target.closest("li.chapter");
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    var box = over.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });
  list.addEventListener("drop", function (event) {
    event.preventDefault();
    renumber();
  });
  list.addEventListener("dragend", function () {
    dragged = null;
    renumber();
  });
})();
