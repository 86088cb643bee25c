/** The audit module's API: the audit trail facade, patient pseudonyms and the records they exchange. */
package org.oncocds.audit.boundary;
