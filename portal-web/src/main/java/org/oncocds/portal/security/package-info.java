/** Who may use the portal: the OpenID Connect login against Keycloak, the portal's roles and the CSRF defence. */
package org.oncocds.portal.security;
