/** The compliance officers' view of the audit trail. */
package org.oncocds.portal.audit;
