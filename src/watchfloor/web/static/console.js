// watchfloor console: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A filter select submits its form when changed (the button stays for keyboard users).
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form && select.form.requestSubmit());
  }
  // After a decision, move focus to the confirmation so screen readers announce it.
  const notice = document.querySelector(".notice[role='status']");
  if (notice) {
    notice.setAttribute("tabindex", "-1");
    notice.focus();
  }
});
