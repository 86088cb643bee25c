/**
 * Small command-line tools that start.sh runs against the started system through its public interfaces only
 * (Keycloak's token endpoint, the portal's REST API), such as approving and activating the demo models.
 */
package org.oncocds.deploy.tools;
