// SPDX-License-Identifier: MPL-2.0
// The few behaviours Småjob's pages have, kept out of the HTML so the Content-Security-Policy
// can forbid inline scripts and event handlers (docs/security.md, "Headers and CSP").
//
// * Det Fælles Designsystem's components (drop-down menus, accordions, the mobile menu, error
//   summary) start here when its script is loaded (smaajob.web.design_system), and again in
//   what HTMX swaps in. Accordions arrive open and close here, so they read without JavaScript.
// * Ctrl+Enter (⌘+Enter on a Mac) in a text area saves its form, as Enter does in a one-line
//   field: the follow-up's note is keyboard-first too (docs/working-tool.md).
// * A button with data-action="print" prints the page.
// * Before printing, every <details> and accordion opens, so the printed calculation shows all its steps.
"use strict";
function startDesignSystem(scope) {
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    // An accordion is sent open, so it reads without JavaScript (DKFDS hides a closed one);
    // the ones marked data-start-closed close here, before DKFDS starts them.
    (scope || document).querySelectorAll(".accordion-button[data-start-closed]").forEach(function (button) {
      button.setAttribute("aria-expanded", "false");
      button.removeAttribute("data-start-closed");
    });
    window.DKFDS.init(scope ? { scope: scope } : undefined);
  }
}
document.addEventListener("DOMContentLoaded", function () { startDesignSystem(); });
// Without Det Fælles Designsystem's script (the plain fallback, when scripts/fetch-dkfds could
// not reach npm) nothing else opens a menu group: its button shows and hides its links here,
// and Escape closes it again.
document.addEventListener("click", function (event) {
  if (window.DKFDS) { return; }
  var button = event.target.closest ? event.target.closest(".js-dropdown[aria-controls]") : null;
  var open = document.querySelectorAll(".js-dropdown[aria-expanded='true']");
  open.forEach(function (other) {
    if (other !== button) { toggleGroup(other, false); }
  });
  if (button) {
    event.preventDefault();
    toggleGroup(button, button.getAttribute("aria-expanded") !== "true");
  }
});
document.addEventListener("keydown", function (event) {
  if (window.DKFDS || event.key !== "Escape") { return; }
  document.querySelectorAll(".js-dropdown[aria-expanded='true']").forEach(function (button) {
    toggleGroup(button, false);
    button.focus();
  });
});
function toggleGroup(button, expanded) {
  var target = document.getElementById(button.getAttribute("aria-controls"));
  button.setAttribute("aria-expanded", expanded ? "true" : "false");
  if (target) { target.classList.toggle("collapsed", !expanded); }
}
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-action='print']") : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});
document.addEventListener("keydown", function (event) {
  var field = event.target;
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || !field || field.tagName !== "TEXTAREA" || !field.form) {
    return;
  }
  event.preventDefault();
  field.form.requestSubmit();
});
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  document.querySelectorAll(".accordion-button[aria-expanded='false']").forEach(function (button) {
    var content = document.getElementById(button.getAttribute("aria-controls"));
    button.setAttribute("aria-expanded", "true");
    if (content) { content.setAttribute("aria-hidden", "false"); }
  });
});
