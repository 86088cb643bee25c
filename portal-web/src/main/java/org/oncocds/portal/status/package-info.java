/** Whether the portal can serve clinicians, for load balancers and the start script (no login). */
package org.oncocds.portal.status;
