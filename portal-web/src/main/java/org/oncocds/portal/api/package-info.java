/** The REST API under {@code /api}: JSON over JAX-RS (the server's Jersey), bearer tokens from Keycloak. */
package org.oncocds.portal.api;
