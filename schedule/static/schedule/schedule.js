/* "In lịch": shown only when JavaScript can print; without it the browser's own Print menu still works. */
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-print]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () { window.print(); });
        });
    });
})();
