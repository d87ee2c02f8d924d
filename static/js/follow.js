/*
 * Follow buttons, in place. Without this file each button is a GET form to the follows confirm
 * page (sign in, then follow there), so cached pages carry no per-reader state or CSRF token.
 *
 * With it: one request to the state endpoint says who is signed in, which of the page's concepts
 * they follow, and gives a CSRF token; each button becomes a toggle (aria-pressed, "Follow" /
 * "Following") that posts to follow or unfollow without leaving the page. Anonymous readers keep
 * the plain form, which leads through sign-in. Loaded with defer: the CSP allows no inline script.
 */
(function () {
  "use strict";

  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-follow-concept]"));
  if (!forms.length || !window.fetch) {
    return;
  }
  var STATE_URL = "/follows/state.json";
  var token = null;

  function show(form, following) {
    var button = form.querySelector("button");
    button.setAttribute("aria-pressed", following ? "true" : "false");
    form.querySelector(".follow-button__word").textContent = following ? "Following" : "Follow";
  }

  function toggle(event) {
    var form = event.currentTarget;
    var button = form.querySelector("button");
    event.preventDefault();
    if (button.disabled) {
      return;
    }
    var following = button.getAttribute("aria-pressed") === "true";
    var body = new FormData();
    body.append("next", window.location.pathname);
    button.disabled = true;
    fetch(form.getAttribute(following ? "data-unfollow-url" : "data-follow-url"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, Accept: "application/json" }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("follow failed: " + response.status);
        }
        return response.json();
      })
      .then(function (result) {
        forms.forEach(function (other) {
          if (other.getAttribute("data-follow-concept") === String(result.concept)) {
            show(other, result.following);
          }
        });
      })
      .catch(function () {
        form.submit();
      })
      .then(function () {
        button.disabled = false;
      });
  }

  var query = forms
    .map(function (form) {
      return "concept=" + encodeURIComponent(form.getAttribute("data-follow-concept"));
    })
    .join("&");
  fetch(STATE_URL + "?" + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (state) {
      if (!state || !state.signed_in) {
        return;
      }
      token = state.csrf_token;
      forms.forEach(function (form) {
        var id = Number(form.getAttribute("data-follow-concept"));
        show(form, state.following.indexOf(id) !== -1);
        form.addEventListener("submit", toggle);
      });
    })
    .catch(function () {
      /* The plain forms still work. */
    });
})();
