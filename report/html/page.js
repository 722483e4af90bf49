// Filters and keyboard navigation for the editor's view. The page works without
// this script: every card is shown and every link works.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var cards = Array.prototype.slice.call(document.querySelectorAll("li.card"));
  var shown = document.getElementById("shown");
  if (form) {
    form.hidden = false;
  }

  function checked(name) {
    var out = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (el) {
      if (el.checked) { out[el.value] = true; }
    });
    return out;
  }

  function apply() {
    if (!form) { return; }
    var classes = checked("class");
    var statuses = checked("status");
    var source = form.elements.source.value;
    var family = form.elements.family.value;
    var n = 0;
    cards.forEach(function (card) {
      var d = card.dataset;
      var ok = classes[d.class] && statuses[d.status] &&
        (source === "" || (" " + d.sources + " ").indexOf(" " + source + " ") >= 0) &&
        (family === "" || d.family === family);
      card.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = "Showing " + n + " of " + cards.length + " conflicts.";
  }

  if (form) {
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  // j and k move to the next and the previous conflict shown; typing in a field is
  // never taken for a command.
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) { return; }
    if (e.key !== "j" && e.key !== "k") { return; }
    var visible = cards.filter(function (c) { return !c.hidden; });
    if (visible.length === 0) { return; }
    var i = visible.indexOf(document.activeElement.closest ? document.activeElement.closest("li.card") : null);
    if (e.key === "j") { i = i < 0 ? 0 : Math.min(i + 1, visible.length - 1); }
    if (e.key === "k") { i = i < 0 ? 0 : Math.max(i - 1, 0); }
    visible[i].focus();
    e.preventDefault();
  });

  // A verdict form asks for the right value only for "resolved", and for the stale
  // source only for "outdated".
  document.querySelectorAll("form.review-form").forEach(function (f) {
    function sync() {
      var v = f.querySelector("input[name=verdict]:checked");
      v = v ? v.value : "";
      f.querySelectorAll("[data-for]").forEach(function (el) {
        var on = el.getAttribute("data-for") === v;
        el.hidden = !on;
        el.querySelectorAll("select").forEach(function (s) { s.disabled = !on; s.required = on; });
      });
    }
    f.addEventListener("change", sync);
    sync();
  });
})();
