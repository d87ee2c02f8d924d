/*
 * Broadsheet reading pages. Progressive enhancement only: every page reads whole without it.
 *
 * - Marks <html> with the "js" class (replacing "no-js").
 * - Keeps every <time data-relative> current: "Published 4 hours ago", "Updated 25 minutes ago",
 *   "just now", "3 days ago", else the date ("25 November 2026"). The rules are those of
 *   broadsheet/core/timewords.py. The wording is refreshed every 30 seconds and whenever the
 *   page is shown again, so a page served from a cache never shows a stale relative time.
 * - The large "PLAY 00:53" control over a video poster starts the player, hides itself and
 *   moves focus to the player so its own controls (pause, seek, captions) are next.
 *
 * Loaded with defer from a file on this site: the content security policy allows no inline script.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  ];
  var MINUTE = 60 * 1000;
  var HOUR = 60 * MINUTE;
  var DAY = 24 * HOUR;
  var REFRESH_EVERY = 30 * 1000;

  // The calendar date as written in the datetime attribute, i.e. in the publication's time zone,
  // so the script shows the same date as the server whatever the reader's own time zone is.
  function absoluteDate(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    if (!match) {
      return "";
    }
    return Number(match[3]) + " " + MONTHS[Number(match[2]) - 1] + " " + match[1];
  }

  function ago(count, unit) {
    return count + " " + unit + (count === 1 ? "" : "s") + " ago";
  }

  function relativeWording(moment, now, iso) {
    var elapsed = now - moment;
    if (elapsed < MINUTE) {
      return "just now"; // also a moment in the future: the reader's clock is behind
    }
    if (elapsed < HOUR) {
      return ago(Math.floor(elapsed / MINUTE), "minute");
    }
    if (elapsed < DAY) {
      return ago(Math.floor(elapsed / HOUR), "hour");
    }
    if (elapsed < 7 * DAY) {
      return ago(Math.floor(elapsed / DAY), "day");
    }
    return absoluteDate(iso);
  }

  function timeText(element, now) {
    var iso = element.getAttribute("datetime") || "";
    var moment = Date.parse(iso);
    if (isNaN(moment)) {
      return null;
    }
    var wording = relativeWording(moment, now, iso);
    var prefix = (element.getAttribute("data-prefix") || "").trim();
    if (prefix) {
      return prefix + " " + wording;
    }
    return wording.charAt(0).toUpperCase() + wording.slice(1);
  }

  function refreshTimes() {
    var now = Date.now();
    var stamps = document.querySelectorAll("time[data-relative]");
    for (var i = 0; i < stamps.length; i++) {
      var text = timeText(stamps[i], now);
      if (text !== null && stamps[i].textContent !== text) {
        stamps[i].textContent = text;
      }
    }
  }

  function enhanceVideo(figure) {
    var video = figure.querySelector("video");
    var play = figure.querySelector("[data-video-play]");
    if (!video || !play) {
      return;
    }
    play.disabled = false;
    play.addEventListener("click", function () {
      play.hidden = true;
      video.focus();
      var started = video.play();
      if (started && typeof started.catch === "function") {
        started.catch(function () {
          // The browser refused to play (no codec, no network): offer the control again.
          play.hidden = false;
          play.focus();
        });
      }
    });
    video.addEventListener("play", function () {
      play.hidden = true;
    });
    video.addEventListener("ended", function () {
      play.hidden = false;
    });
  }

  function start() {
    refreshTimes();
    window.setInterval(refreshTimes, REFRESH_EVERY);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") {
        refreshTimes();
      }
    });
    window.addEventListener("pageshow", refreshTimes);
    var videos = document.querySelectorAll("[data-video]");
    for (var i = 0; i < videos.length; i++) {
      enhanceVideo(videos[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
