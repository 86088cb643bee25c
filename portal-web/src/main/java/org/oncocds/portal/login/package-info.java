/** The ends of the OpenID Connect login: Keycloak's callback, logging out and the page after it. */
package org.oncocds.portal.login;
