/** The pages shown instead of a failed request: access denied (403), not found (404) and server error (500). */
package org.oncocds.portal.errors;
