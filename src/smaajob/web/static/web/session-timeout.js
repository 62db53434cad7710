// SPDX-License-Identifier: MPL-2.0
// The session's idle timeout notice (smaajob.identity.sessions). Shown a little before the
// session ends; "Forbliv logget ind" counts as activity. Before showing, it asks the server how
// much time is left, so work in another tab keeps this one quiet. When the time is up, the page
// goes to the log-in page (the server has ended the session by then).
(function () {
  "use strict";
  var box = document.getElementById("session-timeout");
  if (!box) { return; }
  var statusUrl = box.dataset.statusUrl;
  var keepaliveUrl = box.dataset.keepaliveUrl;
  var loginUrl = box.dataset.loginUrl;
  var warning = parseInt(box.dataset.warningSeconds, 10);
  var left = box.querySelector(".session-timeout-left");
  var stay = document.getElementById("session-timeout-bliv");
  var timer = null;
  var ticker = null;
  var deadline = 0;

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (e) { return ""; }
  }

  function describe(seconds) {
    if (seconds >= 90) { return Math.round(seconds / 60) + " minutter"; }
    if (seconds === 1) { return "1 sekund"; }
    return seconds + " sekunder";
  }

  function schedule(idleLeft) {
    clearTimeout(timer);
    deadline = Date.now() + idleLeft * 1000;
    timer = setTimeout(check, Math.max(idleLeft - warning, 0) * 1000);
  }

  function hide() {
    box.hidden = true;
    clearInterval(ticker);
  }

  function show() {
    box.hidden = false;
    stay.focus();
    clearInterval(ticker);
    tick();
    ticker = setInterval(tick, 1000);
  }

  function tick() {
    var seconds = Math.max(Math.round((deadline - Date.now()) / 1000), 0);
    left.textContent = describe(seconds);
    if (seconds <= 0) {
      clearInterval(ticker);
      window.location.assign(loginUrl + "&next=" + encodeURIComponent(window.location.pathname + window.location.search));
    }
  }

  function answer(response) {
    if (!response.ok) { throw new Error("session " + response.status); }
    return response.json();
  }

  function apply(data) {
    if (!data.logged_in) { window.location.assign(loginUrl); return; }
    var idleLeft = Math.min(data.idle_seconds_left, data.absolute_seconds_left);
    if (idleLeft > warning) { hide(); schedule(idleLeft); return; }
    deadline = Date.now() + idleLeft * 1000;
    show();
  }

  function check() {
    fetch(statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(answer).then(apply).catch(show);
  }

  stay.addEventListener("click", function () {
    fetch(keepaliveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken() }
    }).then(answer).then(apply).catch(function () { window.location.assign(loginUrl); });
  });

  // Any HTMX request is activity on the server too: start the wait again.
  document.body.addEventListener("htmx:afterRequest", function () {
    if (box.hidden) { schedule(parseInt(box.dataset.idleSeconds, 10)); }
  });

  schedule(parseInt(box.dataset.idleSeconds, 10));
})();
