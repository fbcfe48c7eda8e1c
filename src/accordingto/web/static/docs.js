/* /docs: Swagger UI on this server's OpenAPI schema (the bundle is served from /docs/assets). */
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null, // no badge fetched from the validator's site
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
