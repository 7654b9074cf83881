// resdiff report toggles. The URL hash applies the same functions a click
// does: #view=side, #view=inline, #hide-editorial (joined with &).
(function () {
  "use strict";
  var root = document.documentElement;
  var main = document.getElementById("report");
  root.classList.add("js");
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function setView(view) {
    main.setAttribute("data-view", view);
    all("[data-view-button]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-view-button") === view));
    });
    all(".redline").forEach(function (e) { e.hidden = view !== "inline"; });
    all(".sbs").forEach(function (e) { e.hidden = view !== "side"; });
  }
  function setHideEditorial(hide) {
    main.setAttribute("data-hide-editorial", String(hide));
    var b = document.getElementById("toggle-editorial");
    if (b) { b.setAttribute("aria-pressed", String(hide)); }
    all(".change.editorial").forEach(function (e) { e.hidden = hide; });
  }
  all("[data-view-button]").forEach(function (b) {
    b.addEventListener("click", function () { setView(b.getAttribute("data-view-button")); });
  });
  var toggle = document.getElementById("toggle-editorial");
  if (toggle) {
    toggle.addEventListener("click", function () {
      setHideEditorial(toggle.getAttribute("aria-pressed") !== "true");
    });
  }
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    if (part === "view=side" || part === "view=inline") { setView(part.slice(5)); }
    if (part === "hide-editorial") { setHideEditorial(true); }
  });
})();
