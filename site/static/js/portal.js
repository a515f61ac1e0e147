/* Progressive enhancement only: without JavaScript the menu is simply shown open. */
(function () {
    "use strict";
    document.documentElement.classList.remove("no-js");
    document.documentElement.classList.add("js");
    document.addEventListener("DOMContentLoaded", function () {
        /* Print buttons start hidden: without JavaScript the browser's own Print menu still works. */
        document.querySelectorAll("[data-print]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () { window.print(); });
        });
        var nav = document.querySelector("[data-nav]");
        var toggle = document.querySelector("[data-nav-toggle]");
        if (!nav || !toggle) { return; }
        toggle.addEventListener("click", function () {
            var open = nav.classList.toggle("is-open");
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && nav.classList.contains("is-open")) {
                nav.classList.remove("is-open");
                toggle.setAttribute("aria-expanded", "false");
                toggle.focus();
            }
        });
    });
})();
