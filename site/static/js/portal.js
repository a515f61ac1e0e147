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
        /* Submenus open from their own button, so Tab moves section to section instead of through every child. */
        var subToggles = nav.querySelectorAll("[data-sub-toggle]");
        function setSub(button, open) {
            button.parentNode.classList.toggle("is-expanded", open);
            button.setAttribute("aria-expanded", open ? "true" : "false");
        }
        subToggles.forEach(function (button) {
            var item = button.parentNode;
            button.hidden = false;
            button.addEventListener("click", function () {
                var open = !item.classList.contains("is-expanded");
                subToggles.forEach(function (other) { setSub(other, false); });
                setSub(button, open);
            });
            item.addEventListener("focusout", function (event) {
                if (!item.contains(event.relatedTarget)) { setSub(button, false); }
            });
        });
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape") { return; }
            var openItem = nav.querySelector(".is-expanded");
            if (openItem) {
                var button = openItem.querySelector("[data-sub-toggle]");
                setSub(button, false);
                button.focus();
            } else if (nav.classList.contains("is-open")) {
                nav.classList.remove("is-open");
                toggle.setAttribute("aria-expanded", "false");
                toggle.focus();
            }
        });
    });
})();
