// SPDX-License-Identifier: MPL-2.0
// The few behaviours Småjob's pages have, kept out of the HTML so the Content-Security-Policy
// can forbid inline scripts and event handlers (docs/security.md, "Headers and CSP").
//
// * A button with data-action="print" prints the page.
// * Before printing, every <details> opens, so the printed calculation shows all its steps.
"use strict";
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-action='print']") : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
});
