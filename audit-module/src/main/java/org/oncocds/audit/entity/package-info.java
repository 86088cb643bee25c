/** The audit trail's persistent records (JPA); never used outside the audit module. */
package org.oncocds.audit.entity;
